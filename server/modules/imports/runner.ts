// Runs import jobs. The instance that takes a job's claim runs it; the claim is renewed with every batch
// and a job whose claim lapses (its instance stopped) is taken over by the next sweep and resumed:
// skip-bad-rows imports commit batch by batch with their progress, so they go on after the last committed
// row; all-or-nothing imports (and dry runs) are one transaction, so they start again from the top.
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import { readSheet, SheetError, type SheetRow } from '../../lib/sheets/read.ts';
import { xlsxRowTags } from '../../lib/sheets/count.ts';
import type { Actor } from '../../access/index.ts';
import type { ImportBatchContext, ImportOutcome, ImportRow } from '../../kernel/imports.ts';
import type { ImportEntity } from '../../../core/import/headers.ts';
import type { ImportMapping, ImportMatch, ImportMode } from '../../../core/schemas/imports.ts';
import { messagePair, type MessageCode } from '../../../core/messages.ts';
import { importAccounts } from '../accounts/import.ts';
import { importContacts } from '../contacts/import.ts';
import { importOpportunities } from '../opportunities/import.ts';
import { importActivities } from '../activities/import.ts';
import { importsRepository, type ImportRowRecord } from './repository.ts';
import { missingFields, resolveColumns } from './columns.ts';
import { rowPreparer, type OwnerTarget, type RejectedRow } from './rows.ts';
import { reasonOf } from './report.ts';
import { historyWriter } from '../../kernel/history.ts';

/** What a job row's options hold (set when it is created). */
export interface StoredOptions {
  mapping: ImportMapping;
  match: ImportMatch;
  mode: ImportMode;
  owner: OwnerTarget;
  format: 'xlsx' | 'csv';
  encoding?: 'utf-8' | 'gb18030';
  maxRows: number;
  /** The importer as they were when they started it: a job runs with the scope it was given. */
  actor: Actor;
}

const BATCH = 500;
const LEASE_MS = 60_000;

const WRITERS: Record<
  ImportEntity,
  (tx: Db, actor: Actor, rows: ImportRow[], ctx: ImportBatchContext) => Promise<ImportOutcome[]>
> = {
  accounts: importAccounts,
  contacts: importContacts,
  opportunities: importOpportunities,
  activities: importActivities,
};

/** The tables each entity's rows land in (with their triggers' and history's), analysed as they grow. */
const FILLED: Record<ImportEntity, readonly string[]> = {
  accounts: ['accounts', 'account_facts', 'history'],
  contacts: ['contacts', 'history'],
  opportunities: ['opportunities', 'stage_history', 'history'],
  activities: ['activities', 'history'],
};
/** Rows after which the tables are analysed: 1k, 4k, 16k, 64k… (a few hundred ms each, at most a handful). */
const ANALYZE_FIRST = 1_000;
const ANALYZE_STEP = 4;

/** Thrown inside an all-or-nothing transaction to undo it; the job is then marked with the reason. */
class Abort extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

interface Counts {
  total: number;
  done: number;
  rejected: number;
  created: number;
  updated: number;
}

async function* batches(rows: AsyncIterable<SheetRow>, skip: number): AsyncGenerator<SheetRow[]> {
  let batch: SheetRow[] = [];
  let n = 0;
  for await (const r of rows) {
    if (n++ < skip) continue;
    batch.push(r);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * The source's items with the next one always on its way: the sheet is read and converted while the
 * database writes the batch before (a third of an import's time is waiting for the database).
 */
async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const item = await next;
      if (item.done) return;
      next = iterator.next();
      // Left unread when the consumer stops early (a failed batch): its error is not the one to report.
      next.catch(() => undefined);
      yield item.value;
    }
  } finally {
    await iterator.return?.(undefined);
  }
}

