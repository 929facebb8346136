// China's administrative divisions (GB/T 2260 codes: province → city → district) as the account
// archive uses them: look-ups by code, the names a code stands for, and the matching of free text
// typed before the picker existed ("云南省·昆明", "广东·广州", "北京"). Pure: the tree is handed in
// (core/region-data.ts loads it), so the web can load the data in a chunk of its own.

export interface RegionNode {
  code: string;
  name: string;
  children?: RegionNode[];
}

export interface RegionEntry {
  code: string;
  name: string;
  /** 1 province (省级), 2 city (地级), 3 district (县级); a municipality's districts are level 2. */
  level: 1 | 2 | 3;
  parent: string | null;
}

export interface RegionIndex {
  tree: RegionNode[];
  byCode: Map<string, RegionEntry>;
}

export function buildRegionIndex(tree: RegionNode[]): RegionIndex {
  const byCode = new Map<string, RegionEntry>();
  const walk = (nodes: RegionNode[], level: 1 | 2 | 3, parent: string | null) => {
    for (const n of nodes) {
      byCode.set(n.code, { code: n.code, name: n.name, level, parent });
      if (n.children && level < 3) walk(n.children, (level + 1) as 2 | 3, n.code);
    }
  };
  walk(tree, 1, null);
  return { tree, byCode };
}

/** The entries from the province down to the code's own; empty for an unknown code. */
export function regionPath(index: RegionIndex, code: string | null | undefined): RegionEntry[] {
  const out: RegionEntry[] = [];
  let cur = code ? index.byCode.get(code) : undefined;
  while (cur) {
    out.unshift(cur);
    cur = cur.parent ? index.byCode.get(cur.parent) : undefined;
  }
  return out;
}

export const REGION_SEPARATOR = ' · ';

/** "云南省 · 昆明市 · 五华区"; null for an unknown code. */
export function regionLabel(index: RegionIndex, code: string | null | undefined): string | null {
  const path = regionPath(index, code);
  return path.length ? path.map((e) => e.name).join(REGION_SEPARATOR) : null;
}

/** The province and the city (地级) of a code, as the account's text columns keep them. */
export function regionColumns(index: RegionIndex, code: string): { province: string; city: string | null } | null {
  const path = regionPath(index, code);
  if (!path.length) return null;
  // A municipality (北京市) has districts straight under it: its city is the municipality itself.
  // 省直辖县级行政区划 groups county-level cities (济源, 石河子) that answer to the province: each is its own city.
  const city = isMunicipality(path[0])
    ? path[0].name
    : isDirectGroup(path[1]?.name)
      ? (path[2]?.name ?? null)
      : (path[1]?.name ?? null);
  return { province: path[0].name, city };
}

const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);
const isMunicipality = (e: RegionEntry) => MUNICIPALITIES.has(e.code);
const isDirectGroup = (name: string | undefined) => !!name?.includes('直辖');

/** The province a code lies in (its first two digits, padded): what 按省份 groups by. */
export const provinceOf = (code: string): string => `${code.slice(0, 2)}0000`;

/** The provincial-level divisions' English names (the division data has Chinese names only). */
const PROVINCE_NAMES_EN: Readonly<Record<string, string>> = {
  '110000': 'Beijing',
  '120000': 'Tianjin',
  '130000': 'Hebei',
  '140000': 'Shanxi',
  '150000': 'Inner Mongolia',
  '210000': 'Liaoning',
  '220000': 'Jilin',
  '230000': 'Heilongjiang',
  '310000': 'Shanghai',
  '320000': 'Jiangsu',
  '330000': 'Zhejiang',
  '340000': 'Anhui',
  '350000': 'Fujian',
  '360000': 'Jiangxi',
  '370000': 'Shandong',
  '410000': 'Henan',
  '420000': 'Hubei',
  '430000': 'Hunan',
  '440000': 'Guangdong',
  '450000': 'Guangxi',
  '460000': 'Hainan',
  '500000': 'Chongqing',
  '510000': 'Sichuan',
  '520000': 'Guizhou',
  '530000': 'Yunnan',
  '540000': 'Tibet',
  '610000': 'Shaanxi',
  '620000': 'Gansu',
  '630000': 'Qinghai',
  '640000': 'Ningxia',
  '650000': 'Xinjiang',
  '710000': 'Taiwan',
  '810000': 'Hong Kong',
  '820000': 'Macao',
};

/** A province's name in the reader's language (English readers: its English name); null for an unknown code. */
export function provinceName(index: RegionIndex, code: string, lang: 'zh' | 'en'): string | null {
  const zh = index.byCode.get(code)?.name ?? null;
  return lang === 'en' ? (PROVINCE_NAMES_EN[code] ?? zh) : zh;
}

/**
 * Rows grouped by the two-digit province prefix (null: no region code) as the 按省份 figures show
 * them: the province's code and name in the reader's language, rows without a code last.
 */
