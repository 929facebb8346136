// An .xlsx as a zip read from its central directory (the whole upload is in memory already), so its
// parts can be read in the order a reader needs them and the data sheet found by the workbook's tab
// order — not streamed front to back as ExcelJS does, which lost every part after a worksheet that came
// ahead of the shared strings (the order Excel itself writes) once in a while, or always when the parts
// were stored uncompressed (sheets.test.ts).
import * as nodeModule from 'node:module';

export interface ZipEntry {
  path: string;
  stream(): NodeJS.ReadableStream;
}
interface Unzipper {
  Open: { buffer(content: Buffer): Promise<{ files: ZipEntry[] }> };
}

const loadUnzipper = (() => {
  let unzipper: Unzipper | undefined;
  // Loaded on first use, as ExcelJS is: a server that never imports does not pay for it at start. Not
  // through a name `createRequire`: the production bundle's banner declares one (scripts/build.mjs).
  return () => (unzipper ??= nodeModule.createRequire(import.meta.url)('unzipper') as Unzipper);
})();

/** The parts of a zip by path; null when the bytes are not a zip. */
export async function openZip(content: Buffer): Promise<Map<string, ZipEntry> | null> {
  try {
    const { files } = await loadUnzipper().Open.buffer(content);
    return new Map(files.map((f) => [f.path, f]));
  } catch {
    return null;
  }
}

export async function textOf(entry: ZipEntry): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of entry.stream() as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * The first worksheet as Excel shows its tabs: workbook.xml's first <sheet>, through the relationship it
 * names; else the first sheetN.xml in the zip. Answers its part and its number.
 */
export async function firstWorksheet(
  parts: Map<string, ZipEntry>,
): Promise<{ entry: ZipEntry; sheetNo: string } | null> {
  const workbook = parts.get('xl/workbook.xml');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (workbook && rels) {
    const rId = /<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"/.exec(await textOf(workbook))?.[1];
    let target: string | undefined;
    if (rId) {
      const xml = await textOf(rels);
      // A relationship's attributes come in either order.
      for (const tag of xml.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
        if (/\bId="([^"]+)"/.exec(tag)?.[1] === rId) target = /\bTarget="([^"]+)"/.exec(tag)?.[1];
      }
    }
    const path = target?.replace(/^\/?(xl\/)?/, 'xl/');
    const entry = path ? parts.get(path) : undefined;
    const no = path ? WORKSHEET.exec(path)?.[1] : undefined;
    if (entry && no) return { entry, sheetNo: no };
  }
  for (const [path, entry] of parts) {
    const no = WORKSHEET.exec(path)?.[1];
    if (no) return { entry, sheetNo: no };
  }
  return null;
}
