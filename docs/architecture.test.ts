// docs/ARCHITECTURE.md's map must stay true: a path that moved, or a module or screen folder added
// without a row, fails here rather than sending a reader to a file that is not there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where the paths in each column after the first are rooted. */
const BASES = ['server/', 'core/', 'web/features/', ''];

function mapRows(): string[][] {
  const page = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
  const section = page.split('## Map: where each feature lives')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---') && !line.startsWith('| Feature'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

const paths = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
const folders = (dir: string) =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

describe('docs/ARCHITECTURE.md map', () => {
  const rows = mapRows();

  it('has a row per feature, each with five columns', () => {
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) expect(row, row[0]).toHaveLength(5);
  });

  it('names only files that exist', () => {
    const missing = rows.flatMap((row) =>
      BASES.flatMap((base, i) => paths(row[i + 1] ?? '').map((p) => base + p)).filter(
        (p) => !existsSync(join(ROOT, p)),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('reaches every server module and every web feature', () => {
    const named = rows.flatMap((row) => BASES.flatMap((base, i) => paths(row[i + 1] ?? '').map((p) => base + p)));
    const unmapped = [
      ...folders('server/modules').map((m) => `server/modules/${m}/`),
      ...folders('web/features').map((f) => `web/features/${f}/`),
    ].filter((folder) => !named.some((p) => p.startsWith(folder)));
    expect(unmapped).toEqual([]);
  });
});
