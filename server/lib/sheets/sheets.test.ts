import { execSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadExcelJS } from './exceljs.ts';
import { readSheet, SheetError, sniffCsvEncoding, type SheetFormat, type SheetRow } from './read.ts';
import { xlsxRowTags } from './count.ts';
import { neutralise, writeSheet, type ExportCell, type SheetColumn } from './write.ts';

async function collect(rows: AsyncIterable<SheetRow>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

async function* each<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

/** Writes a sheet to memory and returns its bytes. */
async function written(format: SheetFormat, columns: SheetColumn[], rows: ExportCell[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  await writeSheet(out, format, columns, each(rows));
  await done;
  return Buffer.concat(chunks);
}

const COLUMNS: SheetColumn[] = [
  { header: '客户名称', kind: 'text' },
  { header: '我方收入', kind: 'money' },
  { header: '预计成交日期', kind: 'date' },
  { header: '备注', kind: 'text' },
];
const ROWS: ExportCell[][] = [
  ['某市卫生健康委员会', '1234567.50', '2027-03-31', '=HYPERLINK("http://evil")'],
  ['华信智联科技有限公司', '-20000.00', null, '+86 138 0013 8000'],
  ['"引号", 逗号\n换行', null, '2027-12-01', '@SUM(A1)'],
];

describe('writeSheet / readSheet round trip', () => {
  it('xlsx keeps Chinese text, money as numbers, dates as dates, and neutralises formulas', async () => {
    const bytes = await written('xlsx', COLUMNS, ROWS);
    const rows = await collect(readSheet(bytes, 'xlsx'));
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4]);
    expect(rows[0].cells).toEqual(['客户名称', '我方收入', '预计成交日期', '备注']);
    expect(rows[1].cells).toEqual([
      '某市卫生健康委员会',
      1234567.5,
      new Date(Date.UTC(2027, 2, 31)),
      `'=HYPERLINK("http://evil")`,
    ]);
    expect(rows[2].cells).toEqual(['华信智联科技有限公司', -20000, null, "'+86 138 0013 8000"]);
    expect(rows[3].cells[0]).toBe('"引号", 逗号\n换行');
    expect(rows[3].cells[3]).toBe("'@SUM(A1)");
  });

  it('CSV starts with a BOM, quotes what it must and reads back the same', async () => {
    const bytes = await written('csv', COLUMNS, ROWS);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = await collect(readSheet(bytes, 'csv'));
    expect(rows[0].cells).toEqual(['客户名称', '我方收入', '预计成交日期', '备注']);
    expect(rows[1].cells).toEqual(['某市卫生健康委员会', '1234567.50', '2027-03-31', `'=HYPERLINK("http://evil")`]);
    expect(rows[2].cells).toEqual(['华信智联科技有限公司', '-20000.00', null, "'+86 138 0013 8000"]);
    expect(rows[3].cells).toEqual(['"引号", 逗号\n换行', null, '2027-12-01', "'@SUM(A1)"]);
  });
});

describe('readSheet: encodings and bad files', () => {
  const csv = '客户名称,省份\r\n北京协和医院,北京\r\n深圳市人民医院,广东\r\n';

  it('reads GBK (GB18030) as Excel on Chinese Windows saves it', async () => {
    const gbk = iconv.encode(csv, 'gbk');
    expect(sniffCsvEncoding(gbk)).toBe('gb18030');
    const rows = await collect(readSheet(gbk, 'csv'));
    expect(rows.map((r) => r.cells)).toEqual([
      ['客户名称', '省份'],
      ['北京协和医院', '北京'],
      ['深圳市人民医院', '广东'],
    ]);
  });

  it('says so when a GBK file is declared UTF-8', async () => {
    const gbk = iconv.encode(csv, 'gbk');
    await expect(collect(readSheet(gbk, 'csv', { encoding: 'utf-8' }))).rejects.toMatchObject({
      code: 'encoding',
    });
  });

  it('reads UTF-8 without a BOM, even when a character is cut at the sniffed length', () => {
    const utf8 = Buffer.from(csv);
    expect(sniffCsvEncoding(utf8)).toBe('utf-8');
    expect(sniffCsvEncoding(utf8.subarray(0, 4))).toBe('utf-8');
  });

  it('refuses an empty CSV and a corrupt workbook with a SheetError', async () => {
    await expect(collect(readSheet(Buffer.alloc(0), 'csv'))).rejects.toMatchObject({ code: 'empty' });
    const junk = Buffer.from('PK\u0003\u0004 this is not a zip file at all');
    const err = await collect(readSheet(junk, 'xlsx')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SheetError);
    expect((err as SheetError).code).toBe('corrupt');
  });
});

