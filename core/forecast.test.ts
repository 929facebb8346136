import { describe, expect, it } from 'vitest';
import { forecastFigures, resolveQuota, splitEvenly, teamQuota, type Figures, type ForecastCell } from './forecast.ts';
import { weightedAmount } from './funnel.ts';
import { parsePeriod } from './period.ts';

const p = (key: string) => parsePeriod(key)!;
const q = (period: string, target: string, stretch: string | null = null, challenge: string | null = null) => ({
  period,
  target,
  stretch,
  challenge,
});
const cents = (f: Figures | null) => f && { target: f.target, stretch: f.stretch, challenge: f.challenge };

describe('quota resolution', () => {
  it('splits cents exactly', () => {
    expect(splitEvenly(100n, 3)).toEqual([33n, 33n, 34n]);
    expect(splitEvenly(1200_00n, 12).reduce((a, b) => a + b)).toBe(1200_00n);
  });

  it('uses the period’s own quota, else sums its months from month, quarter or year quotas', () => {
    const quotas = [q('2027', '1200000'), q('2027-Q2', '600000', '700000'), q('2027-05', '250000')];
    expect(cents(resolveQuota(quotas, p('2027')))).toEqual({
      target: 1200000_00n,
      stretch: 1200000_00n,
      challenge: 1200000_00n,
    });
    expect(resolveQuota(quotas, p('2027-Q2'))?.stretch).toBe(700000_00n);
    // Q1 from the year: three twelfths.
    expect(resolveQuota(quotas, p('2027-Q1'))?.target).toBe(300000_00n);
    expect(resolveQuota(quotas, p('2027-05'))?.target).toBe(250000_00n);
    expect(resolveQuota(quotas, p('2027-04'))?.target).toBe(200000_00n);
    expect(resolveQuota(quotas, p('2028-Q1'))).toBeNull();
  });

  it('sums quarters into a year without one', () => {
    const quotas = ['Q1', 'Q2', 'Q3', 'Q4'].map((k) => q(`2027-${k}`, '100000.01'));
    expect(resolveQuota(quotas, p('2027'))?.target).toBe(400000_04n);
  });

  it('rolls a team up from its members and sub-teams unless it has its own', () => {
    const tree = {
      children: new Map([['north', ['beijing', 'tianjin']]]),
      members: new Map([
        ['north', ['boss']],
        ['beijing', ['a', 'b']],
        ['tianjin', ['c']],
      ]),
    };
    const f = (n: bigint): Figures => ({ target: n, stretch: n, challenge: n });
    const own = new Map<string, Figures>([
      ['user:boss', f(1n)],
      ['user:a', f(10n)],
      ['user:b', f(20n)],
      ['user:c', f(40n)],
      ['team:tianjin', f(100n)],
    ]);
    expect(teamQuota('north', tree, (s) => own.get(s) ?? null)?.target).toBe(131n);
    expect(teamQuota('beijing', tree, (s) => own.get(s) ?? null)?.target).toBe(30n);
    expect(teamQuota('nobody', tree, () => null)).toBeNull();
  });
});

describe('forecast figures', () => {
  const cell = (
    stageId: string,
    probability: number,
    category: string,
    amount = '100000.00',
    status: 'open' | 'won' = 'open',
  ): ForecastCell => ({
    stageId,
    status,
    category,
    deals: 1,
    amount,
    weighted: weightedAmount(amount, probability),
  });

  it('weights one deal of 100,000 in each of the first five stages to 205,000', () => {
    const cells = [
      cell('s1', 10, 'pipeline'),
      cell('s2', 20, 'pipeline'),
      cell('s3', 45, 'pipeline'),
      cell('s4', 50, 'best_case'),
      cell('s5', 80, 'commit'),
    ];
    const f = forecastFigures(cells, null);
    expect(f.weighted).toBe('205000.00');
    expect(f).toMatchObject({
      deals: 5,
      pipeline: '300000.00',
      bestCase: '100000.00',
      commit: '100000.00',
      quota: null,
      attainment: null,
      coverage: null,
    });
  });

  it('rolls up commit and best case on top of closed, against the quota', () => {
    const cells = [
      cell('won', 100, 'closed', '250000.00', 'won'),
      cell('s5', 80, 'commit', '300000.00'),
      cell('s4', 50, 'best_case', '200000.00'),
      cell('s1', 10, 'pipeline', '500000.00'),
      cell('s2', 20, 'omitted', '999.00'),
    ];
    const f = forecastFigures(cells, { target: 1000000_00n, stretch: 1200000_00n, challenge: 1500000_00n });
    expect(f).toMatchObject({
      closedWon: '250000.00',
      commitForecast: '550000.00',
      bestCaseForecast: '750000.00',
      omitted: '999.00',
      weighted: '390000.00',
      weightedForecast: '640000.00',
      attainment: 0.25,
      remaining: '750000.00',
      coverage: 1.3333,
      quota: { target: '1000000.00', stretch: '1200000.00', challenge: '1500000.00' },
    });
  });

  it('weights by observed stage rates when calibrated', () => {
    const cells = [cell('s1', 10, 'pipeline'), cell('s5', 80, 'commit')];
    expect(
      forecastFigures(
        cells,
        null,
        new Map([
          ['s1', 5],
          ['s5', 60],
        ]),
      ).weighted,
    ).toBe('65000.00');
  });

  it('has no coverage once the quota is met', () => {
    const f = forecastFigures([cell('won', 100, 'closed', '200.00', 'won'), cell('s1', 10, 'pipeline')], {
      target: 100_00n,
      stretch: 100_00n,
      challenge: 100_00n,
    });
    expect(f).toMatchObject({ attainment: 2, remaining: '0.00', coverage: null });
  });
});
