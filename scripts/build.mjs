// The production build. `npm ci` runs it through `prepare`, `npm start` (scripts/start.mjs) when
// some output is missing or was built from other sources, `npm run build` always. Three parts, each
// with a stamp file, written when it is complete, naming the sources it was built from:
// - web: the Vite bundle in web/dist, with a brotli and a gzip copy beside each compressible file
//   (server/plugins/web.ts sends them);
// - server: server/main.ts and the libraries it uses compiled into ES modules, dist/server/main.js
//   and the chunks it loads on demand, with their source maps, and the migrations beside them;
// - database template: a PGlite data directory initialised and migrated by the compiled server's
//   own code (server/db/template.ts), dist/pglite-template, which a first start copies.
// Vite and esbuild are dev dependencies: an install without them (--omit=dev) runs the output of an
// earlier build and cannot rebuild it.
// Plain JavaScript (checked by tsc through JSDoc) so that it runs before anything is compiled.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { cp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STAMP = '.build-stamp';

/**
 * Libraries left out of the server bundle and loaded from node_modules: each reads files that ship
 * beside its own code (PGlite's WASM and data files, argon2's native binding, Swagger's package.json,
 * Swagger UI's assets); pg-native is pg's optional native driver, not installed.
 */
// exceljs stays a package of its own: server/lib/sheets/exceljs.ts mends its streaming reader through
// Node's module cache, which a bundled copy would not consult.
const EXTERNAL = [
  '@electric-sql/pglite',
  '@node-rs/argon2',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  'pg-native',
  'exceljs',
];

/** Text formats worth compressing; fonts and images in the bundle are compressed already. */
const COMPRESSIBLE = /\.(css|html|ico|js|json|mjs|svg|txt|xml)$/;

/**
 * @typedef {object} Part
 * @property {string} label
 * @property {string} output directory the part writes (emptied when it is rebuilt)
 * @property {string[]} inputs files and directories (walked) whose change makes the output stale
 * @property {() => Promise<void>} build
 */

/** @type {Record<'web' | 'server' | 'template', Part>} */
const PARTS = {
  web: {
    label: 'web bundle',
    output: 'web/dist',
    inputs: ['web', 'core', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'],
    build: buildWeb,
  },
  server: {
    label: 'server',
    output: 'dist/server',
    // web/i18n: exports head their columns and name enum values with the screen's own labels.
    inputs: ['server', 'core', 'web/i18n', 'package.json', 'package-lock.json', 'scripts/build.mjs'],
    build: buildServer,
  },
  template: {
    label: 'database template',
    output: 'dist/pglite-template',
    // What a new database is made of: the migrations, the code that opens and migrates it, PGlite's version.
    inputs: [
      'server/db/migrations',
      'server/db/client.ts',
      'server/db/data-dir.ts',
      'server/db/template.ts',
      'package-lock.json',
      'scripts/build.mjs',
    ],
    build: buildTemplate,
  },
};

/** @typedef {keyof typeof PARTS} PartName */
const ORDER = /** @type {PartName[]} */ (['web', 'server', 'template']);

/**
 * Not inputs: build output, dependencies, tests (not compiled) and drizzle-kit's schema snapshots
 * (server/db/migrations/meta, read only by `npm run db:generate`; migrating reads the SQL and the journal).
 */
const skipped = (/** @type {string} */ name) =>
  name === 'dist' ||
  name === 'node_modules' ||
  name === 'test' ||
  /\.test\.tsx?$/.test(name) ||
  /_snapshot\.json$/.test(name);

/**
 * Feeds each file under `path` (or `path` itself) into `hash`: its name and either its content or,
 * `quick`, its size and modification time (no file read).
 */
function hashTree(
  /** @type {import('node:crypto').Hash} */ hash,
  /** @type {string} */ path,
  /** @type {boolean} */ quick,
) {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) if (!skipped(entry)) hashTree(hash, join(path, entry), quick);
    return;
  }
  hash.update(`${relative(ROOT, path)}\0`);
  hash.update(quick ? `${stat.size} ${stat.mtimeMs}` : readFileSync(path)).update('\0');
}

/**
 * What a part's output was built from: a file added, removed or changed changes it. The content
 * decides (a copy or a touch is no change); the quick form, from sizes and times, spares npm start
 * reading every source when nothing was touched since the build.
 */
function signature(/** @type {Part} */ part, quick = false) {
  const hash = createHash('sha256');
  for (const input of part.inputs) hashTree(hash, join(ROOT, input), quick);
  return hash.digest('hex');
}

/** The parts whose output is missing or was built from other sources, in build order. */
export function staleParts() {
  return ORDER.filter((name) => {
    const stamp = join(ROOT, PARTS[name].output, STAMP);
    if (!existsSync(stamp)) return true;
    const [content, quick] = readFileSync(stamp, 'utf8').split('\n');
    return quick !== signature(PARTS[name], true) && content !== signature(PARTS[name]);
  });
}

