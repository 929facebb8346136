import { describe, expect, it } from 'vitest';
import {
  canonicalListValue,
  cleanList,
  DEFAULT_LOST_REASONS,
  isListValue,
  listGroup,
  listValue,
  otherText,
} from './deal-lists.ts';

const items = DEFAULT_LOST_REASONS;

describe('deal lists', () => {
  it('cleans an edited list: trimmed, no blanks, repeats or 其他', () => {
    expect(cleanList([' 价格 ', '价格', '', '其他', '　决策延迟'])).toEqual(['价格', '决策延迟']);
  });

  it('writes a pick as the item, or 其他 with its text', () => {
    expect(listValue('价格')).toBe('价格');
    expect(listValue('其他', ' 客户内部重组 ')).toBe('其他：客户内部重组');
    expect(listValue('其他', '  ')).toBe('其他');
    expect(otherText('其他：客户内部重组')).toBe('客户内部重组');
    expect(otherText('其他')).toBe('');
    expect(otherText('价格')).toBeNull();
  });

  it('accepts only items and other answers', () => {
    expect(isListValue(items, '价格')).toBe(true);
    expect(isListValue(items, '其他：x')).toBe(true);
    expect(isListValue(items, '价格太高')).toBe(false);
  });

  it('maps free text to the item it names, else keeps it visibly as other', () => {
    expect(canonicalListValue(items, ' 价格。')).toBe('价格');
    expect(canonicalListValue(items, '预算 取消')).toBe('预算取消');
    expect(canonicalListValue(items, '价格高于竞争对手')).toBe('其他：价格高于竞争对手');
    expect(canonicalListValue(items, '其他：已有说明')).toBe('其他：已有说明');
    expect(canonicalListValue(items, '  ')).toBeNull();
    expect(canonicalListValue(items, null)).toBeNull();
  });

  it('groups every other answer under 其他', () => {
    expect(listGroup(items, '其他：x')).toBe('其他');
    expect(listGroup(items, '价格')).toBe('价格');
  });
});
