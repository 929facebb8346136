// server/access is the one place that decides who may see and change what. This keeps it so: no
// other server file reads the caller's scope or role itself, or reaches past access/index.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER = join(import.meta.dirname, '..');

/** The auth module builds the Actor from a session or an API token: it alone fills in the scope's fields. */
const BUILDS_THE_ACTOR = new Set([
  'modules/auth/service.ts',
  'modules/auth/repository.ts',
  'modules/auth/tokens.ts',
  'modules/auth/token-repository.ts',
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const outside = sources(SERVER)
  .map((path) => ({ file: relative(SERVER, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }))
  .filter((s) => !s.file.startsWith('access/'));

describe('server/access is the only place that decides access', () => {
  it('no other file reads the scope or the caller’s role', () => {
    const offenders = outside
      .filter((s) => !BUILDS_THE_ACTOR.has(s.file))
      .flatMap((s) =>
        [...s.text.matchAll(/\b(scopeUserIds|teamAccountIds|actor\.role)\b/g)].map((m) => `${s.file}: ${m[0]}`),
      );
    expect(offenders).toEqual([]);
  });

  it('modules import access through its index only', () => {
    const offenders = outside.filter((s) => /from '[./]*access\/(?!index\.ts')/.test(s.text)).map((s) => s.file);
    expect(offenders).toEqual([]);
  });
});
