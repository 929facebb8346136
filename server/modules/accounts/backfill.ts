// Free text typed before the pickers ("云南省·昆明", "广东·广州", "制造业") gets the GB/T 2260 and
// GB/T 4754 codes it names, by a daily job (main.ts) that first runs at start-up. Only rows without a code are read and only codes are
// written, so running it again changes nothing; text that names nothing stays as typed (and shown).
import type { Db } from '../../db/client.ts';
import { matchIndustry } from '../../../core/industries.ts';
import { matchRegion } from '../../../core/regions.ts';
import { regionIndex } from '../../kernel/regions.ts';
import { accountsRepository } from './repository.ts';

const BATCH = 500;

/** Codes the free text of every organisation's accounts names; returns how many rows got one. */
export async function backfillAccountCodes(db: Db): Promise<number> {
  const repo = accountsRepository(db);
  const index = await regionIndex();
  let after: { orgId: string; id: string } | null = null;
  let coded = 0;
  for (;;) {
    const rows = await repo.uncoded(after, BATCH);
    for (const r of rows) {
      const codes: { regionCode?: string; industryCode?: string } = {};
      if (!r.regionCode) {
        const region = matchRegion(index, r.province, r.city);
        if (region) codes.regionCode = region;
      }
      if (!r.industryCode) {
        const industry = matchIndustry(r.industry);
        if (industry) codes.industryCode = industry;
      }
      if (codes.regionCode || codes.industryCode) {
        await repo.setCodes(r.orgId, r.id, codes);
        coded++;
      }
    }
    if (rows.length < BATCH) return coded;
    const last = rows[rows.length - 1];
    after = { orgId: last.orgId, id: last.id };
  }
}
