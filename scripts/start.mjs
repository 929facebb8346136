// `npm start`: builds whatever is missing or was built from other sources (scripts/build.mjs says
// what and how long), then runs the compiled server, dist/server/main.js, in this process.
import { ensureBuilt } from './ensure-built.mjs';

ensureBuilt('start');
await import(new URL('../dist/server/main.js', import.meta.url).href);