export function importRunner(db: Db, kind: 'pglite' | 'postgres', log?: FastifyBaseLogger) {
  const repo = importsRepository(db);
  const owner = randomUUID();
  const running = new Map<string, Promise<void>>();
  /** The jobs this instance runs and their progress, for a reader the open transaction would make wait (PGlite). */
  const live = new Map<string, { job: ImportRowRecord; counts: Counts }>();
  let stopping = false;

  /** The data rows, for the progress bar and the row limit; an .xlsx's from its row tags, without reading cells. */
  async function countRows(content: Buffer, opts: StoredOptions): Promise<number> {
    if (opts.format === 'xlsx') {
      const tags = await xlsxRowTags(content);
      // An upper bound (a blank row with formatting has a tag too): read exactly when it would refuse the file.
      if (tags !== null && tags - 1 <= opts.maxRows) return Math.max(tags - 1, 0);
    }
    let n = -1;
    for await (const _ of readSheet(content, opts.format, { encoding: opts.encoding })) n++;
    return Math.max(n, 0);
  }

  async function execute(job: ImportRowRecord): Promise<{ counts: Counts; error: MessageCode | null } | null> {
    const opts = job.options as StoredOptions;
    const actor = opts.actor;
    const entity = job.entity as ImportEntity;
    const content = await repo.file(job.orgId, job.id);
    if (!content) throw new Abort('import_failed');
    const total = await countRows(content, opts);
    if (total === 0) throw new Abort('import_file_empty');
    if (total > opts.maxRows) throw new Abort('import_too_many_rows', { limit: opts.maxRows });
    const allOrNothing = opts.mode === 'all' || job.dryRun;
    const counts: Counts = allOrNothing
      ? { total, done: 0, rejected: 0, created: 0, updated: 0 }
      : { total, done: job.done, rejected: job.rejected, created: job.created, updated: job.updated };
    live.set(job.id, { job, counts });
    if (allOrNothing) await repo.clearRejects(job.orgId, job.id);
    await repo.progress(job.orgId, job.id, owner, { ...counts, leaseUntil: new Date(Date.now() + LEASE_MS) });

    const rows = readSheet(content, opts.format, { encoding: opts.encoding });
    const iterator = rows[Symbol.asyncIterator]();
    const head = await iterator.next();
    if (head.done) throw new Abort('import_file_empty');
    const headers = head.value.cells.map((c) => (c === null ? '' : String(c)));
    const columns = resolveColumns(entity, headers, opts.mapping);
    if (missingFields(entity, columns).length)
      throw new Abort('import_missing_required', { fields: missingFields(entity, columns).join(', ') });
    await repo.progress(job.orgId, job.id, owner, { headers });
    const prepare = rowPreparer(actor, entity, columns, opts.owner);
    const write = WRITERS[entity];
    const ctx: ImportBatchContext = {
      importId: job.id,
      match: opts.match,
      ownerOnUpdate: opts.owner.kind === 'column',
      seen: new Map(),
    };
    const rest: AsyncIterable<SheetRow> = { [Symbol.asyncIterator]: () => iterator };

    let analyzeAt = ANALYZE_FIRST;
    const runBatch = async (tx: Db, batch: SheetRow[]) => {
      const { good, bad } = await prepare(tx, batch);
      const outcomes = good.length ? await write(tx, actor, good, ctx) : [];
      const cellsOf = new Map(batch.map((r) => [r.number, r.cells]));
      const rejected: RejectedRow[] = [...bad];
      for (const o of outcomes) {
        if (o.outcome === 'rejected') rejected.push({ row: o.row, cells: cellsOf.get(o.row) ?? [], issues: o.issues });
        else counts[o.outcome]++;
      }
      counts.rejected += rejected.length;
      counts.done += batch.length;
      if (counts.done >= analyzeAt) {
        await importsRepository(tx).analyze(FILLED[entity]);
        while (analyzeAt <= counts.done) analyzeAt *= ANALYZE_STEP;
      }
      return rejected;
    };
    const rejectRows = (rejected: RejectedRow[]) =>
      rejected.map((r) => ({
        orgId: job.orgId,
        importId: job.id,
        row: r.row,
        cells: r.cells,
        ...reasonOf(entity, r.issues),
      }));

    if (allOrNothing) {
      const rejected: RejectedRow[] = [];
      try {
        await db.transaction(async (tx) => {
          for await (const batch of readAhead(batches(rest, 0))) {
            if (stopping) throw new Abort('import_failed');
            rejected.push(...(await runBatch(tx, batch)));
            // On PostgreSQL written on a connection of its own, so other instances see the progress while this
            // transaction is open. PGlite has one connection, held by it: there this instance's `live` answers.
            if (kind === 'postgres') {
              await repo.progress(job.orgId, job.id, owner, {
                done: counts.done,
                leaseUntil: new Date(Date.now() + LEASE_MS),
              });
            }
          }
          if (counts.done === 0) throw new Abort('import_file_empty');
          counts.total = counts.done;
          if (rejected.length || job.dryRun) throw new Abort('import_rows_rejected', { count: rejected.length });
        });
      } catch (e) {
        if (!(e instanceof Abort) || e.code !== 'import_rows_rejected') throw e;
      }
      await repo.addRejects(rejectRows(rejected));
      const failed = rejected.length > 0 && !job.dryRun;
      if (failed) Object.assign(counts, { created: 0, updated: 0 });
      return { counts, error: failed ? ('import_rows_rejected' as const) : null };
    }
    for await (const batch of readAhead(batches(rest, job.done))) {
      if (stopping) return null;
      await db.transaction(async (tx) => {
        const rejected = await runBatch(tx, batch);
        await importsRepository(tx).addRejects(rejectRows(rejected));
        const held = await importsRepository(tx).progress(job.orgId, job.id, owner, {
          ...counts,
          leaseUntil: new Date(Date.now() + LEASE_MS),
        });
        // Another instance took the job over (this one stalled past its claim): leave the rest to it.
        if (!held.length) throw new Abort('import_failed');
      });
    }
    if (counts.done === 0) throw new Abort('import_file_empty');
    counts.total = counts.done;
    return { counts, error: null };
  }

  /** The audit log's entry for a finished import (a dry run changed nothing and leaves none). */
  async function audit(job: ImportRowRecord, status: 'done' | 'failed', counts: Partial<Counts> | undefined) {
    if (job.dryRun) return;
    const changes = Object.entries({ entity: job.entity, file: job.fileName, status, ...counts }).map(
      ([field, value]) => ({ field, old: null, new: value ?? null }),
    );
    await historyWriter(db).record(
      job.orgId,
      'import',
      job.id,
      'import',
      (job.options as StoredOptions).actor.userId,
      changes,
    );
  }

  async function run(orgId: string, id: string) {
    const job = await repo.claim(orgId, id, owner, new Date(Date.now() + LEASE_MS), new Date());
    if (!job) return;
    let result: { counts: Counts; error: MessageCode | null } | null = null;
    try {
      result = await execute(job);
    } catch (e) {
      // Stopping (a shutdown): the claim lapses and the next start takes the job up again.
      if (stopping) return;
      if (!(e instanceof Abort) && !(e instanceof SheetError))
        log?.error({ err: e, importId: job.id }, 'import failed');
      const code: MessageCode =
        e instanceof Abort
          ? e.code
          : e instanceof SheetError
            ? e.code === 'encoding'
              ? 'import_file_encoding'
              : e.code === 'empty'
                ? 'import_file_empty'
                : 'import_file_corrupt'
            : 'import_failed';
      const params = e instanceof Abort ? e.params : {};
      // An all-or-nothing import that failed wrote nothing, whatever it had counted.
      const counted = live.get(job.id)?.counts;
      const undone = counted && (job.options as StoredOptions).mode === 'all' ? { created: 0, updated: 0 } : {};
      await repo.progress(job.orgId, job.id, owner, {
        status: 'failed',
        error: JSON.stringify({ code, params, ...messagePair(code, params) }),
        finishedAt: new Date(),
        leaseOwner: null,
        ...undone,
      });
      await repo.dropFile(job.orgId, job.id);
      await audit(job, 'failed', counted && { ...counted, ...undone });
      return;
    } finally {
      live.delete(job.id);
    }
    // Stopping: the claim lapses and another start resumes it.
    if (!result) return;
    await repo.progress(job.orgId, job.id, owner, {
      ...result.counts,
      status: result.error ? 'failed' : 'done',
      error: result.error
        ? JSON.stringify({
            code: result.error,
            params: { count: result.counts.rejected },
            ...messagePair(result.error, { count: result.counts.rejected }),
          })
        : null,
      finishedAt: new Date(),
      leaseOwner: null,
    });
    await repo.dropFile(job.orgId, job.id);
    await audit(job, result.error ? 'failed' : 'done', result.counts);
  }

  return {
    /** Starts a job on this instance now, unless it already runs here. */
    kick(orgId: string, id: string) {
      if (running.has(id) || stopping) return;
      const p = run(orgId, id)
        .catch(() => undefined)
        .finally(() => running.delete(id));
      running.set(id, p);
    },
    /** Picks up jobs no instance is running (queued, or left by a stopped instance). */
    async sweep() {
      for (const j of await repo.orphans(new Date())) this.kick(j.orgId, j.id);
    },
    /** A job running here, as it stands: answered without the database, which its transaction may hold. */
    liveJob: (orgId: string, id: string): ImportRowRecord | undefined => {
      const l = live.get(id);
      return l && l.job.orgId === orgId ? { ...l.job, ...l.counts, status: 'running' } : undefined;
    },
    /** Resolves when every job this instance started has finished (tests) or stopped (shutdown). */
    idle: () => Promise.all(running.values()).then(() => undefined),
    async stop() {
      stopping = true;
      await Promise.all(running.values());
    },
  };
}

export type ImportRunner = ReturnType<typeof importRunner>;

declare module 'fastify' {
  interface FastifyInstance {
    /** This instance's import runner (server/app.ts), which the routes kick and main.ts's scheduler sweeps. */
    imports: ImportRunner;
  }
}