describe('ExcelJS', () => {
  it('reads a long Chinese sheet without splitting a character between two chunks of the unzipped XML', async () => {
    const rows: ExportCell[][] = [];
    for (let i = 0; i < 20_000; i++) rows.push([`基准客户${i}有限公司`, ['事业单位', '政府', '国企'][i % 3], '广东省']);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    async function* source() {
      yield* rows;
    }
    await writeSheet(
      out,
      'xlsx',
      [0, 1, 2].map((i) => ({ header: `列${i}`, kind: 'text' as const })),
      source(),
    );
    let broken = 0;
    let n = 0;
    for await (const r of readSheet(Buffer.concat(chunks), 'xlsx')) {
      n++;
      if (r.cells.some((c) => typeof c === 'string' && c.includes('\uFFFD'))) broken++;
    }
    expect(n).toBe(20_001);
    expect(broken).toBe(0);
    // Counted without reading a cell: every row tag, across the chunks of the unzipped sheet.
    expect(await xlsxRowTags(Buffer.concat(chunks))).toBe(20_001);
  });

  it('reads a workbook however its zip lays out the parts (stored uncompressed, the workbook part last)', async () => {
    // ExcelJS's own front-to-back unzip lost every part after a worksheet that came before the shared
    // strings — once in a while for a deflated file, every time for one stored as JSZip stores it — and
    // then failed ("reading 'sheets'"). The parts are now read from the zip's directory (zip.ts).
    const ExcelJS = await loadExcelJS();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('客户');
    sheet.addRow(['客户名称', '城市']);
    sheet.addRow(['某市卫生健康委员会', '深圳市']);
    const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
    const reordered = new JSZip();
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    const last = names.filter((n) => n === 'xl/workbook.xml');
    for (const n of [...names.filter((x) => x !== 'xl/workbook.xml'), ...last]) {
      reordered.file(n, await zip.files[n].async('nodebuffer'));
    }
    const content = await reordered.generateAsync({ type: 'nodebuffer' });
    const rows = await collect(readSheet(content, 'xlsx'));
    expect(rows.map((r) => r.cells)).toEqual([
      ['客户名称', '城市'],
      ['某市卫生健康委员会', '深圳市'],
    ]);
  });

  it('counts no rows of a file that is not a workbook', async () => {
    expect(await xlsxRowTags(Buffer.from('客户名称\n某公司\n'))).toBeNull();
  });

  it('is loaded only through lib/sheets/exceljs.ts, which mends its reader before anything loads it', () => {
    // The pattern's [j] keeps this file from matching itself.
    const offenders = execSync(`git grep -l -E "from 'excel[j]s'|import\\('excel[j]s'\\)" -- '*.ts' '*.tsx'`, {
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => f && f !== 'server/lib/sheets/exceljs.ts');
    expect(offenders).toEqual([]);
  });
});

describe('neutralise', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+123', "'+123"],
    ['-x', "'-x"],
    ['@cmd', "'@cmd"],
    ['\tTab', "'\tTab"],
    ['\rCR', "'\rCR"],
    ['正常文本', '正常文本'],
    ['a=b', 'a=b'],
  ])('%j → %j', (text, safe) => expect(neutralise(text)).toBe(safe));
});
