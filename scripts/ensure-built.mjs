// Builds whatever is missing or was built from other sources (scripts/build.mjs says what and how long)
// before `npm start` or a command-line tool runs compiled code; exits when the build cannot be made.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inWords, missingParts, staleParts } from './build.mjs';

/** @param {string} what the step that needs the build, for the message when it cannot be made */
export function ensureBuilt(what) {
  if (!staleParts().length) return;
  const build = spawnSync(process.execPath, [fileURLToPath(new URL('./build.mjs', import.meta.url)), '--if-stale'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const missing = missingParts();
  if (missing.length) {
    console.error(`Cannot ${what}: not built: ${inWords(missing)}.`);
    process.exit(1);
  }
}
