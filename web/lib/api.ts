// Thin fetch client: same-origin cookie session, UI language forwarded so server messages match it.
import type { ErrorBody } from '../../core/schemas/common.ts';
import { i18n } from '../i18n/index.ts';

export type FieldErrorBody = NonNullable<ErrorBody['fields']>[number];

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly body: ErrorBody | null;

  constructor(status: number, body: ErrorBody | null, fallback: string) {
    super(body ? localMessage(body) : fallback);
    this.status = status;
    this.code = body?.code ?? 'network';
    this.body = body;
  }

  get fields(): FieldErrorBody[] {
    return this.body?.fields ?? [];
  }
}

export function isEnglish(): boolean {
  return i18n.language?.startsWith('en') ?? false;
}

/** The server already answers in the requested language, but the pair lets us follow a switch made since. */
export function localMessage(b: { message: string; messages?: { zh: string; en: string } }): string {
  if (!b.messages) return b.message;
  return isEnglish() ? b.messages.en : b.messages.zh;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

let unauthorizedHandler: (() => void) | null = null;
/** The app shell registers this so any 401 sends the user back to the sign-in page. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': isEnglish() ? 'en' : 'zh-CN',
  };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (body instanceof FormData) {
    // A file upload: the browser writes the multipart Content-Type with its boundary itself.
    init.body = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError(0, null, i18n.t('common.networkError'));
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const err = new ApiError(res.status, isErrorBody(data) ? data : null, `${res.status} ${res.statusText}`);
    if (res.status === 401 && !path.startsWith('/api/auth/login') && unauthorizedHandler) unauthorizedHandler();
    throw err;
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isErrorBody(x: unknown): x is ErrorBody {
  return typeof x === 'object' && x !== null && 'code' in x && 'message' in x;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: (path: string) => request<void>('DELETE', path),
  /** POST as multipart form data (a file and its options as text fields). */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};
