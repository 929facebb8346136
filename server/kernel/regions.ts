// The GB/T 2260 division index, loaded on first use: its data (core/region-data.ts) is a chunk of
// its own in the server build, parsed only when an account with a region is read or written.
import type { RegionIndex } from '../../core/regions.ts';

let index: Promise<RegionIndex> | undefined;

export function regionIndex(): Promise<RegionIndex> {
  index ??= import('../../core/region-data.ts').then((m) => m.REGION_INDEX);
  return index;
}
