import { analyze, type Db } from '../../db/client.ts';
import { seedDemo, type DemoLogin } from './seed.ts';
import { seedDemoDeals } from './deals.ts';
import { seedDemoActivities } from './activities.ts';
import { seedDemoSnapshots } from './pipeline.ts';
import { seedDemoQuotas } from './quotas.ts';
import { seedDemoPool } from './pool.ts';
import { ensureDefaultStages } from '../stages/service.ts';
import { ensureActivityTypes } from '../activity-types/service.ts';
import { scoreAllUnscored } from '../scoring/service.ts';

/** Everything `--demo` loads into an empty database: the organisation and archive, the funnel, the deals, the activity log, last week's and today's pipeline snapshots, the reps' quotas. */
export async function loadDemo(db: Db): Promise<DemoLogin[]> {
  const logins = await seedDemo(db);
  await ensureDefaultStages(db);
  await ensureActivityTypes(db);
  await seedDemoDeals(db);
  await seedDemoActivities(db);
  await seedDemoSnapshots(db);
  await seedDemoQuotas(db);
  await seedDemoPool(db);
  // Last: every account the steps above inserted directly gets its key-account score.
  await scoreAllUnscored(db);
  await analyze(db);
  return logins;
}
