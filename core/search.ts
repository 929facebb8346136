// Substring search that is correct for short Chinese queries. pg_trgm cannot index one- or
// two-character CJK strings, so every searchable record stores the set of its normalised
// unigrams and bigrams (GIN-indexed, like pg_bigm) plus its normalised text for the recheck.

const SEPARATOR = '\u0001';

/** Lower-case, width-folded (NFKC), without spaces and dashes, so "138-0013 8000" finds "13800138000". */
export function normalizeSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_·.()（）]+/g, '');
}

function addGrams(out: Set<string>, text: string): void {
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    out.add(chars[i]);
    if (i + 1 < chars.length) out.add(chars[i] + chars[i + 1]);
  }
}

/** The index entries and recheck text for a record's searchable fields. */
export function searchDocument(fields: Array<string | null | undefined>): { grams: string[]; text: string } {
  const parts = fields
    .filter((f): f is string => !!f)
    .map(normalizeSearch)
    .filter(Boolean);
  const grams = new Set<string>();
  for (const p of parts) addGrams(grams, p);
  return { grams: [...grams], text: parts.join(SEPARATOR) };
}

/**
 * The grams a query needs: for one character the unigram, otherwise its bigrams. Every
 * substring match contains all of them, so `grams @> queryGrams` is a safe index filter;
 * the recheck on the stored text removes the false positives.
 */
export function searchQuery(q: string): { grams: string[]; needle: string } | null {
  const needle = normalizeSearch(q);
  if (!needle) return null;
  const chars = Array.from(needle);
  if (chars.length === 1) return { grams: chars, needle };
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return { grams: [...grams], needle };
}

/** What the archive's search covers: account names, short names and credit codes; contact names and phone numbers. */
export const accountSearchDocument = (a: { name: string; shortName?: string | null; creditCode?: string | null }) =>
  searchDocument([a.name, a.shortName, a.creditCode]);
export const contactSearchDocument = (c: { name: string; phone?: string | null; mobile?: string | null }) =>
  searchDocument([c.name, c.phone, c.mobile]);
