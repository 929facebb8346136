import { describe, expect, it } from 'vitest';
import { REGION_INDEX as I } from './region-data.ts';
import {
  byProvinceRows,
  matchRegion,
  normaliseRegionName,
  provinceName,
  regionColumns,
  regionLabel,
  regionPrefix,
} from './regions.ts';

describe('normaliseRegionName', () => {
  it('drops the administrative suffix and spacing, never a two-character name', () => {
    expect(normaliseRegionName('云南省')).toBe('云南');
    expect(normaliseRegionName('内蒙古自治区')).toBe('内蒙古');
    expect(normaliseRegionName('新疆维吾尔自治区')).toBe('新疆');
    expect(normaliseRegionName(' 昆明 市')).toBe('昆明');
    expect(normaliseRegionName('广州')).toBe('广州');
  });
});

describe('matchRegion', () => {
  it.each([
    ['云南省·昆明', null, '530100'],
    ['广东·广州', null, '440100'],
    ['北京', null, '110000'],
    ['北京', '北京市', '110000'],
    ['北京·朝阳', null, '110105'],
    ['云南昆明', null, '530100'],
    ['云南省昆明市五华区', null, '530102'],
    ['内蒙古', '呼和浩特', '150100'],
    ['广西 / 南宁', null, '450100'],
    ['新疆', '石河子', '659001'],
    ['红河州', null, '532500'],
    [null, '昆明', '530100'],
  ])('%s + %s → %s', (province, city, code) => {
    expect(matchRegion(I, province, city)).toBe(code);
  });

  it('gives no code for text that names no division', () => {
    expect(matchRegion(I, '火星', null)).toBeNull();
    expect(matchRegion(I, '', null)).toBeNull();
    expect(matchRegion(I, null, null)).toBeNull();
  });
});

describe('names and prefixes of a code', () => {
  it('labels the path, fills the text columns and gives the filter prefix of each level', () => {
    expect(regionLabel(I, '530102')).toBe('云南省 · 昆明市 · 五华区');
    expect(regionLabel(I, '000000')).toBeNull();
    expect(regionColumns(I, '530102')).toEqual({ province: '云南省', city: '昆明市' });
    expect(regionColumns(I, '110105')).toEqual({ province: '北京市', city: '北京市' });
    expect(regionPrefix(I, '530000')).toBe('53');
    expect(regionPrefix(I, '530100')).toBe('5301');
    expect(regionPrefix(I, '530102')).toBe('530102');
    expect(regionPrefix(I, '110105')).toBe('110105');
    // 市辖区 is a placeholder, not a division one can pick.
    expect(I.byCode.has('530101')).toBe(false);
  });
});

describe('provinces by name', () => {
  it('has an English name for every provincial-level division', () => {
    for (const p of I.tree) expect(provinceName(I, p.code, 'en'), p.name).toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)?$/);
    expect(provinceName(I, '530000', 'zh')).toBe('云南省');
    expect(provinceName(I, '150000', 'en')).toBe('Inner Mongolia');
    expect(provinceName(I, '990000', 'en')).toBeNull();
  });

  it('groups rows by province, those without a region code last', () => {
    const rows = [
      { province: null, count: 5 },
      { province: '53', count: 3 },
      { province: '44', count: 1 },
    ];
    expect(byProvinceRows(I, rows, 'en')).toEqual([
      { provinceCode: '530000', name: 'Yunnan', count: 3 },
      { provinceCode: '440000', name: 'Guangdong', count: 1 },
      { provinceCode: null, name: null, count: 5 },
    ]);
  });
});
