import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL, modelIssues, recommendTier, scoreAccount, type ScoringInput, type ScoringModel } from './scoring.ts';

const empty: ScoringInput = { ourRevenue: null, potential: null, annualRevenue: null, employees: null, marketStrength: null, financialStatus: null, relationshipStage: null };

describe('scoreAccount with the default model', () => {
  it('weighs sales volume 40, potential 30, market strength 15 and financial status 15', () => {
    const r = scoreAccount(DEFAULT_SCORING_MODEL, { ...empty, ourRevenue: '5000000.00', potential: '3000000', marketStrength: 4, financialStatus: 'fair' });
    // 40×100 + 30×60 + 15×80 + 15×50 = 7750 → 77.5 → 78
    expect(r.score).toBe(78);
    expect(r.recommendedTier).toBe('A');
    expect(r.criteria.map((c) => [c.key, c.points, c.contribution, c.missing])).toEqual([
      ['salesVolume', 100, 40, false],
      ['potential', 60, 18, false],
      ['marketStrength', 80, 12, false],
      ['financialStatus', 50, 7.5, false],
    ]);
  });

  it('compares money exactly: one cent below a band stays in the band below', () => {
    const below = scoreAccount(DEFAULT_SCORING_MODEL, { ...empty, ourRevenue: '4999999.99' });
    const at = scoreAccount(DEFAULT_SCORING_MODEL, { ...empty, ourRevenue: '5000000' });
    expect(below.criteria[0].points).toBe(80);
    expect(at.criteria[0].points).toBe(100);
    // Beyond float precision: 10^15 + 0.01 against a band at 10^15 + 0.02.
    const model: ScoringModel = { criteria: [{ key: 'big', field: 'annualRevenue', weight: 100, scale: { bands: [{ min: '0', points: 10 }, { min: '1000000000000000.02', points: 90 }] } }], tierThresholds: { A: 80, B: 50 } };
    expect(scoreAccount(model, { ...empty, annualRevenue: '1000000000000000.01' }).score).toBe(10);
    expect(scoreAccount(model, { ...empty, annualRevenue: '1000000000000000.02' }).score).toBe(90);
  });

  it('scores a missing value 0 and lists it as missing', () => {
    const r = scoreAccount(DEFAULT_SCORING_MODEL, { ...empty, financialStatus: 'good' });
    expect(r.score).toBe(15);
    expect(r.recommendedTier).toBe('C');
    expect(r.criteria.filter((c) => c.missing).map((c) => c.key)).toEqual(['salesVolume', 'potential', 'marketStrength']);
    expect(r.criteria[0]).toMatchObject({ value: null, points: 0, contribution: 0 });
  });

  it('gives 0 below the lowest band and for an unlisted value, without calling it missing', () => {
    const model: ScoringModel = {
      criteria: [
        { key: 'staff', label: '员工规模', field: 'employees', weight: 50, scale: { bands: [{ min: '100', points: 50 }, { min: '1000', points: 100 }] } },
        { key: 'stage', field: 'relationshipStage', weight: 50, scale: { points: { alliance: 100, deepen: 60 } } },
      ],
      tierThresholds: { A: 75, B: 50 },
    };
    const r = scoreAccount(model, { ...empty, employees: 99, relationshipStage: 'establish' });
    expect(r.score).toBe(0);
    expect(r.criteria.map((c) => [c.value, c.points, c.missing])).toEqual([['99', 0, false], ['establish', 0, false]]);
    expect(r.criteria[0].label).toBe('员工规模');
    expect(scoreAccount(model, { ...empty, employees: 1000, relationshipStage: 'deepen' }).score).toBe(80);
  });
});

describe('recommendTier', () => {
  it('A at or above A, B at or above B, else C', () => {
    const t = { A: 70, B: 40 };
    expect([100, 70, 69, 40, 39, 0].map((s) => recommendTier(s, t))).toEqual(['A', 'A', 'B', 'B', 'C', 'C']);
  });
});

describe('modelIssues', () => {
  const clone = (): ScoringModel => structuredClone(DEFAULT_SCORING_MODEL);

  it('accepts the default model', () => {
    expect(modelIssues(DEFAULT_SCORING_MODEL)).toEqual([]);
  });

  it('names criteria when the weights do not add up to 100', () => {
    const m = clone();
    m.criteria[0].weight = 35;
    expect(modelIssues(m)).toEqual([{ path: 'criteria', code: 'weights_sum', params: { sum: 95 } }]);
  });

  it('refuses duplicate keys, unordered bands, a missing scale, unknown values and A ≤ B', () => {
    const m = clone();
    m.criteria[1].key = 'salesVolume';
    m.criteria[0].scale.bands = [{ min: '0', points: 0 }, { min: '200', points: 10 }, { min: '200.00', points: 20 }];
    m.criteria[2].scale = {};
    m.criteria[3].scale = { points: { good: 100, excellent: 100 } };
    m.tierThresholds = { A: 40, B: 40 };
    expect(modelIssues(m).map((i) => i.path)).toEqual([
      'criteria.0.scale.bands.2.min',
      'criteria.1.key',
      'criteria.2.scale.points',
      'criteria.3.scale.points.excellent',
      'tierThresholds.A',
    ]);
  });
});
