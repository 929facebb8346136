import type { MessageCode, Params } from '../../core/messages.ts';

export interface FieldIssue {
  path: string;
  code: MessageCode;
  params?: Params;
}

/** A typed application error; the errors plugin renders it in both languages. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: MessageCode,
    readonly params: Params = {},
    readonly fields: FieldIssue[] = [],
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'not_found');
export const forbidden = () => new AppError(403, 'forbidden');
export const staleVersion = () => new AppError(409, 'stale_version');
/** 400 naming one field. */
export const fieldError = (path: string, code: MessageCode, params?: Params) =>
  new AppError(400, 'validation', {}, [{ path, code, params }]);

/** The SQLSTATE of a database error; Drizzle wraps driver errors (DrizzleQueryError) with it on `cause`. */
export function sqlState(err: unknown): string {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return '';
}
