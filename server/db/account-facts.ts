// The SQL that reads an account's kept health facts (account_facts, migration 0021), shared by the
// accounts and account-health modules: every statement that shows health uses it. The
// account list joins it to its page's rows, the health service to a list of ids.
import { sql, type SQL } from 'drizzle-orm';
import { accountFacts } from './schema.ts';

/**
 * An account's health facts as columns of one row (see `healthFacts`): active contacts, all and key
 * (high/medium influence), each covered and supportive; open deals, counted by their stored red
 * flags (codes comma-joined, '' for none); the latest done call's start; and the recent done calls'
 * satisfaction scores as [start in epoch ms, score] pairs, which the health service windows.
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
  hSatisfaction: [number, number][];
}

/**
 * The health facts of the account whose id is `accountId` (an expression of the enclosing query),
 * as the columns of `HealthFactColumns` plus the join they read from: a list statement carries its
 * rows' health in the same round trip, one key lookup per account in its kept `account_facts` row.
 * An account without a facts row (none is missing unless written behind the triggers' back) reads
 * as having nothing.
 */
export function healthFacts(orgId: string, accountId: SQL): { columns: SQL; joins: SQL } {
  return {
    columns: sql`coalesce(hf.contacts, 0) as "hContacts", coalesce(hf.covered, 0) as "hCovered", coalesce(hf.supportive, 0) as "hSupportive",
                 coalesce(hf.key_contacts, 0) as "hKey", coalesce(hf.key_covered, 0) as "hKeyCovered", coalesce(hf.key_supportive, 0) as "hKeySupportive",
                 coalesce(hf.open_flags, '{}'::jsonb) as "hOpenFlags", extract(epoch from hf.last_done_at)::float8 * 1000 as "hLastDoneMs",
                 coalesce(hf.satisfaction, '[]'::jsonb) as "hSatisfaction"`,
    joins: sql`left join ${accountFacts} hf on hf.org_id = ${orgId} and hf.account_id = ${accountId}`,
  };
}
