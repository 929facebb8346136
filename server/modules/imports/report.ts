// The error report of an import: every rejected row in the file's own columns, plus 错误原因 with the
// reasons in Chinese and English, so the user fixes the rows in the sheet they know and imports them again.
import type { Writable } from 'node:stream';
import { writeSheet, type ExportCell, type SheetColumn } from '../../lib/sheets/write.ts';
import type { ImportIssue } from '../../kernel/imports.ts';
import type { ImportEntity } from '../../../core/import/headers.ts';
import { messagePair } from '../../../core/messages.ts';
import { fieldLabel } from './columns.ts';

/** "负责人：找不到该负责人…；金额：…" and its English twin. */
export function reasonOf(entity: ImportEntity, issues: ImportIssue[]): { reasonZh: string; reasonEn: string } {
  const zh: string[] = [];
  const en: string[] = [];
  for (const i of issues) {
    const m = messagePair(i.code, i.params);
    zh.push(`${fieldLabel(entity, i.field, 'zh')}：${m.zh}`);
    en.push(`${fieldLabel(entity, i.field, 'en')}: ${m.en}`);
  }
  return { reasonZh: zh.join('；'), reasonEn: en.join('; ') };
}

export async function writeReport(
  out: Writable,
  headers: string[],
  rows: { row: number; cells: unknown; reasonZh: string; reasonEn: string }[],
): Promise<number> {
  const columns: SheetColumn[] = [
    { header: '行号 Row', kind: 'integer', width: 8 },
    ...headers.map((h): SheetColumn => ({ header: h, kind: 'text' })),
    { header: '错误原因 Reason', kind: 'text', width: 60 },
  ];
  async function* cells(): AsyncGenerator<ExportCell[]> {
    for (const r of rows) {
      const original = (Array.isArray(r.cells) ? r.cells : []) as ExportCell[];
      const padded = headers.map((_, i) => original[i] ?? null);
      yield [r.row, ...padded, `${r.reasonZh}\n${r.reasonEn}`];
    }
  }
  return writeSheet(out, 'xlsx', columns, cells(), '错误报告');
}
