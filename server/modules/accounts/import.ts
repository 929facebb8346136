// A spreadsheet import's batch of accounts (issue 22), written with the archive's own rules: an account
// is the same customer by credit code, else by its normalised name (core/import/names.ts), so a row
// updates the account it names instead of registering it twice; one found outside the importer's scope
// is reported by its owner's name only (查重). Creates go in as one multi-row insert, in the caller's
// transaction (the import decides when it commits).
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../access/index.ts';
import { historyWriter } from '../../kernel/history.ts';
import { regionIndex } from '../../kernel/regions.ts';
import type { ImportBatchContext, ImportIssue, ImportOutcome, ImportRow } from '../../kernel/imports.ts';
import { recordCreates } from '../../kernel/import-rows.ts';
import { newId } from '../../lib/ids.ts';
import { rescoreAccounts, scoresFor } from '../scoring/service.ts';
import { companyNameKey } from '../../../core/import/names.ts';
import { isValidCreditCode } from '../../../core/credit-code.ts';
import { guessOwnershipType } from '../../../core/import/rows.ts';
import { matchIndustry, INDUSTRY_BY_CODE } from '../../../core/industries.ts';
import { matchRegion, regionColumns, type RegionIndex } from '../../../core/regions.ts';
import { diffFields } from '../../../core/diff.ts';
import { accountsImportRepository, type AccountCandidate } from './import-repository.ts';
import { searchColumns } from './service.ts';
import type { NewAccount } from './repository.ts';

// As the account form's history: derived columns (search, keys, the score) are not changes someone made.
const HISTORY_IGNORED = [
  'version',
  'searchGrams',
  'searchText',
  'updatedAt',
  'nameKey',
  'score',
  'recommendedTier',
] as const;

// A sheet repeats a few dozen provinces and cities over thousands of rows: each pair is matched once.
const regionCache = new WeakMap<RegionIndex, Map<string, Partial<NewAccount> | null>>();

/** Region and industry text as the pickers would have stored it: codes where the text names one. */
function coded(data: Record<string, unknown>, regions: RegionIndex): Partial<NewAccount> {
  const out: Partial<NewAccount> = {};
  const province = (data.province as string | undefined) ?? null;
  const city = (data.city as string | undefined) ?? null;
  if (province || city) {
    let cache = regionCache.get(regions);
    if (!cache) regionCache.set(regions, (cache = new Map()));
    const key = `${province ?? ''}\u0000${city ?? ''}`;
    let found = cache.get(key);
    if (found === undefined) {
      const code = matchRegion(regions, province, city);
      const columns = code ? regionColumns(regions, code) : null;
      found = code && columns ? { regionCode: code, ...columns } : null;
      if (cache.size < 10_000) cache.set(key, found);
    }
    if (found) Object.assign(out, found);
  }
  if (typeof data.industry === 'string') {
    const code = matchIndustry(data.industry);
    if (code) Object.assign(out, { industryCode: code, industry: INDUSTRY_BY_CODE.get(code)?.zh ?? data.industry });
  }
  return out;
}

function pick(candidates: AccountCandidate[], code: string | undefined, key: string): AccountCandidate[] {
  if (code) {
    const byCode = candidates.filter((c) => c.creditCode === code);
    if (byCode.length) return byCode;
  }
  return key ? candidates.filter((c) => c.nameKey === key) : [];
}

/**
 * The accounts a batch's account column names, in the importer's scope: by credit code when the text is
 * one, else by normalised name. Each text answers its account's id, or why it names none.
 */
export async function accountsByRef(
  tx: Db,
  actor: Actor,
  refs: string[],
): Promise<Map<string, { id: string } | { issue: 'import_unknown_account' | 'import_ambiguous_account' }>> {
  const parsed = [...new Set(refs)].map((ref) => {
    const code = ref.normalize('NFKC').replace(/\s/g, '').toUpperCase();
    return isValidCreditCode(code) ? { ref, code, key: '' } : { ref, code: null, key: companyNameKey(ref) };
  });
  const found = await accountsImportRepository(tx).visibleByRef(
    actor,
    parsed.flatMap((p) => (p.code ? [p.code] : [])),
    parsed.map((p) => p.key).filter(Boolean),
  );
  return new Map(
    parsed.map((p) => {
      const hits = found.filter((a) => (p.code ? a.creditCode === p.code : a.nameKey === p.key));
      return [
        p.ref,
        hits.length === 1
          ? { id: hits[0].id }
          : { issue: hits.length ? 'import_ambiguous_account' : 'import_unknown_account' },
      ] as const;
    }),
  );
}

