import { describe, expect, it } from 'vitest';
import { excelSerialDate, parseImportDate } from './dates.ts';

describe('parseImportDate', () => {
  it.each([
    ['2027-03-31', '2027-03-31'],
    ['2027/3/31', '2027-03-31'],
    ['2027.3.31', '2027-03-31'],
    ['2027年3月31日', '2027-03-31'],
    ['2027 年 3 月 31 日', '2027-03-31'],
    ['２０２７年３月３１日', '2027-03-31'],
    ['20270331', '2027-03-31'],
    ['2027-03-31 14:30', '2027-03-31'],
    ['2027/3/31 9:05:00', '2027-03-31'],
    ['2027-03-31T06:00:00Z', '2027-03-31'],
    ['46477', '2027-03-31'],
    [46477, '2027-03-31'],
    [46477.75, '2027-03-31'],
    [new Date(Date.UTC(2027, 2, 31)), '2027-03-31'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (cell, value) => expect(parseImportDate(cell)).toEqual({ ok: true, value }));

  it.each([
    ['2027-02-30', 'invalid'],
    ['2027-13-01', 'invalid'],
    ['2023-02-29', 'invalid'],
    ['31/03/2027', 'invalid'],
    ['下周三', 'invalid'],
    ['', 'empty'],
    ['  ', 'empty'],
    [null, 'empty'],
    [12, 'out_of_range'],
    [3_000_000, 'out_of_range'],
    ['0999-01-01', 'out_of_range'],
    [new Date(Number.NaN), 'invalid'],
  ])('%s is refused (%s)', (cell, reason) => expect(parseImportDate(cell)).toEqual({ ok: false, reason }));

  it('counts Excel serials past its 1900 leap-year bug', () => {
    expect(excelSerialDate(61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(excelSerialDate(45658)).toEqual({ ok: true, value: '2025-01-01' });
  });
});
