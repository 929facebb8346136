// Build step (scripts/build.mjs runs the compiled copy): initialises and migrates a PGlite data
// directory that a first start copies (client.ts `template`). It is opened and closed by the same
// code as at run time, so it is exactly what a first start would otherwise have made.
import { openDatabase } from './client.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: template.js <data directory>');
const database = await openDatabase({ dataDir: dir });
await database.close();
