import { describe, expect, it } from 'vitest';
import {
  INDUSTRY_BY_CODE,
  INDUSTRY_SECTIONS,
  industryName,
  industryPath,
  industryText,
  matchIndustry,
} from './industries.ts';

describe('GB/T 4754-2017 table', () => {
  it('has the 20 sections A–T and the 97 divisions 01–97, each once, with zh and en names', () => {
    expect(INDUSTRY_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    const divisions = INDUSTRY_SECTIONS.flatMap((s) => s.divisions.map((d) => d.code));
    expect(divisions).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')));
    for (const e of INDUSTRY_BY_CODE.values()) {
      expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.en).toMatch(/^[A-Z][A-Za-z ,;'-]+$/);
    }
  });

  it('names codes and gives the picker path', () => {
    expect(industryName('65', 'zh')).toBe('软件和信息技术服务业');
    expect(industryName('I', 'en')).toBe('Information transmission, software and information technology services');
    expect(industryPath('65')).toEqual(['I', '65']);
    expect(industryPath('C')).toEqual(['C']);
    expect(industryPath('99')).toEqual([]);
  });

  it("puts a stored Chinese name in the reader's language and leaves other text as typed", () => {
    expect(industryText('教育', 'en')).toBe('Education');
    expect(industryText('软件和信息技术服务业', 'en')).toBe('Software and information technology services');
    expect(industryText('教育', 'zh')).toBe('教育');
    expect(industryText('医疗卫生', 'en')).toBe('Health');
    expect(industryText('智慧城市', 'en')).toBe('智慧城市');
  });
});

describe('matchIndustry', () => {
  it.each([
    ['制造业', 'C'],
    ['软件和信息技术服务', '65'],
    ['软件和信息技术服务业', '65'],
    ['金融业', 'J'],
    ['教育', '83'],
    ['Manufacturing', 'C'],
    ['65', '65'],
    ['i', 'I'],
    [' 电力、热力生产和供应业 ', '44'],
    // Shorthands a sales team's spreadsheet uses (core/industry-aliases.ts)
    ['政务', '92'],
    ['医疗卫生', '84'],
    ['软件', '65'],
    ['IT', '65'],
    ['汽车零部件', '36'],
    ['行业协会', '95'],
  ])('%s → %s', (text, code) => expect(matchIndustry(text)).toBe(code));

  it('gives no code for text that names no section or division', () => {
    // Too broad to code without guessing (several divisions, no clear default).
    expect(matchIndustry('新能源')).toBeNull();
    expect(matchIndustry('城投')).toBeNull();
    expect(matchIndustry('')).toBeNull();
    expect(matchIndustry(null)).toBeNull();
  });
});
