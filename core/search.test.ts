import { describe, expect, it } from 'vitest';
import {
  accountSearchDocument,
  contactSearchDocument,
  normalizeSearch,
  searchDocument,
  searchQuery,
} from './search.ts';

/** What the database does: grams ⊇ query grams, then the substring recheck on the text. */
function matches(doc: { grams: string[]; text: string }, q: string): boolean {
  const query = searchQuery(q);
  if (!query) return false;
  const grams = new Set(doc.grams);
  return query.grams.every((g) => grams.has(g)) && doc.text.includes(query.needle);
}

describe('normalizeSearch', () => {
  it('lower-cases and folds full-width characters (NFKC)', () => {
    expect(normalizeSearch('ABC')).toBe('abc');
    expect(normalizeSearch('ＡＢＣ１２３')).toBe('abc123');
  });

  it('drops spaces, dashes, underscores, dots, middle dots and both kinds of brackets', () => {
    expect(normalizeSearch('138-0013 8000')).toBe('13800138000');
    expect(normalizeSearch('(010) 6512.3456')).toBe('01065123456');
    expect(normalizeSearch('阿卜杜·热合曼')).toBe('阿卜杜热合曼');
    expect(normalizeSearch('中国石化（北京）_分公司')).toBe('中国石化北京分公司');
    expect(normalizeSearch(' \t\n ')).toBe('');
  });

  it('keeps Chinese characters and other punctuation as they are', () => {
    expect(normalizeSearch('北京市卫健委')).toBe('北京市卫健委');
    expect(normalizeSearch('a+b@c')).toBe('a+b@c');
  });
});

describe('searchDocument', () => {
  it('stores every unigram and bigram of each field, without grams across fields', () => {
    const doc = searchDocument(['北京大学', 'PKU']);
    expect(new Set(doc.grams)).toEqual(
      new Set(['北', '京', '大', '学', '北京', '京大', '大学', 'p', 'k', 'u', 'pk', 'ku']),
    );
    expect(doc.grams).not.toContain('学p');
    expect(doc.text).toBe('北京大学\u0001pku');
  });

  it('deduplicates grams', () => {
    const doc = searchDocument(['哈哈哈']);
    expect(doc.grams.sort()).toEqual(['哈', '哈哈']);
  });

  it('skips null, undefined, empty and whitespace-only fields', () => {
    const doc = searchDocument([null, '张三', undefined, '', '  ']);
    expect(doc.text).toBe('张三');
    expect(doc.grams.sort()).toEqual(['三', '张', '张三'].sort());
    expect(searchDocument([])).toEqual({ grams: [], text: '' });
  });

  it('handles a one-character field', () => {
    expect(searchDocument(['王'])).toEqual({ grams: ['王'], text: '王' });
  });

  it('treats characters outside the BMP as single characters', () => {
    const doc = searchDocument(['𠀀好']);
    expect(new Set(doc.grams)).toEqual(new Set(['𠀀', '好', '𠀀好']));
  });

  it('indexes normalised phone numbers', () => {
    const doc = contactSearchDocument({ name: '李四', mobile: '138-0013-8000', phone: null });
    expect(doc.text).toBe('李四\u000113800138000');
    expect(doc.grams).toContain('13');
    expect(matches(doc, '13800138000')).toBe(true);
    expect(matches(doc, '138 0013 8000')).toBe(true);
    expect(matches(doc, '0013-8')).toBe(true);
    expect(matches(doc, '8000李')).toBe(false);
  });

  it('account documents cover name and short name', () => {
    const doc = accountSearchDocument({ name: '北京市卫生健康委员会', shortName: '北京卫健委' });
    expect(matches(doc, '卫健')).toBe(true);
    expect(matches(doc, '健康')).toBe(true);
    expect(matches(doc, '委')).toBe(true);
    expect(matches(doc, '上海')).toBe(false);
    expect(accountSearchDocument({ name: 'Acme' }).text).toBe('acme');
  });
});

describe('searchQuery', () => {
  it('returns null for an empty or separator-only query', () => {
    expect(searchQuery('')).toBeNull();
    expect(searchQuery('  - ')).toBeNull();
  });

  it('uses the unigram for a one-character query', () => {
    expect(searchQuery('杭')).toEqual({ grams: ['杭'], needle: '杭' });
    expect(searchQuery(' A ')).toEqual({ grams: ['a'], needle: 'a' });
  });

  it('uses the bigram for a two-character Chinese query', () => {
    expect(searchQuery('医院')).toEqual({ grams: ['医院'], needle: '医院' });
  });

  it('uses the distinct bigrams of a longer query', () => {
    const q = searchQuery('哈哈哈哈');
    expect(q).toEqual({ grams: ['哈哈'], needle: '哈哈哈哈' });
    expect(searchQuery('138-0013')?.grams).toEqual(['13', '38', '80', '00', '01']);
  });

  it('every substring of a document matches it; the recheck removes gram-only matches', () => {
    const doc = searchDocument(['上海交通大学医学院附属瑞金医院']);
    const text = Array.from('上海交通大学医学院附属瑞金医院');
    for (let i = 0; i < text.length; i++) {
      for (let j = i + 1; j <= text.length; j++) expect(matches(doc, text.slice(i, j).join(''))).toBe(true);
    }
    // "学医院": both its bigrams (学医 from 大学医学院, 医院) are in the index, but it is not a substring.
    expect(matches(doc, '学医院')).toBe(false);
    expect(matches(doc, '医院学')).toBe(false);
  });
});
