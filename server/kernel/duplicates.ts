// What the duplicate checks (查重) of accounts, contacts and deals share: a found row as the caller may
// see it, and the 409 that carries the matches. The queries are each module's; the stored keys are
// server/db/duplicate-keys.ts's.
import { messagePair, type MessageCode } from '../../core/messages.ts';
import type { DuplicateMatch } from '../../core/schemas/common.ts';
import type { Actor } from '../access/index.ts';
import { AppError } from '../lib/errors.ts';

/** A row a check found, as its query returns it (`inScope` from the access predicate in the same select). */
export interface FoundRow {
  field: DuplicateMatch['field'];
  inScope: boolean;
  id: string;
  name: string;
  ownerName: string | null;
  /** No owner: an account in the shared pool (or a contact or deal of one). */
  unowned: boolean;
  accountId?: string;
  accountName?: string;
  archived?: boolean;
}

/** How many matches a check returns: enough to show, not a list of the organisation. */
export const MATCH_LIMIT = 10;

/**
 * A found row as the caller may see it: in scope the record itself; out of scope only whose it is
 * ("已由 张三 登记"), never its id, name or account.
 */
export function presentMatch(actor: Actor, r: FoundRow): DuplicateMatch {
  const pool = r.unowned;
  const ownerName = pool ? messagePair('pool_owner')[actor.lang] : r.ownerName;
  if (!r.inScope) return { field: r.field, inScope: false, ownerName, pool };
  return {
    field: r.field,
    inScope: true,
    ownerName,
    pool,
    id: r.id,
    name: r.name,
    ...(r.accountId ? { accountId: r.accountId, accountName: r.accountName ?? '' } : {}),
    ...(r.archived !== undefined ? { archived: r.archived } : {}),
  };
}

/** The 409 of a write that matched: the field(s) named in both languages and the matches in the body. */
export function duplicateError(
  code: 'duplicate_account' | 'duplicate_contact' | 'duplicate_deal',
  fields: { path: string; code: MessageCode }[],
  matches: DuplicateMatch[],
): AppError {
  return new AppError(409, code, {}, fields, { matches });
}