export function byProvinceRows<T extends { province: string | null }>(
  index: RegionIndex,
  rows: readonly T[],
  lang: 'zh' | 'en',
): (Omit<T, 'province'> & { provinceCode: string | null; name: string | null })[] {
  const out = rows.map(({ province, ...rest }) => {
    const code = province ? `${province}0000` : null;
    return { ...rest, provinceCode: code, name: code ? provinceName(index, code, lang) : null };
  });
  return [...out.filter((r) => r.provinceCode), ...out.filter((r) => !r.provinceCode)];
}

/** The code prefix a filter by this code matches: a province its 2 digits, a city its 4, else all 6. */
export function regionPrefix(index: RegionIndex, code: string): string | null {
  const e = index.byCode.get(code);
  if (!e) return null;
  if (e.level === 1) return code.slice(0, 2);
  if (e.level === 2 && e.code.endsWith('00')) return code.slice(0, 4);
  return code;
}

// Longest first, so 维吾尔自治区 goes before 自治区 and 自治州 before 州.
const SUFFIXES = [
  '特别行政区',
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '自治区',
  '自治州',
  '州',
  '地区',
  '省',
  '市',
  '盟',
  '区',
  '县',
];

/** A name without its administrative suffix and spacing: "云南省" → "云南", "内蒙古自治区" → "内蒙古". */
export function normaliseRegionName(name: string): string {
  const s = name.replace(/[\s\u3000]/g, '');
  for (const suffix of SUFFIXES) {
    if (s.length > suffix.length + 1 && s.endsWith(suffix)) return s.slice(0, -suffix.length);
  }
  return s;
}

/** Separators people type between province and city: · ・ • / , ， 、 - — | and spaces. */
const SEPARATORS = /[\s\u3000·・•/\\,，、\-—|>＞]+/;

/** Whether a typed name stands for this division: equal once normalised, or a clear prefix ("红河" for 红河哈尼族彝族自治州). */
function nameMatches(typed: string, name: string): boolean {
  const t = normaliseRegionName(typed);
  const n = normaliseRegionName(name);
  return t === n || (t.length >= 2 && n.startsWith(t));
}

/** The one node among these that the text names, or the one whose name the text starts with. */
function findChild(nodes: RegionNode[], token: string): { node: RegionNode; rest: string } | null {
  const hit = findAmong(nodes, token);
  if (hit) return hit;
  // A county-level city under 省直辖县级行政区划 is named as if it were a city of the province.
  const direct = nodes.filter((n) => isDirectGroup(n.name)).flatMap((n) => n.children ?? []);
  return direct.length ? findAmong(direct, token) : null;
}

function findAmong(nodes: RegionNode[], token: string): { node: RegionNode; rest: string } | null {
  const exact = nodes.filter((n) => nameMatches(token, n.name));
  if (exact.length === 1) return { node: exact[0], rest: '' };
  if (exact.length > 1) {
    const same = exact.filter((n) => normaliseRegionName(n.name) === normaliseRegionName(token));
    return same.length === 1 ? { node: same[0], rest: '' } : null;
  }
  // "云南昆明" or "云南省昆明市" typed without a separator: the longest name the text starts with.
  let best: { node: RegionNode; rest: string } | null = null;
  for (const n of nodes) {
    for (const prefix of [n.name, normaliseRegionName(n.name)]) {
      if (prefix.length >= 2 && token.startsWith(prefix) && token.length > prefix.length) {
        const rest = token.slice(prefix.length);
        if (!best || best.rest.length > rest.length) best = { node: n, rest };
      }
    }
  }
  return best;
}

/** Walks the tokens down from these nodes; returns the deepest code reached. */
function descend(nodes: RegionNode[], tokens: string[]): string | null {
  let level = nodes;
  let code: string | null = null;
  const queue = [...tokens];
  while (queue.length) {
    const token = queue.shift() as string;
    const hit = findChild(level, token);
    if (!hit) return code === null ? null : code;
    code = hit.node.code;
    if (hit.rest) queue.unshift(hit.rest);
    level = hit.node.children ?? [];
  }
  return code;
}

/**
 * The most specific code that free text names, or null when it names none or is ambiguous. Province
 * and city may be in one text ("云南省·昆明") or two; a city alone ("昆明") matches when it is
 * the only one of that name.
 */
export function matchRegion(index: RegionIndex, province: string | null, city: string | null): string | null {
  const tokens = [province, city]
    .filter((s): s is string => !!s)
    .flatMap((s) => s.split(SEPARATORS))
    .filter(Boolean);
  if (!tokens.length) return null;
  // The city column often repeats the province ("北京" · "北京市"): drop a repeat.
  const unique = tokens.filter((t, i) => i === 0 || normaliseRegionName(t) !== normaliseRegionName(tokens[i - 1]));
  const fromProvince = descend(index.tree, unique);
  if (fromProvince) return fromProvince;
  // No province given: a city (or district) name unique in the whole country.
  const cities = index.tree.flatMap((p) => p.children ?? []);
  const city0 = cities.filter((c) => nameMatches(unique[0], c.name));
  if (city0.length === 1) return descend([city0[0]], unique) ?? city0[0].code;
  return null;
}
