// The organisation's settings as the server reads and writes them: one typed reader (defaults
// included, see core/org-settings.ts) and one writer that merges keys, so no module reads the
// jsonb on its own or casts what it holds.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { orgs } from '../db/schema.ts';
import { readOrgSettings, type OrgSettings } from '../../core/org-settings.ts';

export async function orgSettings(db: Db, orgId: string): Promise<OrgSettings> {
  const [row] = await db.select({ settings: orgs.settings }).from(orgs).where(eq(orgs.id, orgId));
  return readOrgSettings(row?.settings);
}

/** The zone the organisation names its days in (orgs.settings.timeZone, Asia/Shanghai by default). */
export const orgTimeZone = async (db: Db, orgId: string): Promise<string> => (await orgSettings(db, orgId)).timeZone;

/** Merges the given keys into the stored settings; the other keys stay as they are. */
export async function mergeOrgSettings(db: Db, orgId: string, patch: Partial<OrgSettings>): Promise<void> {
  await db
    .update(orgs)
    .set({ settings: sql`${orgs.settings} || ${JSON.stringify(patch)}::jsonb` })
    .where(eq(orgs.id, orgId));
}
