// Scheduled jobs live in the database: every instance ticks, but a job runs only on the instance
// that claims its lease, so N instances sharing one PostgreSQL run each job once.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { jobsRepository } from './repository.ts';

export interface Job {
  name: string;
  everyMs: number;
  run(db: Db): Promise<void>;
}

export interface Scheduler {
  /** One pass over the jobs: runs those that are due and claimable. Returns the names it ran. */
  tick(now?: Date): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startScheduler(
  db: Db,
  jobs: Job[],
  opts: { tickMs?: number; autoStart?: boolean } = {},
): Promise<Scheduler> {
  const repo = jobsRepository(db);
  const owner = randomUUID();
  for (const j of jobs) await repo.ensure(j.name, new Date());
  let running: Promise<unknown> = Promise.resolve();

  async function tick(now = new Date()) {
    const ran: string[] = [];
    for (const j of jobs) {
      if (!(await repo.claim(j.name, owner, now, Math.max(j.everyMs, 60_000)))) continue;
      let error: string | null = null;
      try {
        await j.run(db);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      await repo.finish(j.name, owner, new Date(now.getTime() + j.everyMs), error);
      ran.push(j.name);
    }
    return ran;
  }

  const timer =
    opts.autoStart === false
      ? null
      : setInterval(() => (running = tick().catch(() => undefined)), opts.tickMs ?? 60_000);
  timer?.unref();
  return {
    tick,
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
