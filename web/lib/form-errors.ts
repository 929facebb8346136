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

/** Messages read "creditCode is not valid"; under the field itself the field name is noise. */
function withoutPath(message: string, path: string): string {
  const last = String(toNamePath(path).at(-1) ?? '');
  return last && message.startsWith(`${last} `) ? message.slice(last.length + 1) : message;
}
