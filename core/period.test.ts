import { describe, expect, it } from 'vitest';
import { parsePeriod, quarterOf } from './period.ts';

describe('periods', () => {
  it('parses years, quarters and months', () => {
    expect(parsePeriod('2027')).toMatchObject({
      kind: 'year',
      start: '2027-01-01',
      last: '2027-12-31',
      end: '2028-01-01',
    });
    expect(parsePeriod('2027')?.months).toHaveLength(12);
    expect(parsePeriod('2027-Q1')).toMatchObject({
      kind: 'quarter',
      start: '2027-01-01',
      last: '2027-03-31',
      months: ['2027-01', '2027-02', '2027-03'],
    });
    expect(parsePeriod('2027-Q4')).toMatchObject({ start: '2027-10-01', end: '2028-01-01' });
    expect(parsePeriod('2028-02')).toMatchObject({ kind: 'month', last: '2028-02-29', months: ['2028-02'] });
  });

  it('refuses anything else', () => {
    for (const bad of ['2027-Q5', '2027-13', '27-Q1', '2027-1', '2027Q1', '', '9999', '9999-12', '0001'])
      expect(parsePeriod(bad)).toBeNull();
  });

  it('finds the quarter of a month', () => {
    expect(quarterOf('2027-01')).toBe('2027-Q1');
    expect(quarterOf('2027-06')).toBe('2027-Q2');
    expect(quarterOf('2027-12')).toBe('2027-Q4');
  });
});
