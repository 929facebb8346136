import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney, toCents } from './money-format.ts';

const zh = (v: string | null) => formatMoney(v, { style: 'compact', lang: 'zh' });
const en = (v: string | null) => formatMoney(v, { style: 'compact', lang: 'en' });
const full = (v: string) => formatMoney(v, { style: 'full', lang: 'zh' });

describe('formatMoney', () => {
  it('compact in Chinese: 万 from 1万, 亿 from 1亿, two decimals trimmed', () => {
    expect(zh('142810000.00')).toBe('¥1.43亿');
    expect(zh('3000000')).toBe('¥300万');
    expect(zh('1255000')).toBe('¥125.5万');
    expect(zh('8500')).toBe('¥8,500');
    expect(zh('8500.50')).toBe('¥8,500.5');
    expect(zh('9999.99')).toBe('¥9,999.99');
    expect(zh('10000')).toBe('¥1万');
    expect(zh('100000000')).toBe('¥1亿');
    expect(zh('1234567890123.45')).toBe('¥12,345.68亿');
    expect(zh('0')).toBe('¥0');
  });

  it('rounds half up on exact cents and moves up a unit when rounding reaches it', () => {
    expect(zh('12345')).toBe('¥1.23万');
    expect(zh('12350')).toBe('¥1.24万');
    expect(zh('99999999.99')).toBe('¥1亿');
    expect(en('999999999.99')).toBe('¥1B');
    // A float would have lost these cents.
    expect(zh('9007199254740993.00')).toBe('¥90,071,992.55亿');
  });

  it('negative amounts keep the sign before ¥', () => {
    expect(zh('-3000000')).toBe('-¥300万');
    expect(full('-1000.5')).toBe('-¥1,000.50');
    expect(en('-142810000')).toBe('-¥142.8M');
  });

  it('compact in English counts millions and billions', () => {
    expect(en('142810000.00')).toBe('¥142.8M');
    expect(en('3000000')).toBe('¥3M');
    expect(en('8500')).toBe('¥8,500');
    expect(en('2500000000')).toBe('¥2.5B');
    expect(en('125000')).toBe('¥125,000');
  });

  it('full form with grouping and cents', () => {
    expect(full('142810000')).toBe('¥142,810,000.00');
    expect(full('0.5')).toBe('¥0.50');
    expect(formatMoney('3000.5', { style: 'full', lang: 'en' })).toBe('¥3,000.50');
  });

  it('empty shows a dash; what is not a decimal string is shown as it came', () => {
    expect(zh(null)).toBe('—');
    expect(zh('')).toBe('—');
    expect(zh('n/a')).toBe('n/a');
    expect(toCents('1.234')).toBeNull();
  });
});

describe('parseMoney', () => {
  const ok = (s: string) => {
    const r = parseMoney(s);
    return r.ok ? r.value : `!${r.reason}`;
  };
  it('reads 万/亿, grouping, ¥ and full-width digits exactly', () => {
    expect(ok('12亿')).toBe('1200000000');
    expect(ok('300万')).toBe('3000000');
    expect(ok('1,250,000')).toBe('1250000');
    expect(ok('125.5万')).toBe('1255000');
    expect(ok('１２万')).toBe('120000');
    expect(ok('¥ 3,000.50')).toBe('3000.50');
    expect(ok('￥3000元')).toBe('3000');
    expect(ok('1.2345678亿')).toBe('123456780');
    expect(ok('0.01万')).toBe('100');
    expect(ok('1.234567万')).toBe('12345.67');
    expect(ok('.5万')).toBe('5000');
    expect(ok('007')).toBe('7');
    expect(ok('3万亿')).toBe('3000000000000');
  });

  it('refuses garbage, negatives, more than two decimals and too many digits', () => {
    expect(ok('')).toBe('!empty');
    expect(ok('  ')).toBe('!empty');
    expect(ok('abc')).toBe('!invalid');
    expect(ok('12亿万')).toBe('!invalid');
    expect(ok('1.2.3')).toBe('!invalid');
    expect(ok('万')).toBe('!invalid');
    expect(ok('-300万')).toBe('!negative');
    expect(ok('－5')).toBe('!negative');
    expect(ok('1.234')).toBe('!precision');
    expect(ok('1.2345678万')).toBe('!precision');
    expect(ok('12345678901234567')).toBe('!too_large');
    expect(ok('1000000000亿')).toBe('!too_large');
  });
});
