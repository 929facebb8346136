import type { FormInstance } from 'antd';
import { ApiError, localMessage } from './api.ts';

/** "members.0.userId" → ['members', 0, 'userId'], the NamePath antd Form.List uses. */
export function toNamePath(path: string): (string | number)[] {
  return path
    .replace(/^\//, '')
    .split(/[./]/)
    .filter(Boolean)
    .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

/** Puts server field errors inline; returns true when at least one field error was applied. */
export function applyFieldErrors(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError) || err.fields.length === 0) return false;
  form.setFields(err.fields.map((f) => ({ name: toNamePath(f.path), errors: [withoutPath(localMessage(f), f.path)] })));
  return true;
}

/**
 * Messages read "creditCode is not valid" / "creditCode：校验失败"; under the field itself the field
 * name is noise. Strips the path (or its last segment) and the space or colon after it.
 */
export function withoutPath(message: string, path: string): string {
  const last = String(toNamePath(path).at(-1) ?? '');
  for (const prefix of [path, last]) {
    if (!prefix || !message.startsWith(prefix)) continue;
    const rest = message.slice(prefix.length);
    const m = /^(?:\s*[:：]\s*|\s+)/.exec(rest);
    if (m) return rest.slice(m[0].length);
  }
  return message;
}
