// The GB/T 2260 division index, loaded on first use: its data (core/region-data.ts) is a chunk of
// its own in the server build, parsed only when an account with a region is read or written.
import { sql } from 'drizzle-orm';
import { accounts } from '../db/schema.ts';
import type { RegionIndex } from '../../core/regions.ts';

/**
 * An account's province for 按省份 groupings: the first two digits of its GB/T 2260 code (the rest of
 * a province's code is zeros); null for an account without a code.
 */
export const accountProvince = sql<string | null>`left(${accounts.regionCode}, 2)`;

let index: Promise<RegionIndex> | undefined;

export function regionIndex(): Promise<RegionIndex> {
  index ??= import('../../core/region-data.ts').then((m) => m.REGION_INDEX);
  return index;
}
