// The SQL that reads an account's health facts, shared by every statement that shows health: the
// account list joins it to its page's rows, the health service to a list of ids.
import { sql, type SQL } from 'drizzle-orm';
import { accountFacts, activities } from '../../db/schema.ts';

/**
 * An account's health facts as columns of one row (see `healthFacts`): active contacts, all and key
 * (high/medium influence), each covered and supportive; open deals, counted by their stored red
 * flags (codes comma-joined, '' for none); the latest done call's start; and the satisfaction
 * scores since a date, counted and summed.
 */
export interface HealthFactColumns {
  hContacts: number;
  hCovered: number;
  hSupportive: number;
  hKey: number;
  hKeyCovered: number;
  hKeySupportive: number;
  hOpenFlags: Record<string, number>;
  hLastDoneMs: number | null;
  hSatCount: number;
  hSatSum: number;
}

/**
 * The health facts of the account whose id is `accountId` (an expression of the enclosing query),
 * as the columns of `HealthFactColumns` plus the joins they read from: a list statement carries its
 * rows' health in the same round trip. Contacts, deals and the latest call come from the account's
 * kept `account_facts` row (one key lookup); satisfaction, a window that moves with the clock, is
 * counted live from the done calls' index. An account without a facts row (none is missing unless
 * written behind the triggers' back) reads as having nothing.
 */
export function healthFacts(orgId: string, accountId: SQL, since: Date): { columns: SQL; joins: SQL } {
  return {
    columns: sql`coalesce(hf.contacts, 0) as "hContacts", coalesce(hf.covered, 0) as "hCovered", coalesce(hf.supportive, 0) as "hSupportive",
                 coalesce(hf.key_contacts, 0) as "hKey", coalesce(hf.key_covered, 0) as "hKeyCovered", coalesce(hf.key_supportive, 0) as "hKeySupportive",
                 coalesce(hf.open_flags, '{}'::jsonb) as "hOpenFlags", extract(epoch from hf.last_done_at)::float8 * 1000 as "hLastDoneMs",
                 hs.n as "hSatCount", hs.total as "hSatSum"`,
    joins: sql`left join ${accountFacts} hf on hf.org_id = ${orgId} and hf.account_id = ${accountId}
               left join lateral (
                 select count(*)::int as n, coalesce(sum(s.satisfaction), 0)::int as total
                   from ${activities} s where s.org_id = ${orgId} and s.account_id = ${accountId} and s.status = 'done'
                    and s.satisfaction is not null and s.planned_start >= ${since}) hs on true`,
  };
}
