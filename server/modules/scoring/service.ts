// Key-account scoring: the organisation's model in its settings, scores stored on the accounts so
// lists can sort and filter on them, and assigned tiers changed in bulk with their history.
import type { Db } from '../../db/client.ts';
import { scoringRepository } from './repository.ts';
import { historyWriter } from '../../kernel/history.ts';
import { mergeOrgSettings, orgSettings } from '../../kernel/settings.ts';
import { AppError, fieldError, notFound } from '../../lib/errors.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { keysetPage } from '../../lib/cursor.ts';
import { analysisKey, cached } from '../../lib/analysis-cache.ts';
import { modelIssues, scoreAccount, type ScoringInput, type ScoringModel } from '../../../core/scoring.ts';
import type { Tier } from '../../../core/enums.ts';
import type { ListSummary } from '../../../core/schemas/common.ts';
import type {
  AccountScore,
  ScorePage,
  ScoreQuery,
  TierBulk,
  TierBulkResult,
} from '../../../core/schemas/key-accounts.ts';

const CHUNK = 5000;

/** One back-fill per organisation at a time: concurrent first reads would each rewrite the same rows. */
const backfills = new Map<string, Promise<void>>();

/** The saved model, or the course's default until an admin saves one (saved models are validated). */
const modelOf = async (db: Db, orgId: string): Promise<ScoringModel> => (await orgSettings(db, orgId)).scoring;

async function store(db: Db, orgId: string, model: ScoringModel, rows: (ScoringInput & { id: string })[]) {
  const results = rows.map((r) => scoreAccount(model, r));
  await scoringRepository(db).storeScores(
    orgId,
    rows.map((r) => r.id),
    results.map((r) => r.score),
    results.map((r) => r.recommendedTier),
  );
}

/** Scores the organisation's accounts chunk by chunk: all of them, or those never scored. */
async function rescoreOrg(db: Db, orgId: string, model: ScoringModel, unscoredOnly: boolean) {
  const repo = scoringRepository(db);
  for (let after: string | null = null; ; ) {
    const rows = await repo.inputs(orgId, after, CHUNK, unscoredOnly);
    if (rows.length) await store(db, orgId, model, rows);
    if (rows.length < CHUNK) return;
    after = rows[rows.length - 1].id;
  }
}

/** Re-scores accounts after they were written, in the writer's transaction. */
export async function rescoreAccounts(tx: Db, orgId: string, ids: string[]) {
  const repo = scoringRepository(tx);
  await store(tx, orgId, await modelOf(tx, orgId), await repo.inputsOf(orgId, ids));
}

/**
 * Scores for accounts about to be inserted (a bulk import): the figures are all on the row, so they go
 * in with it instead of being written a second time by rescoreAccounts.
 */
export async function scoresFor(db: Db, orgId: string, inputs: ScoringInput[]) {
  const model = await modelOf(db, orgId);
  return inputs.map((i) => {
    const r = scoreAccount(model, i);
    return { score: r.score, recommendedTier: r.recommendedTier };
  });
}

/** Accounts written around the services (demo seed, bulk loads) get their scores here. */
export async function scoreUnscored(db: Db, orgId: string) {
  const repo = scoringRepository(db);
  if (!(await repo.hasUnscored(orgId))) return;
  let running = backfills.get(orgId);
  if (!running) {
    running = (async () => rescoreOrg(db, orgId, await modelOf(db, orgId), true))().finally(() =>
      backfills.delete(orgId),
    );
    backfills.set(orgId, running);
  }
  await running;
}

/** Every organisation's unscored accounts (after a seed that inserts accounts directly). */
export async function scoreAllUnscored(db: Db) {
  for (const orgId of await scoringRepository(db).orgIds()) await scoreUnscored(db, orgId);
}

