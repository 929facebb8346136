import { describe, expect, it } from 'vitest';
import { format, MESSAGES, messagePair, pickLang, type MessageCode } from './messages.ts';

const codes = Object.keys(MESSAGES) as MessageCode[];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('MESSAGES', () => {
  it.each(codes)('%s has a non-empty zh and en text with the same placeholders', (code) => {
    const m = MESSAGES[code];
    expect(m.zh.trim()).not.toBe('');
    expect(m.en.trim()).not.toBe('');
    expect(placeholders(m.zh)).toEqual(placeholders(m.en));
  });

  it('the zh texts are Chinese and the en texts are not', () => {
    for (const code of codes) {
      expect(MESSAGES[code].zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(MESSAGES[code].en, code).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('format and messagePair', () => {
  it('fills placeholders in both languages', () => {
    expect(messagePair('max_length', { limit: 100 })).toEqual({
      zh: '最多 100 个字符',
      en: 'must have at most 100 characters',
    });
    expect(format('{a}-{b}-{a}', { a: 1, b: 'x' })).toBe('1-x-1');
  });

  it('leaves unknown placeholders visible instead of printing undefined', () => {
    expect(messagePair('min_length')).toEqual({
      zh: '至少 {limit} 个字符',
      en: 'must have at least {limit} characters',
    });
    expect(format('{missing}')).toBe('{missing}');
  });

  it('passes texts without placeholders through', () => {
    expect(messagePair('not_found')).toEqual(MESSAGES.not_found);
  });
});

describe('pickLang', () => {
  it('defaults to zh', () => {
    expect(pickLang(undefined)).toBe('zh');
    expect(pickLang(null)).toBe('zh');
    expect(pickLang('')).toBe('zh');
    expect(pickLang('*')).toBe('zh');
  });

  it('follows the first preference we speak', () => {
    expect(pickLang('en')).toBe('en');
    expect(pickLang('en-US,en;q=0.9')).toBe('en');
    expect(pickLang('EN-gb')).toBe('en');
    expect(pickLang(' en , zh')).toBe('en');
    expect(pickLang('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(pickLang('fr-FR,en;q=0.5')).toBe('en');
    expect(pickLang('fr-FR,de;q=0.5')).toBe('zh');
  });
});
