import { describe, expect, it } from 'vitest';
import { companyNameKey, emailKey, personNameKey, phoneKey } from './names.ts';

describe('companyNameKey', () => {
  it.each([
    ['某市卫生健康委员会', '某市卫生健康委员会'],
    ['华信智联科技有限公司', '华信智联科技'],
    ['华信智联科技有限责任公司', '华信智联科技'],
    ['华信智联科技股份有限公司', '华信智联科技'],
    [' 华信 智联科技　有限公司 ', '华信智联科技'],
    ['华为技术（深圳）有限公司', '华为技术深圳'],
    ['华为技术(深圳)有限公司', '华为技术深圳'],
    ['ＡＢＣ科技有限公司', 'abc科技'],
    ['Acme Co., Ltd.', 'acme'],
    ['Siemens Limited', 'siemens'],
    ['中国石化集团有限公司', '中国石化'],
    ['上海电气集团股份有限公司', '上海电气'],
  ])('%s → %s', (name, key) => expect(companyNameKey(name)).toBe(key));

  it('keeps 集团 inside a name and a place in brackets apart', () => {
    expect(companyNameKey('华为技术（中国）有限公司')).not.toBe(companyNameKey('华为技术有限公司'));
    expect(companyNameKey('上海电气集团上海电机厂有限公司')).toBe('上海电气集团上海电机厂');
  });

  it('does not cut a name down to nothing', () => {
    expect(companyNameKey('有限公司')).toBe('有限');
    expect(companyNameKey('公司')).toBe('公司');
    expect(companyNameKey('···')).toBe('');
  });
});

describe('person, phone and e-mail keys', () => {
  it('person names ignore spaces and middle dots', () => {
    expect(personNameKey('阿卜杜拉·买买提')).toBe(personNameKey('阿卜杜拉 买买提'));
    expect(personNameKey('张 三')).toBe('张三');
  });

  it.each([
    ['138 0013 8000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['８６１３８００１３８０００', '13800138000'],
    ['010-6552 1234', '01065521234'],
    ['1234', null],
    ['', null],
    [null, null],
  ])('phone %s → %s', (phone, key) => expect(phoneKey(phone)).toBe(key));

  it('e-mail is trimmed and lower case', () => {
    expect(emailKey(' Zhang.San@Example.CN ')).toBe('zhang.san@example.cn');
    expect(emailKey('not-an-address')).toBeNull();
    expect(emailKey(undefined)).toBeNull();
  });
});
