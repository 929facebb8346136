import { describe, expect, it } from 'vitest';
import { convertRow, enumValue, guessOwnershipType } from './rows.ts';
import { parseImportDateTime } from './dates.ts';
import { matchHeaders } from './headers.ts';

describe('a sheet row as the API takes it', () => {
  it('reads money in 万 from the header or the cell, thousands separators, enum words, tags and references', () => {
    const columns = matchHeaders('accounts', [
      '客户名称',
      '我方收入（万元）',
      '年营业额',
      '客户性质',
      '等级',
      '标签',
      '负责人',
    ]);
    const row = convertRow('accounts', columns, [
      '某医院',
      125.5,
      '1,250,000',
      '事业单位',
      'A级',
      '医疗，重点 重点',
      '张三',
    ]);
    expect(row).toEqual({
      data: {
        name: '某医院',
        ourRevenue: '1255000',
        annualRevenue: '1250000',
        ownershipType: 'institution',
        tier: 'A',
        tags: ['医疗', '重点'],
      },
      refs: { owner: '张三' },
      issues: [],
    });
  });

  it('names the field of each cell it cannot read, and a required one left empty', () => {
    const columns = matchHeaders('opportunities', ['客户', '项目名称', '金额', '预计签约日期', '赢率']);
    const row = convertRow('opportunities', columns, [null, '某项目', '很多', '2027-02-30', '七成']);
    expect(row.issues).toEqual([
      { field: 'amount', code: 'import_money' },
      { field: 'expectedCloseDate', code: 'import_date' },
      { field: 'probability', code: 'import_integer' },
      { field: 'account', code: 'required' },
    ]);
  });

  it('knows enum values by their Chinese and English words', () => {
    expect(enumValue('ownershipType', '国有企业')).toBe('soe');
    expect(enumValue('ownershipType', 'Foreign-invested')).toBe('foreign');
    expect(enumValue('tier', 'b 类')).toBe('B');
    expect(enumValue('influence', '高')).toBe('high');
    expect(enumValue('tier', 'D')).toBeNull();
  });

  it('guesses a new account’s ownership type from its name when the sheet has none', () => {
    expect(guessOwnershipType('某市卫生健康委员会')).toBe('government');
    expect(guessOwnershipType('某市第一人民医院')).toBe('institution');
    expect(guessOwnershipType('某科技有限公司')).toBe('other');
  });
});

describe('dates with times', () => {
  it('keeps the wall-clock time a sheet shows, in China time; a date alone is 09:00', () => {
    expect(parseImportDateTime('2027-03-31 14:30')).toEqual({ ok: true, value: '2027-03-31T14:30:00+08:00' });
    expect(parseImportDateTime('2027年3月31日')).toEqual({ ok: true, value: '2027-03-31T09:00:00+08:00' });
    expect(parseImportDateTime(new Date(Date.UTC(2027, 2, 31, 8, 5)))).toEqual({
      ok: true,
      value: '2027-03-31T08:05:00+08:00',
    });
    expect(parseImportDateTime(46477.5)).toEqual({ ok: true, value: '2027-03-31T12:00:00+08:00' });
    expect(parseImportDateTime('2027-03-31 25:00').ok).toBe(false);
  });
});
