// Opens an export again as a user's spreadsheet program would, for cell-by-cell checks: the .xlsx with
// ExcelJS (values and number formats), the CSV with csv-parse.
import type { LightMyRequestResponse } from 'fastify';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { history } from '../db/schema.ts';
import { loadExcelJS } from '../lib/sheets/exceljs.ts';

export type Cell = string | number | boolean | Date | null;

export interface OpenedSheet {
  header: string[];
  rows: Cell[][];
  /** Number format of each column's first data cell (xlsx only). */
  formats: (string | undefined)[];
}

export async function openXlsx(res: LightMyRequestResponse): Promise<OpenedSheet> {
  const ExcelJS = await loadExcelJS();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const all: Cell[][] = [];
  let formats: (string | undefined)[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === undefined ? null : (v as Cell));
    }
    if (n === 2) formats = Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).numFmt);
    all.push(cells);
  });
  return { header: all[0].map(String), rows: all.slice(1), formats };
}

export function openCsv(res: LightMyRequestResponse): OpenedSheet {
  const text = res.rawPayload.toString('utf8');
  if (!text.startsWith('\uFEFF')) throw new Error('the CSV has no BOM');
  const all = parse(text.slice(1), { relaxColumnCount: false }) as string[][];
  return { header: all[0], rows: all.slice(1).map((r) => r.map((v) => (v === '' ? null : v))), formats: [] };
}

/** The column of `header` in an opened sheet, by its header text. */
export const column = (sheet: OpenedSheet, header: string): Cell[] => {
  const i = sheet.header.indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${sheet.header.join(', ')}`);
  return sheet.rows.map((r) => r[i]);
};

/** The export history rows of an organisation, newest last. */
export async function exportHistory(db: Db, orgId: string) {
  const rows = await db
    .select()
    .from(history)
    .where(and(eq(history.orgId, orgId), eq(history.entityType, 'export')))
    .orderBy(history.id);
  return rows.map((r) => ({
    actorId: r.actorId,
    action: r.action,
    ...Object.fromEntries((r.changes as { field: string; new: unknown }[]).map((c) => [c.field, c.new])),
  }));
}
