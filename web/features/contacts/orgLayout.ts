// A small tidy-tree layout: each subtree gets the width of its leaves, parents sit centred above children.
import type { OrgChart } from '../../../core/schemas/contacts.ts';

export type OrgChartNode = OrgChart['nodes'][number];

export const NODE_W = 184;
export const NODE_H = 78;
const GAPS: TreeGaps = { h: 24, v: 64 };

/** Anything placed by its reporting line: the org chart's nodes and the relationship map's. */
export interface TreeNode {
  id: string;
  reportsToId: string | null;
}

export interface Placed<T extends TreeNode = OrgChartNode> {
  node: T;
  x: number;
  y: number;
}

/** Gaps between siblings and between levels; the relationship map asks for more room for its labels. */
export interface TreeGaps {
  h: number;
  v: number;
}

export function layoutTree<T extends TreeNode>(nodes: T[], { h: hGap, v: vGap }: TreeGaps = GAPS): Placed<T>[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const n of nodes) {
    const parent = n.reportsToId && n.reportsToId !== n.id ? byId.get(n.reportsToId) : undefined;
    if (parent) {
      const list = children.get(parent.id) ?? [];
      list.push(n);
      children.set(parent.id, list);
    } else {
      roots.push(n);
    }
  }
  const out: Placed<T>[] = [];
  const seen = new Set<string>();

  // Returns the width used; the server forbids cycles, but `seen` keeps bad data from looping forever.
  const place = (n: T, depth: number, left: number): number => {
    seen.add(n.id);
    const kids = (children.get(n.id) ?? []).filter((k) => !seen.has(k.id));
    let cursor = left;
    const kidCentres: number[] = [];
    for (const k of kids) {
      const w = place(k, depth + 1, cursor);
      kidCentres.push(cursor + w / 2);
      cursor += w + hGap;
    }
    const width = kids.length ? cursor - left - hGap : NODE_W;
    const centre = kids.length ? (kidCentres[0] + kidCentres[kidCentres.length - 1]) / 2 : left + NODE_W / 2;
    out.push({ node: n, x: centre - NODE_W / 2, y: depth * (NODE_H + vGap) });
    return Math.max(width, NODE_W);
  };

  let left = 0;
  for (const r of roots) left += place(r, 0, left) + hGap * 2;
  // Anything still unplaced sits in a cycle with no root; show it on its own row rather than hide it.
  const maxY = out.reduce((m, p) => Math.max(m, p.y), 0);
  let x = 0;
  for (const n of nodes) {
    if (seen.has(n.id)) continue;
    out.push({ node: n, x, y: maxY + NODE_H + vGap });
    x += NODE_W + hGap;
  }
  return out;
}
