// `npm start`: builds whatever is missing or was built from other sources (scripts/build.mjs says
// what and how long), then runs the compiled server, dist/server/main.js, in this process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inWords, missingParts, staleParts } from './build.mjs';

if (staleParts().length) {
  const build = spawnSync(process.execPath, [fileURLToPath(new URL('./build.mjs', import.meta.url)), '--if-stale'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const missing = missingParts();
  if (missing.length) {
    console.error(`Cannot start: not built: ${inWords(missing)}.`);
    process.exit(1);
  }
}
await import(new URL('../dist/server/main.js', import.meta.url).href);
