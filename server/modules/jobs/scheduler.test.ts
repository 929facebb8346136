import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg } from '../../test/factories.ts';
import { startScheduler, type Job } from './scheduler.ts';
import { jobsRepository } from './repository.ts';

let t: TestApp;
beforeAll(async () => {
  // Job leases are kept for the whole database, not per organisation.
  t = await build({}, { database: 'fresh' });
  await seedOrg(t.app);
});
afterAll(() => t.close());

const MINUTE = 60_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

function counting(name: string, everyMs: number, run: () => Promise<void> = async () => undefined) {
  const job = {
    name,
    everyMs,
    runs: 0,
    async run() {
      job.runs++;
      await run();
    },
  };
  return job satisfies Job;
}

describe('scheduler', () => {
  it('two instances ticking at the same moment run a due job exactly once', async () => {
    const a = counting('once-job', 10 * MINUTE);
    const b = counting('once-job', 10 * MINUTE);
    const s1 = await startScheduler(t.database.db, [a], { autoStart: false });
    const s2 = await startScheduler(t.database.db, [b], { autoStart: false });
    const now = at(new Date(), 1000);
    const [r1, r2] = await Promise.all([s1.tick(now), s2.tick(now)]);
    expect(a.runs + b.runs).toBe(1);
    expect([...r1, ...r2]).toEqual(['once-job']);

    // Not again within the interval, from either instance.
    for (const s of [s1, s2]) expect(await s.tick(now)).toEqual([]);
    const [e1, e2] = await Promise.all([s1.tick(at(now, 10 * MINUTE - 1)), s2.tick(at(now, 10 * MINUTE - 1))]);
    expect([...e1, ...e2]).toEqual([]);
    expect(a.runs + b.runs).toBe(1);

    // Once the interval has passed, exactly once more.
    const due = at(now, 10 * MINUTE);
    const [d1, d2] = await Promise.all([s1.tick(due), s2.tick(due)]);
    expect([...d1, ...d2]).toEqual(['once-job']);
    expect(a.runs + b.runs).toBe(2);
    const row = await jobsRepository(t.database.db).get('once-job');
    expect(row).toMatchObject({ lockedUntil: null, lockedBy: null, lastError: null });
    expect(row?.nextRunAt.getTime()).toBe(due.getTime() + 10 * MINUTE);
    await Promise.all([s1.stop(), s2.stop()]);
  });

  it('many instances racing still run the job once', async () => {
    const jobs = Array.from({ length: 6 }, () => counting('race-job', MINUTE));
    const schedulers = await Promise.all(jobs.map((j) => startScheduler(t.database.db, [j], { autoStart: false })));
    const now = at(new Date(), 1000);
    const ran = (await Promise.all(schedulers.map((s) => s.tick(now)))).flat();
    expect(ran).toEqual(['race-job']);
    expect(jobs.reduce((n, j) => n + j.runs, 0)).toBe(1);
    await Promise.all(schedulers.map((s) => s.stop()));
  });

  it('a running job holds its lease: another instance does not start it again meanwhile', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const slow = counting('slow-job', 1000, () => gate);
    const other = counting('slow-job', 1000);
    const s1 = await startScheduler(t.database.db, [slow], { autoStart: false });
    const s2 = await startScheduler(t.database.db, [other], { autoStart: false });
    const now = at(new Date(), 1000);
    const first = s1.tick(now);
    // Wait until s1 holds the lease (the job has started).
    while (slow.runs === 0) await new Promise((r) => setImmediate(r));
    // Past the job's interval but inside its lease (at least a minute).
    expect(await s2.tick(at(now, 5000))).toEqual([]);
    release();
    expect(await first).toEqual(['slow-job']);
    expect(other.runs).toBe(0);
    // Free again after it finished and the interval passed.
    expect(await s2.tick(at(now, 5000))).toEqual(['slow-job']);
    await Promise.all([s1.stop(), s2.stop()]);
  });

  it('records a failing job and still schedules its next run', async () => {
    const failing = counting('failing-job', MINUTE, async () => {
      throw new Error('boom');
    });
    const s = await startScheduler(t.database.db, [failing], { autoStart: false });
    const now = at(new Date(), 1000);
    expect(await s.tick(now)).toEqual(['failing-job']);
    const row = await jobsRepository(t.database.db).get('failing-job');
    expect(row).toMatchObject({ lastError: 'boom', lockedUntil: null });
    expect(row?.nextRunAt.getTime()).toBe(now.getTime() + MINUTE);
    expect(await s.tick(at(now, MINUTE))).toEqual(['failing-job']);
    expect(failing.runs).toBe(2);
    await s.stop();
  });

  it('a job is not due before its first scheduled time, and restarting does not reset it', async () => {
    const j = counting('restart-job', 10 * MINUTE);
    const s1 = await startScheduler(t.database.db, [j], { autoStart: false });
    expect(await s1.tick(at(new Date(), -MINUTE))).toEqual([]);
    const now = at(new Date(), 1000);
    expect(await s1.tick(now)).toEqual(['restart-job']);
    await s1.stop();
    // A new instance (e.g. after a deploy) keeps the stored schedule.
    const s2 = await startScheduler(t.database.db, [j], { autoStart: false });
    expect(await s2.tick(at(now, MINUTE))).toEqual([]);
    expect(j.runs).toBe(1);
    await s2.stop();
  });
});