/** Whether the dev dependencies that build are installed. */
function toolsInstalled() {
  try {
    import.meta.resolve('vite');
    import.meta.resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs one step of the build, saying what it is before (each takes seconds) and how long it took after.
 * @template T
 * @param {string} label
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
async function step(label, work) {
  const started = performance.now();
  console.log(`${label}…`);
  const result = await work();
  console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function buildWeb() {
  const { build } = await import('vite');
  await step('Building the web bundle (Vite)', () =>
    build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' }),
  );
  await step('Compressing it (brotli and gzip)', () => compressTree(join(ROOT, 'web/dist')));
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Writes `file.br` and `file.gz` beside each compressible file under `dir`, where they are smaller. */
async function compressTree(/** @type {string} */ dir) {
  const files = (await readdir(dir, { recursive: true })).filter((f) => COMPRESSIBLE.test(f));
  let plain = 0;
  let compressed = 0;
  // zlib works on libuv's thread pool: all files at once keep both cores busy.
  await Promise.all(
    files.map(async (name) => {
      const file = join(dir, name);
      const data = await readFile(file);
      const [br, gz] = await Promise.all([
        brotli(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        }),
        gzipped(data, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      plain += data.length;
      compressed += Math.min(br.length, data.length);
      if (br.length < data.length) await writeFile(`${file}.br`, br);
      if (gz.length < data.length) await writeFile(`${file}.gz`, gz);
    }),
  );
  console.log(
    `  ${files.length} files, ${(plain / 1e6).toFixed(1)} MB → ${(compressed / 1e6).toFixed(1)} MB with brotli`,
  );
}

async function buildServer() {
  const { build } = await import('esbuild');
  const out = join(ROOT, 'dist/server');
  await step('Compiling the server (esbuild)', () =>
    build({
      absWorkingDir: ROOT,
      entryPoints: {
        main: 'server/main.ts',
        template: 'server/db/template.ts',
        // The command-line tools (npm run backup, restore, migrate-to-postgres: scripts/cli.mjs).
        'cli-backup': 'server/cli/backup.ts',
        'cli-restore': 'server/cli/restore.ts',
        'cli-migrate-to-postgres': 'server/cli/migrate-to-postgres.ts',
      },
      outdir: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20.19',
      external: EXTERNAL,
      // The libraries bundled in are mostly CommonJS: their require() of Node's modules needs a real one.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      // What is imported dynamically (the password dictionaries, 1.6 MB) becomes a chunk of its own,
      // read when first used instead of parsed at every start. Chunks stay beside main.js: code that
      // finds its files through import.meta.url (the migrations) may land in one.
      splitting: true,
      // A CommonJS library imported dynamically into a chunk of its own gives the chunk only a default
      // export (no ZxcvbnFactory): prefer ES module builds where a library has one. The libraries
      // this changes are those without an `exports` map: zxcvbn's and the fastest-levenshtein it uses.
      mainFields: ['module', 'main'],
      // Stack traces name the TypeScript lines (server/lib/stack-trace.ts reads the map when one is
      // printed); the sources themselves stay out of the map.
      sourcemap: 'linked',
      sourcesContent: false,
      legalComments: 'none',
      logLevel: 'warning',
    }),
  );
  await cp(join(ROOT, 'server/db/migrations'), join(out, 'migrations'), {
    recursive: true,
    filter: (path) => !skipped(basename(path)),
  });
}

async function buildTemplate() {
  const out = join(ROOT, PARTS.template.output);
  const partial = `${out}.partial`;
  await rm(partial, { recursive: true, force: true });
  await step('Creating the initial database (PGlite: initdb and every migration)', () =>
    run(join(ROOT, 'dist/server/template.js'), partial),
  );
  await rename(partial, out);
}

/** Runs a Node script to completion, its output shown. */
function run(/** @type {string} */ script, /** @type {string[]} */ ...args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(undefined) : reject(new Error(`${relative(ROOT, script)} exited with ${code}`)),
    );
  });
}

/** Builds the parts named (their outputs emptied first), stamping each with the sources it began from. */
async function buildParts(/** @type {PartName[]} */ names) {
  for (const name of names) {
    const part = PARTS[name];
    // Taken first: a source edited during the build no longer matches, and the next start builds again.
    const sources = `${signature(part)}\n${signature(part, true)}`;
    const output = join(ROOT, part.output);
    await rm(output, { recursive: true, force: true });
    await part.build();
    await writeFile(join(output, STAMP), `${sources}\n`);
  }
}

/** The parts never built (no stamp): the server cannot start without them. */
export function missingParts() {
  return ORDER.filter((name) => !existsSync(join(ROOT, PARTS[name].output, STAMP)));
}

/** A list of parts in words. */
export const inWords = (/** @type {PartName[]} */ names) => names.map((name) => PARTS[name].label).join(', ');

/**
 * `--if-stale` (prepare, npm start) builds the parts that are missing or stale; without the build
 * tools it says so and succeeds, so that an install without dev dependencies (the build copied in
 * later) does not fail. Without it (npm run build) everything is built, and missing tools fail.
 */
async function cli(/** @type {string[]} */ args) {
  const started = performance.now();
  const ifStale = args.includes('--if-stale');
  const names = ifStale ? staleParts() : ORDER;
  if (!names.length) {
    console.log('The build (web/dist, dist/) is up to date.');
    return;
  }
  if (!toolsInstalled()) {
    const missing = names.filter((name) => missingParts().includes(name));
    console.warn(
      `Cannot build the ${inWords(names)}: the build tools (vite, esbuild) are dev dependencies and are not installed.`,
    );
    if (missing.length)
      console.warn(
        `npm start needs the ${inWords(missing)}: build them where dev dependencies are installed (npm ci) and copy web/dist and dist/ here.`,
      );
    else console.warn('The build in web/dist and dist/ was made from other sources: it runs as it is.');
    if (!ifStale) process.exit(1);
    return;
  }
  console.log(`Building the ${inWords(names)}.`);
  await buildParts(names);
  console.log(`Build finished in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  cli(process.argv.slice(2)).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
