// The SQL of the analysis cache (server/lib/analysis-cache.ts): one read of the current data
// versions with the stored entry, one write of a fresh entry.
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from './client.ts';

/** What a cached analysis reads; each is a counter in data_versions that triggers bump (migration 0016). */
export type DataDep = 'accounts' | 'deals';

const PREFIX: Record<DataDep, string> = { accounts: 'a', deals: 'd' };

/** Entries of an organisation older than this are dropped when it writes one: scopes and parameters come and go. */
const RETENTION = sql.raw(`interval '1 day'`);

export function analysisCacheRepository(db: Db) {
  return {
    /**
     * The current version of the deps (`a12d3`; an org never written since migration 0016 is at 0)
     * and the stored payload only when its version is that one, so a stale entry is never shipped.
     */
    async lookup(orgId: string, key: string, deps: DataDep[]): Promise<{ version: string; payload: unknown }> {
      // The column names come from the fixed DataDep union, never from a caller's text.
      const parts = [...new Set(deps)].sort().map((d) => sql.raw(`'${PREFIX[d]}' || coalesce(d.${d}, 0)`));
      const version = parts.length ? sql.join(parts, sql` || `) : sql`''`;
      const [row] = await rowsOf<{ version: string; payload: unknown }>(
        db,
        sql`select v.version, case when c.version = v.version then c.payload end as payload
            from (select ${version} as version from (select 1) one left join data_versions d on d.org_id = ${orgId}) v
            left join analysis_cache c on c.org_id = ${orgId} and c.key = ${key}`,
      );
      return row;
    },

    /** Stores the entry and drops the organisation's day-old ones (a range of the primary key) in one statement. */
    store: (orgId: string, key: string, version: string, payload: unknown) =>
      db.execute(sql`
        with old as (delete from analysis_cache where org_id = ${orgId} and key <> ${key} and computed_at < now() - ${RETENTION})
        insert into analysis_cache as c (org_id, key, version, computed_at, payload)
        values (${orgId}, ${key}, ${version}, now(), ${JSON.stringify(payload)}::jsonb)
        on conflict (org_id, key) do update set version = excluded.version, computed_at = excluded.computed_at, payload = excluded.payload`),
  };
}