/** Writes one batch; answers each row's outcome. Owner ids in `data` are resolved and in scope already. */
export async function importAccounts(
  tx: Db,
  actor: Actor,
  rows: ImportRow[],
  ctx: ImportBatchContext,
): Promise<ImportOutcome[]> {
  const repo = accountsImportRepository(tx);
  const regions = await regionIndex();
  const keyed = rows.map((r) => ({
    r,
    code: r.data.creditCode as string | undefined,
    key: companyNameKey(String(r.data.name ?? '')),
  }));
  const candidates = await repo.candidates(
    actor,
    [...new Set(keyed.flatMap((k) => (k.code ? [k.code] : [])))],
    [...new Set(keyed.map((k) => k.key).filter(Boolean))],
  );
  const outcomes: ImportOutcome[] = [];
  const creates: NewAccount[] = [];
  const updates: { row: number; id: string; patch: Partial<NewAccount> }[] = [];
  const now = new Date();
  for (const { r, code, key } of keyed) {
    const reject = (issues: ImportIssue[]) => outcomes.push({ row: r.row, outcome: 'rejected', issues });
    const seenAt = (code && ctx.seen.get(`code:${code}`)) || ctx.seen.get(`name:${key}`);
    if (seenAt) {
      reject([{ field: 'name', code: 'import_repeated', params: { row: seenAt } }]);
      continue;
    }
    if (code) ctx.seen.set(`code:${code}`, r.row);
    if (key) ctx.seen.set(`name:${key}`, r.row);
    const found = pick(candidates, code, key);
    const fields = { ...r.data, ...coded(r.data, regions) } as Partial<NewAccount>;
    if (found.length) {
      const visible = found.filter((c) => c.visible);
      if (!visible.length) {
        reject([{ field: 'name', code: 'import_owned_by', params: { owner: found[0].ownerName ?? '公海' } }]);
      } else if (visible.length > 1) {
        reject([{ field: 'name', code: 'import_ambiguous_account' }]);
      } else if (ctx.match === 'create') {
        reject([{ field: 'name', code: 'import_exists' }]);
      } else {
        if (!ctx.ownerOnUpdate) delete fields.ownerId;
        // Matched by its name: the sheet's spelling (another suffix, half-width brackets) does not rename it.
        if (!(code && visible[0].creditCode === code)) delete fields.name;
        updates.push({ row: r.row, id: visible[0].id, patch: fields });
      }
      continue;
    }
    if (ctx.match === 'update') {
      reject([{ field: 'name', code: 'import_no_match' }]);
      continue;
    }
    const id = newId();
    const name = String(r.data.name).trim();
    creates.push({
      ...fields,
      name,
      ownershipType: (r.data.ownershipType as string | undefined) ?? guessOwnershipType(name),
      orgId: actor.orgId,
      id,
      nameKey: key,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      ...searchColumns({ name, shortName: fields.shortName, creditCode: fields.creditCode }),
    });
    outcomes.push({ row: r.row, outcome: 'created', id });
  }

  const scores = await scoresFor(
    tx,
    actor.orgId,
    creates.map((c) => ({
      ourRevenue: c.ourRevenue ?? null,
      potential: c.potential ?? null,
      annualRevenue: c.annualRevenue ?? null,
      employees: c.employees ?? null,
      marketStrength: c.marketStrength ?? null,
      financialStatus: c.financialStatus ?? null,
      relationshipStage: c.relationshipStage ?? 'establish',
    })),
  );
  for (const [i, c] of creates.entries()) Object.assign(c, scores[i]);
  await repo.insertMany(creates);
  await recordCreates(tx, actor, 'account', creates, HISTORY_IGNORED, ctx.importId);

  const locked = new Map(
    (
      await repo.lock(
        actor.orgId,
        updates.map((u) => u.id),
      )
    ).map((a) => [a.id, a]),
  );
  const changed: { entityId: string; changes: ReturnType<typeof diffFields> }[] = [];
  const writes: { id: string; version: number; patch: Partial<NewAccount> }[] = [];
  for (const u of updates) {
    const current = locked.get(u.id);
    if (!current) {
      outcomes.push({ row: u.row, outcome: 'rejected', issues: [{ field: 'name', code: 'import_no_match' }] });
      continue;
    }
    const patch = { ...u.patch };
    if (patch.name !== undefined) patch.nameKey = companyNameKey(patch.name);
    if (patch.name !== undefined || patch.shortName !== undefined || patch.creditCode !== undefined) {
      Object.assign(patch, searchColumns({ ...current, ...patch }));
    }
    const changes = diffFields(current, patch, HISTORY_IGNORED);
    if (changes.length) {
      writes.push({ id: u.id, version: current.version, patch: { ...patch, updatedAt: now } });
      changed.push({ entityId: u.id, changes });
    }
    outcomes.push({ row: u.row, outcome: 'updated', id: u.id });
  }
  // The accounts were locked above in this transaction, so every version still holds.
  await repo.updateMany(actor.orgId, writes);
  await historyWriter(tx).recordMany(actor.orgId, 'account', 'update', actor.userId, changed, ctx.importId);
  if (changed.length)
    await rescoreAccounts(
      tx,
      actor.orgId,
      changed.map((c) => c.entityId),
    );
  return outcomes.sort((a, b) => a.row - b.row);
}
