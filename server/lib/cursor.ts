import { fieldError } from './errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keyset cursor: the sort value and id of the last row of the previous page, opaque to clients. */
export function encodeCursor(value: string | number | null, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string | number | null, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string' && UUID.test(parsed[1])) {
      const v = parsed[0];
      if (v === null || typeof v === 'string' || typeof v === 'number') return [v, parsed[1]];
    }
  } catch {
    // fall through to the 400 below
  }
  throw fieldError('query.cursor', 'invalid');
}
