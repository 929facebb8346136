// The one way into ExcelJS. Its streaming reader (4.4) decodes each chunk of an unzipped sheet on its
// own (lib/utils/parse-sax.js: bufferToString(chunk)), so a Chinese character that straddles two chunks
// came out as two U+FFFD — 3 rows in 30,000 of a Chinese customer list ("事���单位"). Until a release
// decodes across chunks, that module is put in Node's module cache, before ExcelJS loads it, as the same
// parser with one streaming TextDecoder per sheet. Every file reaches ExcelJS through here
// (sheets.test.ts checks), so no import can load the original first.
import * as nodeModule from 'node:module';
import { Readable } from 'node:stream';
import type ExcelJSModule from 'exceljs';
import { firstWorksheet, openZip } from './zip.ts';

// Not named `require`: the production bundle's banner declares one (scripts/build.mjs).
const load = nodeModule.createRequire(import.meta.url);

interface SaxEvent {
  eventType: 'opentag' | 'text' | 'closetag';
  value: unknown;
}

function patchParseSax() {
  const path = load.resolve('exceljs/lib/utils/parse-sax.js');
  if (load.cache[path]) return;
  const { SaxesParser } = load('saxes') as {
    SaxesParser: new () => {
      on(event: string, fn: (value: unknown) => void): void;
      write(text: string): void;
    };
  };
  async function* parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
    const parser = new SaxesParser();
    const decoder = new TextDecoder('utf-8');
    let error: unknown;
    let events: SaxEvent[] = [];
    parser.on('error', (e) => {
      error = e;
    });
    parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
    parser.on('text', (value) => events.push({ eventType: 'text', value }));
    parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
    for await (const chunk of iterable) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      if (error) throw error;
      yield events;
      events = [];
    }
    const rest = decoder.decode();
    if (rest) {
      parser.write(rest);
      if (error) throw error;
      yield events;
    }
  }
  const m = new nodeModule.Module(path);
  m.filename = path;
  m.loaded = true;
  m.exports = parseSax;
  load.cache[path] = m;
}

let loaded: Promise<typeof ExcelJSModule> | null = null;

export function loadExcelJS(): Promise<typeof ExcelJSModule> {
  if (!loaded) {
    patchParseSax();
    loaded = import('exceljs').then((m) => m.default);
  }
  return loaded;
}

/** The parts of ExcelJS's streaming reader (4.4) that read one part each, in the order they are called. */
interface ReaderParts {
  _parseRels(part: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(part: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(part: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseStyles(part: NodeJS.ReadableStream): Promise<void>;
  _parseWorksheet(
    part: NodeJS.ReadableStream,
    sheetNo: string,
  ): Generator<{ eventType: string; value: AsyncIterable<ExcelJSModule.Row> }>;
}

/**
 * The rows of an .xlsx's first worksheet (as its tabs are ordered), streamed: ExcelJS's streaming reader
 * fed its parts from the zip's directory in the order it needs them — relationships, workbook, shared
 * strings, styles (so dates read as dates), then the sheet — instead of from its own front-to-back unzip
 * (zip.ts says why). Or why there are none: the file is not a zip, or the zip has no worksheet.
 */
export async function worksheetRows(
  content: Buffer,
): Promise<AsyncIterable<ExcelJSModule.Row> | 'not-zip' | 'no-sheet'> {
  const ExcelJS = await loadExcelJS();
  const parts = await openZip(content);
  if (!parts) return 'not-zip';
  const sheet = await firstWorksheet(parts);
  if (!sheet) return 'no-sheet';
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as ReaderParts;
  const part = (path: string) => parts.get(path)?.stream();
  const rels = part('xl/_rels/workbook.xml.rels');
  if (rels) await reader._parseRels(rels);
  const workbook = part('xl/workbook.xml');
  if (workbook) await reader._parseWorkbook(workbook);
  const strings = part('xl/sharedStrings.xml');
  if (strings) for await (const _ of reader._parseSharedStrings(strings));
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);
  for (const event of reader._parseWorksheet(sheet.entry.stream(), sheet.sheetNo)) {
    if (event.eventType === 'worksheet') return event.value;
  }
  return 'no-sheet';
}
