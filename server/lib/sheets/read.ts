// Rows out of an uploaded spreadsheet, streamed: a 100k-row file is never held in memory at once.
// CSV in UTF-8 (with or without BOM) or GB18030/GBK — what Excel on Chinese Windows saves — told apart
// by whether the start of the file is valid UTF-8; .xlsx through ExcelJS's streaming reader (its first
// worksheet, by tab order: exceljs.ts). The libraries load on first use, so a server that never imports
// does not pay for them at start.
import { PassThrough, Readable } from 'node:stream';
import { worksheetRows } from './exceljs.ts';

export type SheetCell = string | number | Date | null;
export type SheetFormat = 'xlsx' | 'csv';
export type CsvEncoding = 'utf-8' | 'gb18030';

export interface SheetRow {
  /** 1-based, as the spreadsheet numbers it (the header is row 1). */
  number: number;
  cells: SheetCell[];
}

/** Thrown for a file that cannot be read as the format it claims; the message is for the error report. */
export class SheetError extends Error {
  constructor(
    readonly code: 'corrupt' | 'empty' | 'encoding',
    message: string,
  ) {
    super(message);
  }
}

/** How many bytes of a CSV decide its encoding: enough for the header and the first rows. */
const SNIFF_BYTES = 64 * 1024;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The encoding of a CSV from its first bytes: a UTF-8 BOM, or bytes that decode as UTF-8 (an incomplete
 * character at the cut is not an error), else GB18030 — a superset of GBK and GB2312.
 */
export function sniffCsvEncoding(head: Buffer): CsvEncoding {
  if (head.subarray(0, 3).equals(UTF8_BOM)) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Reads the stream's first bytes and gives them back with a stream that replays them before the rest. */
async function peek(source: Readable, bytes: number): Promise<{ head: Buffer; stream: Readable }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const iterator = source[Symbol.asyncIterator]();
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    chunks.push(chunk);
    size += chunk.length;
  }
  const head = Buffer.concat(chunks);
  const stream = new PassThrough();
  stream.write(head);
  (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (!stream.write(next.value)) await new Promise((resolve) => stream.once('drain', resolve));
    }
    stream.end();
  })().catch((e: Error) => stream.destroy(e));
  return { head, stream };
}

async function* csvRows(source: Readable, encoding?: CsvEncoding): AsyncGenerator<SheetRow> {
  const { head, stream } = await peek(source, SNIFF_BYTES);
  if (head.length === 0) throw new SheetError('empty', 'the file is empty');
  const detected = sniffCsvEncoding(head);
  if (encoding === 'utf-8' && detected === 'gb18030') {
    throw new SheetError(
      'encoding',
      'the file is not UTF-8: it looks like GBK/GB18030 (saved by Excel on Chinese Windows)',
    );
  }
  const [{ parse }, iconv] = await Promise.all([import('csv-parse'), import('iconv-lite')]);
  const text = (encoding ?? detected) === 'gb18030' ? stream.pipe(iconv.decodeStream('gb18030')) : stream;
  const parser = text.pipe(
    parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { number: info.lines, cells: record.map((c) => (c === '' ? null : c)) };
    }
  } catch (e) {
    throw new SheetError('corrupt', `the CSV cannot be read: ${(e as Error).message}`);
  }
}

/** ExcelJS's cell value (rich text, formulas, hyperlinks, errors) as the value the sheet shows. */
function cellValue(v: unknown): SheetCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('') || null;
    if ('result' in o) return cellValue(o.result);
    if (o.text !== undefined) return cellValue(o.text);
    if (o.error) return null;
  }
  return String(v);
}

async function* xlsxRows(content: Buffer): AsyncGenerator<SheetRow> {
  let rows: Awaited<ReturnType<typeof worksheetRows>>;
  try {
    rows = await worksheetRows(content);
  } catch (e) {
    throw new SheetError('corrupt', `the .xlsx file cannot be read: ${(e as Error).message}`);
  }
  if (rows === 'not-zip') throw new SheetError('corrupt', 'the file is not an .xlsx workbook');
  if (rows === 'no-sheet') throw new SheetError('empty', 'the workbook has no worksheet');
  try {
    for await (const row of rows) {
      const values = row.values as unknown[];
      // ExcelJS's row values are 1-based (index 0 is always empty) and sparse: Array.from visits the
      // holes of empty cells, which map() would skip.
      const cells = Array.from(values.slice(1), cellValue);
      if (cells.some((c) => c !== null)) yield { number: row.number, cells };
    }
  } catch (e) {
    throw new SheetError('corrupt', `the .xlsx file cannot be read: ${(e as Error).message}`);
  }
}

/** The rows of a CSV or .xlsx file, header first. `encoding` forces a CSV's (and is checked). */
export function readSheet(
  content: Buffer,
  format: SheetFormat,
  opts: { encoding?: CsvEncoding } = {},
): AsyncGenerator<SheetRow> {
  return format === 'csv' ? csvRows(Readable.from([content]), opts.encoding) : xlsxRows(content);
}
