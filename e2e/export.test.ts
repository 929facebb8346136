// Export (issue 22): on the accounts list, filtered by a tag and sorted by name, 导出 → Excel downloads
// an .xlsx named 客户-<today>.xlsx holding exactly the filtered rows in that order, money as numbers.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import { WAIT } from './util.ts';
import type { PageOf } from '../core/schemas/common.ts';
import type { AccountListItem } from '../core/schemas/accounts.ts';
import { loadExcelJS } from '../server/lib/sheets/exceljs.ts';

describe.skipIf(!hasChromium)('export a list to Excel', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  const TAG = '导出演示';

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    await f.account(f.admin, { name: '南京市鼓楼医院', tags: [TAG], ourRevenue: '1250000.5' });
    await f.account(f.admin, { name: '=杭州市第一人民医院', tags: [TAG], ourRevenue: '80000' });
    await f.account(f.admin, { name: '不在筛选里的客户', ourRevenue: '1' });
  });
  afterAll(async () => {
    await e?.close();
  });

  test('导出 → Excel on the filtered accounts list downloads the filtered rows in the list order', async () => {
    const page = await e.page({ cookie: f.admin.cookie });
    await page.goto(`/accounts?tag=${encodeURIComponent(TAG)}&sort=name`);
    await page.getByTestId('accounts-table').getByText('南京市鼓楼医院').waitFor({ timeout: WAIT });
    await page.getByTestId('export').click();
    const item = page.getByTestId('export-xlsx');
    await item.waitFor({ timeout: WAIT });
    const download = page.waitForEvent('download', { timeout: WAIT });
    await item.click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^客户-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const path = await file.path();
    const ExcelJS = await loadExcelJS();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getCell('A1').value).toBe('客户名称');
    // The list's own order (sorted by name), a name that would be a formula neutralised.
    const listed = (await f.admin.get(`/api/accounts?tag=${encodeURIComponent(TAG)}&sort=name`)).json<
      PageOf<AccountListItem>
    >();
    const names = listed.items.map((a) => (a.name.startsWith('=') ? `'${a.name}` : a.name));
    expect([sheet.getCell('A2').value, sheet.getCell('A3').value]).toEqual(names);
    expect(sheet.rowCount).toBe(3);
    const revenueCol = (sheet.getRow(1).values as unknown[]).indexOf('我方年收入');
    const row = sheet.getCell('A2').value === '南京市鼓楼医院' ? 2 : 3;
    expect(sheet.getRow(row).getCell(revenueCol).value).toBe(1250000.5);
  });
});
