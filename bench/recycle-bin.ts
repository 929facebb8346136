// The recycle bin's list at a team's scale: 50 entries per rep (2,000 in the organisation), deleted
// over the last 30 days, a quarter each accounts, contacts, deals and calls. The entries are written
// directly and stand for records that are not in the tables: deleting real ones would change every
// other scenario's data. The list reads only the entries' own columns, never their rows.
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../server/db/client.ts';
import { uuid7 } from './deals.ts';
import { stepTimer } from './seed.ts';

export const BIN_PER_REP = 50;

export async function seedRecycleBin(
  db: Db,
  orgId: string,
  opts: { log: (m: string) => void },
): Promise<{ entries: number; reused: boolean }> {
  const reps = await rowsOf<{ id: string; team_id: string }>(
    db,
    sql`select id, team_id from users where org_id = ${orgId} and role = 'rep' order by email`,
  );
  const want = reps.length * BIN_PER_REP;
  const [{ n }] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from recycle_bin where org_id = ${orgId}`,
  );
  if (n === want) return { entries: n, reused: true };
  const timer = stepTimer(opts.log);
  await timer.timed(`recycle bin: ${want} entries`, async () => {
    await db.execute(sql`delete from recycle_bin where org_id = ${orgId}`);
    await db.execute(sql`
      insert into recycle_bin (org_id, id, entity, name, account_id, account_name, amount, owner_ids, deleted_by, deleted_at, rows, links)
      select ${orgId}, ${uuid7(sql`(900000000 + r.i * ${BIN_PER_REP} + g)`, sql`('bin' || r.i || '-' || g)`)},
        (array['account', 'contact', 'opportunity', 'activity'])[1 + g % 4],
        '已删除记录 ' || r.i || '-' || g, null, '某市第' || g || '人民医院',
        case when g % 4 = 2 then (100000 + g * 1234.56)::numeric(18, 2) end,
        array[r.id], r.id, now() - make_interval(mins => g * 863), '[]'::jsonb, '[]'::jsonb
      from (select id, row_number() over (order by email) as i from users where org_id = ${orgId} and role = 'rep') r,
        generate_series(1, ${BIN_PER_REP}) g`);
    await db.execute(sql`analyze recycle_bin`);
  });
  return { entries: want, reused: false };
}
