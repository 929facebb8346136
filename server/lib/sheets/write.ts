// A list written out as .xlsx or CSV, streamed row by row (100k accounts never sit in memory):
// headers in the reader's language, money as numbers with two decimals, dates as dates, and text that a
// spreadsheet would run as a formula neutralised (CSV/formula injection, OWASP).
import type { Writable } from 'node:stream';
import type { SheetFormat } from './read.ts';
import { loadExcelJS } from './exceljs.ts';

/** `number`: a figure with two decimals (a coverage of 2.5×); `percent`: a share (0.25 shows as 25.00%). */
export type ColumnKind = 'text' | 'money' | 'date' | 'integer' | 'number' | 'percent';

export interface SheetColumn {
  header: string;
  kind: ColumnKind;
  /** Width in characters (xlsx only). */
  width?: number;
}

/** What a row holds per column: money as a decimal string, a date as YYYY-MM-DD or a Date. */
export type ExportCell = string | number | Date | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula (or a DDE command). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that would start a formula gets a leading apostrophe: shown as typed, never evaluated. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const MONEY_FORMAT = '#,##0.00';
const DATE_FORMAT = 'yyyy-mm-dd';
const NUMBER_FORMATS: Partial<Record<ColumnKind, string>> = {
  money: MONEY_FORMAT,
  date: DATE_FORMAT,
  number: '0.00',
  percent: '0.00%',
};
const numeric = (kind: ColumnKind) => kind === 'money' || kind === 'integer' || kind === 'number' || kind === 'percent';

function dateOf(v: string | Date): Date | null {
  if (v instanceof Date) return v;
  const m = v.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** A cell as xlsx stores it: numbers and dates typed, everything else neutralised text. */
function xlsxCell(kind: ColumnKind, v: ExportCell): string | number | Date | null {
  if (v === null || v === undefined || v === '') return null;
  if (numeric(kind)) {
    const n = typeof v === 'number' ? v : Number(v);
    return Number.isFinite(n) ? n : neutralise(String(v));
  }
  if (kind === 'date') return dateOf(v as string | Date) ?? neutralise(String(v));
  return neutralise(v instanceof Date ? v.toISOString() : String(v));
}

/** A CSV field: money with its two decimals as the API gives them, quoted when it must be. */
function csvField(kind: ColumnKind, v: ExportCell): string {
  if (v === null || v === undefined) return '';
  let text: string;
  if (kind === 'date') {
    const d = dateOf(v as string | Date);
    text = d ? d.toISOString().slice(0, 10) : neutralise(String(v));
  } else if (numeric(kind)) {
    text = String(v);
    // A negative amount is a number, not a formula; anything else non-numeric is neutralised.
    if (!/^-?\d+(\.\d+)?(e-?\d+)?$/.test(text)) text = neutralise(text);
  } else {
    text = neutralise(v instanceof Date ? v.toISOString() : String(v));
  }
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Writes and waits for room; a stream closed meanwhile (the reader went away) fails the write. */
async function write(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.destroyed) throw new Error('the output was closed');
  if (out.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const drained = () => {
      out.off('close', closed);
      resolve();
    };
    const closed = () => {
      out.off('drain', drained);
      reject(new Error('the output was closed'));
    };
    out.once('drain', drained);
    out.once('close', closed);
  });
}

async function writeCsv(
  out: Writable,
  columns: readonly SheetColumn[],
  rows: AsyncIterable<ExportCell[]>,
): Promise<number> {
  // The BOM makes Excel open UTF-8 as UTF-8 instead of the system's code page.
  await write(out, `\uFEFF${columns.map((c) => csvField('text', c.header)).join(',')}\r\n`);
  let n = 0;
  for await (const row of rows) {
    await write(out, `${columns.map((c, i) => csvField(c.kind, row[i])).join(',')}\r\n`);
    n++;
  }
  out.end();
  return n;
}

async function writeXlsx(
  out: Writable,
  columns: readonly SheetColumn[],
  rows: AsyncIterable<ExportCell[]>,
  sheetName: string,
): Promise<number> {
  const ExcelJS = await loadExcelJS();
  // Shared strings off: each row is written and flushed as it comes, nothing is kept for the end.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    key: String(i),
    width: c.width ?? (c.kind === 'text' ? 24 : 16),
    style: NUMBER_FORMATS[c.kind] ? { numFmt: NUMBER_FORMATS[c.kind] } : {},
  }));
  sheet.addRow(columns.map((c) => neutralise(c.header))).commit();
  let n = 0;
  for await (const row of rows) {
    sheet.addRow(columns.map((c, i) => xlsxCell(c.kind, row[i]))).commit();
    n++;
  }
  sheet.commit();
  await book.commit();
  return n;
}

/** Streams the rows to `out` (which it ends) and answers how many data rows it wrote. */
export function writeSheet(
  out: Writable,
  format: SheetFormat,
  columns: readonly SheetColumn[],
  rows: AsyncIterable<ExportCell[]>,
  sheetName = 'Sheet1',
): Promise<number> {
  return format === 'csv' ? writeCsv(out, columns, rows) : writeXlsx(out, columns, rows, sheetName);
}
