// A spreadsheet import's batch of deals (issue 22). A deal is the same when its account and its name
// (width, case, spaces and punctuation ignored) agree; the row then updates it. Each row goes through the
// deals service — stage rules, probabilities, the Blue Sheet's judgement, after-sales calls for a won
// deal — in a savepoint of the import's transaction; the stage is named as the funnel names it (zh or en).
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../access/index.ts';
import type { ImportBatchContext, ImportOutcome, ImportRow } from '../../kernel/imports.ts';
import { markImported, writeRow } from '../../kernel/import-rows.ts';
import { personNameKey } from '../../../core/import/names.ts';
import type { OpportunityCreate, OpportunityUpdate } from '../../../core/schemas/deals.ts';
import { accountsByRef } from '../accounts/import.ts';
import { loadFunnel } from './judgement.ts';
import { dealsImportRepository } from './import-repository.ts';
import { opportunitiesService } from './service.ts';

const stageKey = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_·]/g, '');

export async function importOpportunities(
  tx: Db,
  actor: Actor,
  rows: ImportRow[],
  ctx: ImportBatchContext,
): Promise<ImportOutcome[]> {
  const byRef = await accountsByRef(
    tx,
    actor,
    rows.map((r) => r.refs.account ?? ''),
  );
  const accountIds = [...new Set([...byRef.values()].flatMap((v) => ('id' in v ? [v.id] : [])))];
  const existing = await dealsImportRepository(tx).onAccounts(actor, accountIds);
  const funnel = await loadFunnel(tx, actor.orgId);
  const stages = new Map<string, string>();
  for (const s of funnel.byId.values()) {
    if (s.removedAt) continue;
    stages.set(stageKey(s.name), s.id);
    if (s.nameEn) stages.set(stageKey(s.nameEn), s.id);
  }
  const outcomes: ImportOutcome[] = [];
  for (const r of rows) {
    const reject = (
      field: string,
      code:
        | 'import_unknown_account'
        | 'import_ambiguous_account'
        | 'import_enum'
        | 'import_exists'
        | 'import_no_match'
        | 'import_repeated',
      params?: Record<string, number>,
    ) => outcomes.push({ row: r.row, outcome: 'rejected', issues: [{ field, code, params }] });
    const account = byRef.get(r.refs.account ?? '');
    if (!account || 'issue' in account) {
      reject('account', account?.issue ?? 'import_unknown_account');
      continue;
    }
    const fields: Record<string, unknown> = { ...r.data, confirmUnmetCriteria: true };
    if (r.refs.stage) {
      const stageId = stages.get(stageKey(r.refs.stage));
      if (!stageId) {
        reject('stage', 'import_enum');
        continue;
      }
      fields.stageId = stageId;
    }
    const name = String(r.data.name).trim();
    const key = `${account.id}:${personNameKey(name)}`;
    const seenAt = ctx.seen.get(key);
    if (seenAt) {
      reject('name', 'import_repeated', { row: seenAt });
      continue;
    }
    ctx.seen.set(key, r.row);
    const matches = existing.filter((d) => d.accountId === account.id && personNameKey(d.name) === personNameKey(name));
    // An open deal of that name first: a lost one of years ago is not the deal being worked now.
    const match = matches.find((d) => d.status === 'open') ?? matches[0];
    if (match) {
      if (ctx.match === 'create') {
        reject('name', 'import_exists');
        continue;
      }
      const { name: _n, ...patch } = fields;
      if (!ctx.ownerOnUpdate) delete patch.ownerId;
      outcomes.push(
        await writeRow(tx, r.row, 'updated', async (sp) => {
          const d = await opportunitiesService(sp).update(actor, match.id, {
            ...patch,
            version: match.version,
          } as OpportunityUpdate);
          return d.id;
        }),
      );
      continue;
    }
    if (ctx.match === 'update') {
      reject('name', 'import_no_match');
      continue;
    }
    outcomes.push(
      await writeRow(tx, r.row, 'created', async (sp) => {
        const d = await opportunitiesService(sp).create(actor, {
          ...fields,
          name,
          accountId: account.id,
        } as OpportunityCreate);
        return d.id;
      }),
    );
  }
  await markImported(
    tx,
    actor,
    'opportunity',
    outcomes.flatMap((o) => (o.outcome === 'rejected' ? [] : [o.id])),
    ctx.importId,
  );
  return outcomes;
}
