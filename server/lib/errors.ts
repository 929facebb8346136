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
    /** Further members of the body, in the response schema (a 查重 409's `matches`). */
    readonly extra: Record<string, unknown> = {},
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

/**
 * Did the database connection go away under this request (a restart, a failover, a terminated
 * backend, a refused or reset socket)? The request can be retried; the pool opens a new connection.
 */
export function isConnectionLoss(err: unknown): boolean {
  const state = sqlState(err);
  // 57P01–57P03: admin shutdown, crash shutdown, cannot connect now; class 08: connection exceptions.
  if (/^57P0[123]$/.test(state) || state.startsWith('08')) return true;
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN)$/.test(code))
      return true;
    const message = (e as { message?: unknown }).message;
    // A new connection to a database that refuses them (ALTER DATABASE … ALLOW_CONNECTIONS false) fails
    // with SQLSTATE 55000, a class shared with unrelated errors: known by its message.
    if (
      typeof message === 'string' &&
      /Connection terminated|not queryable|timeout exceeded when trying to connect|is not currently accepting connections/i.test(
        message,
      )
    )
      return true;
  }
  return false;
}

/** The SQLSTATE of a database error; Drizzle wraps driver errors (DrizzleQueryError) with it on `cause`. */
export function sqlState(err: unknown): string {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return '';
}
