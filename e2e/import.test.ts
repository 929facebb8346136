// Spreadsheet import in the browser (issue 22, item 1), one story: an admin opens 导入 from the accounts
// list, uploads an .xlsx the test builds with ExcelJS (Chinese headers, money in 万元, one row with a
// bad credit code, two rows naming accounts already on file: one by credit code, one by name), sees
// the headers map themselves and the first rows as they will be stored with the bad one marked, maps
// one more column by hand (the preview follows), imports skipping bad rows, watches the progress bar
// reach the end, downloads the error report and finds the reason in its 错误原因 column, and sees the
// imported accounts — the existing ones updated, not doubled — on the accounts list. On a phone, in
// English, the wizard stacks within 390 px; a viewer is offered no import at all.
import { loadExcelJS } from '../server/lib/sheets/exceljs.ts';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { creditCodeCheckChar } from '../core/credit-code.ts';
import type { ImportPreview } from '../core/schemas/imports.ts';
import type { Factories } from '../server/test/factories.ts';
import { formatViolations, seriousViolations } from './axe.ts';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import { WAIT, pageScrollWidth, pickOption, popupsClosed, settled, shot, still, waitForPath } from './util.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE = '客户清单.xlsx';
const HEADERS = ['客户名称', '统一社会信用代码', '省份', '城市', '负责人', '我方收入（万元）', '内部编号', '客户简介'];
const validCode = (first17: string) => first17 + (creditCodeCheckChar(first17) ?? '');
const GOOD_CODE = validCode('91330000470051745');
const HEALTH_COMMISSION_CODE = validCode('11330200002952186');
// A valid code with its check character changed: the row is rejected, the others are not.
const BAD_CODE = `${GOOD_CODE.slice(0, 17)}${GOOD_CODE[17] === '0' ? '1' : '0'}`;
const BAD_NAME = '台州市中心医院';

