// `npm run backup|restore|migrate-to-postgres -- …`: the command-line tools (server/cli/), compiled with
// the server, so they run wherever `npm start` runs — an install without the dev tools included.
import { ensureBuilt } from './ensure-built.mjs';

const TOOLS = ['backup', 'restore', 'migrate-to-postgres'];
// The tool's name goes; its own options stay where the tool reads them (process.argv.slice(2)).
const [tool] = process.argv.splice(2, 1);
if (!TOOLS.includes(tool)) {
  console.error(`Usage: node scripts/cli.mjs ${TOOLS.join('|')} [options]`);
  process.exit(1);
}
ensureBuilt(`run ${tool}`);
await import(new URL(`../dist/server/cli-${tool}.js`, import.meta.url).href);
