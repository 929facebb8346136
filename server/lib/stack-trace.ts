// Stack traces of the compiled server name TypeScript lines, mapped when a trace is printed.
// `node --enable-source-maps` does the same but decodes every source map while the bundle loads:
// 0.2 s of every start (docs/decisions/0015-production-start.md). Here a file's map is read the first
// time one of its frames is printed, and each frame is looked up in it.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Maps, in every stack trace from now on, the frames of the compiled files under `dir` that have a
 * `<file>.map` beside them. Other frames, and all frames of a file whose map cannot be read, stay as
 * V8 wrote them.
 */
export function mapStackTraces(dir: string): void {
  const root = dir.endsWith(sep) ? dir : dir + sep;
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (file: string) => {
    let map = maps.get(file);
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
      } catch {
        map = null;
      }
      maps.set(file, map);
    }
    return map;
  };

  const frame = (site: NodeJS.CallSite): string => {
    const text = String(site);
    const name = site.getFileName();
    const line = site.getLineNumber();
    const column = site.getColumnNumber();
    if (!name || !line || !column) return text;
    const file = name.startsWith('file://') ? fileURLToPath(name) : name;
    if (!file.startsWith(root)) return text;
    const entry = mapOf(file)?.findEntry(line - 1, column - 1);
    if (!entry || !('originalSource' in entry) || !entry.originalSource) return text;
    const source = entry.originalSource.startsWith('file://')
      ? fileURLToPath(entry.originalSource)
      : resolve(dirname(file), entry.originalSource);
    return text.replace(`${name}:${line}:${column}`, `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`);
  };

  Error.prepareStackTrace = (error, sites) => {
    let head: string;
    try {
      head = String(error);
    } catch {
      head = Object.prototype.toString.call(error);
    }
    return head + sites.map((site) => `\n    at ${frame(site)}`).join('');
  };
}