/** The workbook a sales-operations person would have: Chinese headers, 万元 amounts, one broken row. */
async function workbook(): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(HEADERS);
  ws.addRow(['浙江省人民医院', GOOD_CODE, '浙江省', '杭州市', '陈一鸣', 120.5, 'A-001', '三级甲等综合医院']);
  ws.addRow(['宁波市卫生健康委员会', HEALTH_COMMISSION_CODE, '浙江省', '宁波市', '陈一鸣', '1,000', 'A-002', '卫健委']);
  ws.addRow([BAD_NAME, BAD_CODE, '浙江省', '台州市', '陈一鸣', 80, 'A-003', '']);
  ws.addRow(['温州医科大学附属第一医院', '', '浙江省', '温州市', '陈一鸣', 35, 'A-004', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const isPreview = (r: Response) =>
  new URL(r.url()).pathname === '/api/imports/preview' && r.request().method() === 'POST';

/** The mapping table as [header, field it maps to] pairs (field '' for an ignored column). */
function mappingOf(page: Page) {
  return page
    .getByTestId('mapping-table')
    .getByTestId('mapping-header')
    .evaluateAll((els) => els.map((el) => [el.textContent, el.getAttribute('data-field')]));
}

describe.skipIf(!hasChromium)('spreadsheet import', { timeout: 120_000 }, () => {
  let e: E2E;
  let f: Factories;
  let file: Buffer;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    const rep = await f.user({ role: 'rep', name: '陈一鸣' });
    // On file already: the import's row with its credit code updates it rather than adding a second one.
    await f.account(rep.client, {
      name: '宁波市卫生健康委员会',
      province: '浙江省',
      creditCode: HEALTH_COMMISSION_CODE,
    });
    // And one matched by its name alone (the sheet gives it no credit code).
    await f.account(rep.client, { name: '温州医科大学附属第一医院', province: '浙江省' });
    file = await workbook();
  });
  afterAll(async () => {
    await e?.close();
  });

  test('an admin maps, previews and imports an xlsx, follows the progress and downloads the error report', async () => {
    const page = await e.page({ cookie: f.admin.cookie });
    await page.goto('/accounts');
    await page.getByTestId('import-entry').click();
    await waitForPath(page, /^\/imports$/);
    expect(new URL(page.url()).searchParams.get('entity')).toBe('accounts');
    await page.getByTestId('imports-page').waitFor({ timeout: WAIT });

    const firstPreview = page.waitForResponse(isPreview, { timeout: WAIT });
    await page
      .getByTestId('import-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: FILE, mimeType: XLSX, buffer: file });
    const res = await firstPreview;
    expect(res.status(), await res.text()).toBe(200);
    const preview = (await res.json()) as ImportPreview;
    expect(await page.getByTestId('import-file-name').textContent()).toContain(FILE);
    await expect.poll(() => page.getByTestId('import-next').isEnabled(), { timeout: WAIT }).toBe(true);
    await page.getByTestId('import-next').click();

    // The headers mapped themselves; the one nobody names is left out until mapped by hand.
    await page.getByTestId('mapping-table').waitFor({ timeout: WAIT });
    expect(await mappingOf(page)).toEqual([
      ['客户名称', 'name'],
      ['统一社会信用代码', 'creditCode'],
      ['省份', 'province'],
      ['城市', 'city'],
      ['负责人', 'owner'],
      ['我方收入（万元）', 'ourRevenue'],
      ['内部编号', ''],
      ['客户简介', ''],
    ]);
    expect(await page.getByTestId('mapping-missing').count()).toBe(0);
    expect(await page.getByTestId('mapping-table').textContent()).toContain('单位：万');

    // The first rows as stored: 120.5 万元 is ¥1,205,000; the bad credit code is marked on its row.
    const table = page.getByTestId('preview-table');
    const rows = table.locator('tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: WAIT }).toBe(4);
    expect(await rows.nth(0).locator('td[data-field="ourRevenue"]').textContent()).toContain('1205000');
    expect(await rows.nth(0).getByTestId('preview-row-error').count()).toBe(0);
    expect(await rows.nth(2).locator('td[data-field="name"]').textContent()).toBe(BAD_NAME);
    expect(await rows.nth(2).locator('td[data-field="creditCode"]').getAttribute('data-error')).toBe('true');
    expect(await rows.nth(2).getByTestId('preview-row-error').textContent()).not.toBe('');
    expect(await page.getByTestId('preview-summary').textContent()).toContain('1');

    // Mapping 客户简介 by hand asks for the preview again, which then shows it as that field.
    const backgroundLabel = preview.fields.find((x) => x.field === 'background')?.label;
    expect(backgroundLabel).toBeTruthy();
    const remapped = page.waitForResponse(isPreview, { timeout: WAIT });
    const selects = page.getByTestId('mapping-table').getByTestId('mapping-field');
    await pickOption(page, selects.nth(7), backgroundLabel ?? '');
    expect((await remapped).status()).toBe(200);
    await expect.poll(() => mappingOf(page), { timeout: WAIT }).toContainEqual(['客户简介', 'background']);
    await expect
      .poll(() => rows.nth(0).locator('td[data-field="background"]').textContent(), { timeout: WAIT })
      .toBe('三级甲等综合医院');
    // The field list slides shut after the pick: axe reads the page without it.
    await popupsClosed(page, 'select');
    await settled(page);
    await shot(page, 'import-mapping');
    const violations = await seriousViolations(page);
    expect(violations.length, formatViolations(violations)).toBe(0);

    // Skip the bad row, owners from the 负责人 column; start.
    await page.getByTestId('import-mode').getByText('跳过错误行，导入其余').click();
    expect(await page.getByTestId('import-owner').getByText('按表格中的负责人列（未填为我）').count()).toBe(1);
    const started = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/imports' && r.request().method() === 'POST',
      { timeout: WAIT },
    );
    await page.getByTestId('import-start').click();
    const start = await started;
    expect(start.status(), await start.text()).toBe(202);

    // The progress bar runs to its end, then the result.
    const step = page.getByTestId('import-progress-step');
    await step.waitFor({ timeout: WAIT });
    await expect.poll(() => step.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    expect(await page.getByTestId('import-progress').getAttribute('aria-valuenow')).toBe('100');
    const stat = (id: string) => page.getByTestId(id).locator('.ant-statistic-content-value').textContent();
    expect(await stat('import-created')).toBe('1');
    expect(await stat('import-updated')).toBe('2');
    expect(await stat('import-rejected')).toBe('1');
    await settled(page);
    await shot(page, 'import-done');
    const afterwards = await seriousViolations(page);
    expect(afterwards.length, formatViolations(afterwards)).toBe(0);

    // The error report: the rejected row in its own columns plus 错误原因.
    const downloading = page.waitForEvent('download', { timeout: WAIT });
    await page.getByTestId('import-report').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const report = new (await loadExcelJS()).Workbook();
    await report.xlsx.readFile((await download.path()) ?? '');
    const sheet = report.worksheets[0];
    // ExcelJS's row values are 1-based and sparse: Array.from fills the holes.
    const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
    const reasonCol = header.findIndex((h) => h.startsWith('错误原因'));
    const nameCol = header.indexOf('客户名称');
    expect(reasonCol, header.join('|')).toBeGreaterThan(0);
    expect(nameCol, header.join('|')).toBeGreaterThan(0);
    expect(sheet.actualRowCount).toBe(2);
    expect(String(sheet.getRow(2).getCell(nameCol).value)).toBe(BAD_NAME);
    expect(String(sheet.getRow(2).getCell(reasonCol).value)).toMatch(/信用代码/);

    // The history lists it, done.
    const history = page.getByTestId('import-history');
    await expect.poll(() => history.getByTestId('history-file').allTextContents(), { timeout: WAIT }).toContain(FILE);
    expect(await history.getByTestId('history-status').first().textContent()).toBe('完成');

    // The accounts list: the new ones, the existing one once, the bad row nowhere.
    await page.getByTestId('import-view').click();
    await waitForPath(page, /^\/accounts$/);
    const names = () => page.getByTestId('accounts-table').getByTestId('account-link').allTextContents();
    await expect
      .poll(async () => (await names()).filter((n) => n.includes('浙江省人民医院')), { timeout: WAIT })
      .toEqual(['浙江省人民医院']);
    const all = await names();
    expect(all.filter((n) => n === '温州医科大学附属第一医院')).toHaveLength(1);
    expect(all.filter((n) => n === '宁波市卫生健康委员会')).toHaveLength(1);
    expect(all).not.toContain(BAD_NAME);
  });

  test('on a phone, in English, the wizard stacks within the screen', async () => {
    const page = await e.page({ mobile: true, locale: 'en-US', cookie: f.admin.cookie });
    await page.goto('/imports?entity=accounts');
    await page.getByTestId('imports-page').waitFor({ timeout: WAIT });
    const previewed = page.waitForResponse(isPreview, { timeout: WAIT });
    await page
      .getByTestId('import-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: FILE, mimeType: XLSX, buffer: file });
    expect((await previewed).status()).toBe(200);
    await expect.poll(() => page.getByTestId('import-next').isEnabled(), { timeout: WAIT }).toBe(true);
    await page.getByTestId('import-next').click();
    await page.getByTestId('mapping-table').waitFor({ timeout: WAIT });
    expect(await page.getByTestId('import-steps').textContent()).toContain('Map columns');
    expect(await page.getByTestId('mapping-table').textContent()).toContain('Column in the file');
    expect(await mappingOf(page)).toContainEqual(['我方收入（万元）', 'ourRevenue']);
    await still(page.getByTestId('imports-page'));
    await settled(page);
    await shot(page, 'import-mapping-phone');
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(391);
    // Every control on the step has a name a screen reader can announce.
    const unnamed = await page
      .getByTestId('imports-page')
      .locator('button, [role="combobox"], input[type="radio"]')
      .evaluateAll(
        (els) =>
          els.filter((el) => {
            const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
            const text = (el.textContent ?? '').trim() || (el.closest('label')?.textContent ?? '').trim();
            return !labelled && !text;
          }).length,
      );
    expect(unnamed).toBe(0);
  });

  test('a viewer is offered no import', async () => {
    const viewer = await f.user({ role: 'viewer' });
    const page = await e.page({ cookie: viewer.client.cookie });
    await page.goto('/accounts');
    await page.getByTestId('accounts-table').waitFor({ timeout: WAIT });
    expect(await page.getByTestId('import-entry').count()).toBe(0);
    await page.goto('/imports');
    await page.getByTestId('imports-forbidden').waitFor({ timeout: WAIT });
  });
});
