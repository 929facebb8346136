// The demo's quotas: every rep has a yearly target for this year and next (with stretch and
// challenge levels), and this quarter's target for the reps of one team, so the forecast shows
// attainment and coverage, the planner has a quota to start from and plan vs actual has a plan.
// Teams have none of their own: their quota is the sum of their people's.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgs, quotas, users } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import { orgTimeZone } from '../../kernel/settings.ts';
import { parsePeriod, quarterOfDate } from '../../../core/period.ts';
import { localDate } from '../../../core/time.ts';

/** Yearly targets in 10k CNY (万元), one per rep in name order, repeating. */
const TARGETS_WAN = [600, 450, 500, 380, 800, 420, 350];

export async function seedDemoQuotas(db: Db, now = new Date()): Promise<void> {
  const [org] = await db.select().from(orgs).limit(1);
  if (!org) return;
  const reps = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, org.id), eq(users.role, 'rep')))
    .orderBy(asc(users.email));
  const today = localDate(now, await orgTimeZone(db, org.id));
  const year = Number(today.slice(0, 4));
  const quarter = parsePeriod(quarterOfDate(today))!;
  const rows: (typeof quotas.$inferInsert)[] = [];
  reps.forEach((r, i) => {
    const wan = BigInt(TARGETS_WAN[i % TARGETS_WAN.length]);
    for (const y of [year, year + 1]) {
      // Next year asks 20 % more.
      const target = (wan * 10_000n * (y === year ? 10n : 12n)) / 10n;
      rows.push({
        orgId: org.id,
        id: newId(),
        userId: r.id,
        period: String(y),
        periodKind: 'year',
        periodStart: `${y}-01-01`,
        target: `${target}.00`,
        stretch: `${(target * 12n) / 10n}.00`,
        challenge: `${(target * 15n) / 10n}.00`,
      });
    }
    // Every other rep has also agreed this quarter's number with their manager.
    if (i % 2 === 0) {
      rows.push({
        orgId: org.id,
        id: newId(),
        userId: r.id,
        period: quarter.key,
        periodKind: 'quarter',
        periodStart: quarter.start,
        target: `${(wan * 10_000n * 3n) / 10n}.00`,
      });
    }
  });
  if (rows.length) await db.insert(quotas).values(rows);
}
