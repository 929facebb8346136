// The resources are one file per feature (namespace) and language. en/ is typed from zh-CN/, but a type
// does not see a file missing from an index or two namespaces defining the same top-level key (the
// merge would silently keep only one), so this checks them at run time.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zhCN } from './zh-CN/index.ts';
import { en } from './en/index.ts';

const LANGS = { 'zh-CN': zhCN, en } as const;
type Lang = keyof typeof LANGS;

/** The namespace files of a language, by name (file name without .ts). */
const namespaceFiles = (lang: Lang) =>
  readdirSync(new URL(`./${lang}/`, import.meta.url))
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .map((f) => f.slice(0, -'.ts'.length))
    .sort();

/** A namespace file's one export: the strings of its top-level keys. */
async function namespace(lang: Lang, file: string): Promise<Record<string, unknown>> {
  const mod: Record<string, unknown> = await import(`./${lang}/${file}.ts`);
  const values = Object.values(mod);
  expect(values, `${lang}/${file} exports one namespace`).toHaveLength(1);
  return values[0] as Record<string, unknown>;
}

/** Every string leaf of a resource tree: its dotted key and text. */
function leaves(tree: unknown, path = ''): [string, string][] {
  if (typeof tree === 'string') return [[path, tree]];
  if (tree && typeof tree === 'object')
    return Object.entries(tree).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

const keysOf = (tree: unknown) =>
  leaves(tree)
    .map(([k]) => k)
    .sort();

/** Each key with the {{placeholders}} its text fills in: a translation that drops one loses a value. */
const placeholdersOf = (tree: unknown) =>
  Object.fromEntries(
    leaves(tree).map(([k, s]) => [k, [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()]),
  );

describe('i18n resources', () => {
  it('both languages have the same namespace files', () => {
    expect(namespaceFiles('en')).toEqual(namespaceFiles('zh-CN'));
    expect(namespaceFiles('zh-CN').length).toBeGreaterThan(1);
  });

  it.each(namespaceFiles('zh-CN'))('%s: zh-CN and en have the same keys and placeholders', async (file) => {
    const zh = await namespace('zh-CN', file);
    const english = await namespace('en', file);
    expect(keysOf(english)).toEqual(keysOf(zh));
    expect(placeholdersOf(english)).toEqual(placeholdersOf(zh));
    expect(leaves(zh).filter(([, s]) => !s.trim())).toEqual([]);
    expect(leaves(english).filter(([, s]) => !s.trim())).toEqual([]);
  });

  it.each(Object.keys(LANGS) as Lang[])(
    '%s: every namespace is merged, and no top-level key is in two',
    async (lang) => {
      const owner = new Map<string, string>();
      const twice: string[] = [];
      for (const file of namespaceFiles(lang)) {
        for (const key of Object.keys(await namespace(lang, file))) {
          if (owner.has(key)) twice.push(`${key}: ${owner.get(key)} and ${file}`);
          owner.set(key, file);
        }
      }
      expect(twice).toEqual([]);
      expect(Object.keys(LANGS[lang]).sort()).toEqual([...owner.keys()].sort());
    },
  );

  it('the merged trees have the same keys', () => {
    expect(keysOf(en)).toEqual(keysOf(zhCN));
  });
});
