// The compiled server runs without --enable-source-maps; its traces must still name the TypeScript.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { mapStackTraces } from './stack-trace.ts';

const dir = mkdtempSync(join(tmpdir(), 'okam-stack-'));
const source = join(dir, 'thrower.ts');
const compiled = join(dir, 'out');
const before = Error.prepareStackTrace;

afterAll(() => {
  // The server's test files share a process: the next file gets Vitest's mapping back.
  Error.prepareStackTrace = before;
  rmSync(dir, { recursive: true, force: true });
});

describe('mapStackTraces', () => {
  it('names the TypeScript line of a frame in a compiled file, and leaves other frames alone', async () => {
    writeFileSync(
      source,
      [
        'const padding: number[] = [1, 2, 3];',
        'export function fail(): never {',
        '  throw new Error(`broken ${padding.length}`);',
        '}',
        '',
      ].join('\n'),
    );
    await build({
      entryPoints: [source],
      outdir: compiled,
      bundle: true,
      // CommonJS, loaded by Node's require: an import() here would go through Vitest's own transform.
      format: 'cjs',
      platform: 'node',
      sourcemap: 'linked',
      sourcesContent: false,
      banner: { js: '// a banner moves every line down\n\n' },
      logLevel: 'silent',
    });
    const { fail } = createRequire(import.meta.url)(join(compiled, 'thrower.js')) as { fail: () => never };

    // Vitest maps traces itself: V8's own formatting shows what the compiled server would print.
    (Error as { prepareStackTrace?: unknown }).prepareStackTrace = undefined;
    const unmapped = (() => {
      try {
        fail();
      } catch (e) {
        return (e as Error).stack ?? '';
      }
    })();
    expect(unmapped).toContain('thrower.js:');

    mapStackTraces(compiled);
    const mapped = (() => {
      try {
        fail();
      } catch (e) {
        return (e as Error).stack ?? '';
      }
    })();
    expect(mapped?.split('\n')[0]).toBe('Error: broken 3');
    expect(mapped).toContain(`${source}:3:9`);
    expect(mapped).not.toContain('thrower.js:');
    // This test file's own frame is outside the compiled directory and keeps its place.
    expect(mapped).toContain('stack-trace.test.ts');
  });
});
