import { describe, expect, it } from 'vitest';
import { headerKey, IMPORT_ENTITIES, IMPORT_FIELDS, matchHeaders, missingRequired } from './headers.ts';

describe('headerKey', () => {
  it.each([
    ['* 客户名称', '客户名称'],
    ['金额（万元）', '金额'],
    ['Amount (CNY)', 'amount'],
    ['【必填】姓名', '姓名'],
    ['Ｅｍａｉｌ', 'email'],
    ['手机号码：', '手机号码'],
  ])('%s → %s', (header, key) => expect(headerKey(header)).toBe(key));
});

describe('matchHeaders', () => {
  it('maps a Chinese customer list by its own headers', () => {
    const m = matchHeaders('accounts', [
      '客户名称',
      '统一社会信用代码',
      '省份',
      '城市',
      '负责人',
      '年营业额（万元）',
      '备注',
      '内部编号',
    ]);
    expect(m.map((c) => c.field)).toEqual([
      'name',
      'creditCode',
      'province',
      'city',
      'owner',
      'annualRevenue',
      'background',
      null,
    ]);
    expect(m[5].unit).toBe('10000');
    expect(m[0].unit).toBeUndefined();
  });

  it('maps English headers', () => {
    const m = matchHeaders('opportunities', ['Account', 'Deal Name', 'Amount', 'Close Date', 'Stage', 'Owner']);
    expect(m.map((c) => c.field)).toEqual(['account', 'name', 'amount', 'expectedCloseDate', 'stage', 'owner']);
  });

  it('reads 亿 as a unit and gives a field to its first column only', () => {
    const m = matchHeaders('opportunities', ['项目名称', '金额（亿元）', '预计金额', '客户']);
    expect(m[1]).toMatchObject({ field: 'amount', unit: '100000000' });
    expect(m[2].field).toBeNull();
  });

  it('names the required fields a mapping misses', () => {
    const m = matchHeaders('contacts', ['姓名', '手机']);
    expect(
      missingRequired(
        'contacts',
        m.map((c) => c.field),
      ),
    ).toEqual(['account']);
    expect(missingRequired('accounts', ['name'])).toEqual([]);
  });

  it('lists no header word twice within an entity', () => {
    for (const entity of IMPORT_ENTITIES) {
      const words = IMPORT_FIELDS[entity].flatMap((f) => f.synonyms.map(headerKey));
      const repeated = words.filter((w, i) => words.indexOf(w) !== i);
      expect({ entity, repeated }).toEqual({ entity, repeated: [] });
    }
  });
});