export function scoringService(db: Db) {
  const repo = scoringRepository(db);

  return {
    getModel: (actor: Actor): Promise<ScoringModel> => modelOf(db, actor.orgId),

    /** Saves the model and re-scores every account of the organisation in the same transaction. */
    async putModel(actor: Actor, model: ScoringModel): Promise<ScoringModel> {
      assertCan(actor, 'update', 'settings');
      const issues = modelIssues(model);
      if (issues.length) throw new AppError(400, 'validation', {}, issues);
      await db.transaction(async (tx) => {
        await mergeOrgSettings(tx, actor.orgId, { scoring: model });
        await rescoreOrg(tx, actor.orgId, model, false);
      });
      return model;
    },

    async scores(actor: Actor, query: ScoreQuery): Promise<ScorePage> {
      await scoreUnscored(db, actor.orgId);
      const sort = query.sort ?? '-score';
      const [{ rows, nextCursor }, matrix] = await Promise.all([
        keysetPage(
          query,
          (args) => repo.page(actor, query, args),
          (r) => [sort.endsWith('score') ? r.score : r.name, r.id],
        ),
        // The matrix comes with the first page; later pages of the same list would only repeat it.
        // It is a scan for an admin, so it is kept in the database until an account of the
        // organisation changes (scores, tiers, archive, hand-over all write accounts).
        query.cursor
          ? Promise.resolve([])
          : cached(db, actor.orgId, analysisKey('scores.matrix', actor, {}), ['accounts'], async () =>
              repo.matrix(actor),
            ),
      ]);
      return {
        items: rows.map((r) => ({
          ...r,
          tier: r.tier as Tier | null,
          recommendedTier: r.recommendedTier as Tier | null,
          disagree: r.tier !== r.recommendedTier,
        })),
        nextCursor,
        matrix: matrix.map((m) => ({
          tier: m.tier as Tier | null,
          recommendedTier: m.recommendedTier as Tier | null,
          count: m.count,
        })),
      };
    },

    /** The list's count for the same filters; accounts never scored get their scores first, as for the page. */
    async summary(actor: Actor, query: ScoreQuery): Promise<ListSummary> {
      await scoreUnscored(db, actor.orgId);
      return repo.count(actor, query);
    },

    /** The breakdown, computed from the current model (the stored score is its rounded sum). */
    async accountScore(actor: Actor, id: string): Promise<AccountScore> {
      const [found, model] = await Promise.all([repo.account(actor, id), modelOf(db, actor.orgId)]);
      if (!found) throw notFound();
      const r = scoreAccount(model, found);
      return {
        accountId: id,
        score: r.score,
        tier: found.tier as Tier | null,
        recommendedTier: r.recommendedTier,
        tierThresholds: model.tierThresholds,
        criteria: r.criteria,
      };
    },

    /** All or nothing: one account outside the caller's scope and nothing is written (404). */
    async setTiers(actor: Actor, body: TierBulk): Promise<TierBulkResult> {
      assertCan(actor, 'update', 'account');
      const recommended = body.apply === 'recommended';
      if (body.items && (body.accountIds || body.apply)) throw fieldError('items', 'invalid');
      if (!body.items && !body.accountIds) throw fieldError('items', 'required');
      if (body.accountIds && !recommended) throw fieldError('apply', 'required');
      const wanted = new Map<string, Tier | null>((body.items ?? []).map((i) => [i.accountId, i.tier]));
      const ids = body.items ? [...wanted.keys()] : [...new Set(body.accountIds)];
      if (recommended) await scoreUnscored(db, actor.orgId);
      const result = await db.transaction(async (tx) => {
        const r = scoringRepository(tx);
        const rows = await r.lockVisible(actor, ids);
        if (rows.length !== ids.length) throw notFound();
        const changed = rows
          .map((row) => ({
            id: row.id,
            old: row.tier,
            tier: recommended ? row.recommendedTier : (wanted.get(row.id) ?? null),
          }))
          .filter((c) => c.tier !== c.old);
        if (changed.length) {
          await r.setTiers(
            actor.orgId,
            changed.map((c) => c.id),
            changed.map((c) => c.tier),
          );
          await historyWriter(tx).recordMany(
            actor.orgId,
            'account',
            'update',
            actor.userId,
            changed.map((c) => ({ entityId: c.id, changes: [{ field: 'tier', old: c.old, new: c.tier }] })),
          );
        }
        return { updated: changed.length };
      });
      return result;
    },
  };
}
