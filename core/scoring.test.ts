import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCORING_MODEL,
  modelIssues,
  recommendTier,
  scoreAccount,
  type ScoringInput,
  type ScoringModel,
} from './scoring.ts';

const empty: ScoringInput = {
  ourRevenue: null,
  potential: null,
  annualRevenue: null,
  employees: null,
  marketStrength: null,
  financialStatus: null,
  relationshipStage: null,
};

describe('scoreAccount with the default model', () => {
  it('weighs the larger of sales volume and potential 70, market strength 15 and financial status 15', () => {
    const r = scoreAccount(DEFAULT_SCORING_MODEL, {
      ...empty,
      ourRevenue: '5000000.00',
      potential: '3000000',
      marketStrength: 4,
      financialStatus: 'fair',
    });
    // 70×max(100, 60) + 15×80 + 15×50 = 8950 → 89.5 → 90
    expect(r.score).toBe(90);
    expect(r.recommendedTier).toBe('A');
    expect(r.criteria.map((c) => [c.key, c.field, c.points, c.contribution, c.missing])).toEqual([
      ['salesOrPotential', 'ourRevenue', 100, 70, false],
      ['marketStrength', 'marketStrength', 80, 12, false],
      ['financialStatus', 'financialStatus', 50, 7.5, false],
    ]);
    expect(r.criteria[0].measures).toEqual([
      { field: 'ourRevenue', value: '5000000.00', points: 100 },
      { field: 'potential', value: '3000000', points: 60 },
    ]);
  });

  it('makes a key account of large potential without sales yet (the course: large sales or large potential)', () => {
    // Added up, sales 0 × 40 + potential 100 × 30 + 15 + 15 gave 60 → B; the larger of the two gives A.
    const r = scoreAccount(DEFAULT_SCORING_MODEL, {
      ...empty,
      potential: '50000000',
      marketStrength: 5,
      financialStatus: 'good',
    });
    expect(r.score).toBe(100);
    expect(r.recommendedTier).toBe('A');
    expect(r.criteria[0]).toMatchObject({
      field: 'potential',
      value: '50000000',
      points: 100,
      contribution: 70,
      missing: false,
    });
    expect(r.criteria[0].measures).toEqual([
      { field: 'ourRevenue', value: null, points: 0 },
      { field: 'potential', value: '50000000', points: 100 },
    ]);
  });

  it('compares money exactly: one cent below a band stays in the band below', () => {
    const below = scoreAccount(DEFAULT_SCORING_MODEL, { ...empty, ourRevenue: '4999999.99' });
    const at = scoreAccount(DEFAULT_SCORING_MODEL, { ...empty, ourRevenue: '5000000' });
    expect(below.criteria[0].points).toBe(80);
    expect(at.criteria[0].points).toBe(100);
    expect(below.criteria[0].measures[0].points).toBe(80);
    // Beyond float precision: 10^15 + 0.01 against a band at 10^15 + 0.02.
    const model: ScoringModel = {
      criteria: [
        {
          key: 'big',
          field: 'annualRevenue',
          weight: 100,
          scale: {
            bands: [
              { min: '0', points: 10 },
              { min: '1000000000000000.02', points: 90 },
            ],
          },
        },
      ],
      tierThresholds: { A: 80, B: 50 },
    };
    expect(scoreAccount(model, { ...empty, annualRevenue: '1000000000000000.01' }).score).toBe(10);
    expect(scoreAccount(model, { ...empty, annualRevenue: '1000000000000000.02' }).score).toBe(90);
  });

  it('scores a missing value 0 and lists it as missing', () => {
    const r = scoreAccount(DEFAULT_SCORING_MODEL, { ...empty, financialStatus: 'good' });
    expect(r.score).toBe(15);
    expect(r.recommendedTier).toBe('C');
    expect(r.criteria.filter((c) => c.missing).map((c) => c.key)).toEqual(['salesOrPotential', 'marketStrength']);
    expect(r.criteria[0]).toMatchObject({ field: 'ourRevenue', value: null, points: 0, contribution: 0 });
    // One figure filled in: the criterion is not missing, and shows the figure it has even at 0 points.
    const some = scoreAccount(DEFAULT_SCORING_MODEL, { ...empty, potential: '1' });
    expect(some.criteria[0]).toMatchObject({ field: 'potential', value: '1', points: 0, missing: false });
  });

  it('gives 0 below the lowest band and for an unlisted value, without calling it missing', () => {
    const model: ScoringModel = {
      criteria: [
        {
          key: 'staff',
          label: '员工规模',
          field: 'employees',
          weight: 50,
          scale: {
            bands: [
              { min: '100', points: 50 },
              { min: '1000', points: 100 },
            ],
          },
        },
        { key: 'stage', field: 'relationshipStage', weight: 50, scale: { points: { alliance: 100, deepen: 60 } } },
      ],
      tierThresholds: { A: 75, B: 50 },
    };
    const r = scoreAccount(model, { ...empty, employees: 99, relationshipStage: 'establish' });
    expect(r.score).toBe(0);
    expect(r.criteria.map((c) => [c.value, c.points, c.missing])).toEqual([
      ['99', 0, false],
      ['establish', 0, false],
    ]);
    expect(r.criteria[0].label).toBe('员工规模');
    expect(scoreAccount(model, { ...empty, employees: 1000, relationshipStage: 'deepen' }).score).toBe(80);
  });

  it('still scores a model saved before criteria could take the larger of figures: the old four criteria add up', () => {
    const old: ScoringModel = {
      criteria: [
        {
          key: 'salesVolume',
          field: 'ourRevenue',
          weight: 40,
          scale: {
            bands: [
              { min: '0', points: 0 },
              { min: '5000000', points: 100 },
            ],
          },
        },
        {
          key: 'potential',
          field: 'potential',
          weight: 30,
          scale: {
            bands: [
              { min: '0', points: 0 },
              { min: '10000000', points: 100 },
            ],
          },
        },
        { key: 'marketStrength', field: 'marketStrength', weight: 15, scale: { points: { '5': 100 } } },
        { key: 'financialStatus', field: 'financialStatus', weight: 15, scale: { points: { good: 100 } } },
      ],
      tierThresholds: { A: 70, B: 40 },
    };
    expect(modelIssues(old)).toEqual([]);
    const r = scoreAccount(old, { ...empty, potential: '50000000', marketStrength: 5, financialStatus: 'good' });
    expect(r.score).toBe(60);
    expect(r.criteria.map((c) => c.measures.length)).toEqual([1, 1, 1, 1]);
  });

  it('takes the larger of any figures, enumerated ones too', () => {
    const model: ScoringModel = {
      criteria: [
        {
          key: 'reach',
          field: 'marketStrength',
          weight: 100,
          scale: { points: { '3': 50 } },
          alternatives: [{ field: 'employees', scale: { bands: [{ min: '1000', points: 80 }] } }],
        },
      ],
      tierThresholds: { A: 75, B: 50 },
    };
    expect(scoreAccount(model, { ...empty, marketStrength: 3, employees: 999 }).criteria[0]).toMatchObject({
      field: 'marketStrength',
      points: 50,
    });
    expect(scoreAccount(model, { ...empty, marketStrength: 3, employees: 1000 }).criteria[0]).toMatchObject({
      field: 'employees',
      value: '1000',
      points: 80,
    });
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
    m.criteria[0].weight = 65;
    expect(modelIssues(m)).toEqual([{ path: 'criteria', code: 'weights_sum', params: { sum: 95 } }]);
  });

  it('refuses duplicate keys, unordered bands, a missing scale, unknown values and A ≤ B', () => {
    const m = clone();
    m.criteria.push({
      key: 'salesOrPotential',
      field: 'employees',
      weight: 0,
      scale: { bands: [{ min: '0', points: 0 }] },
    });
    m.criteria[0].scale.bands = [
      { min: '0', points: 0 },
      { min: '200', points: 10 },
      { min: '200.00', points: 20 },
    ];
    m.criteria[1].scale = {};
    m.criteria[2].scale = { points: { good: 100, excellent: 100 } };
    m.tierThresholds = { A: 40, B: 40 };
    expect(modelIssues(m).map((i) => i.path)).toEqual([
      'criteria.0.scale.bands.2.min',
      'criteria.1.scale.points',
      'criteria.2.scale.points.excellent',
      'criteria.3.key',
      'tierThresholds.A',
    ]);
  });

  it("checks a criterion's alternatives like the criterion, and refuses a figure read twice", () => {
    const m = clone();
    m.criteria[0].alternatives = [
      {
        field: 'potential',
        scale: {
          bands: [
            { min: '10', points: 0 },
            { min: '5', points: 10 },
          ],
        },
      },
      { field: 'ourRevenue', scale: { bands: [{ min: '0', points: 0 }] } },
      { field: 'financialStatus', scale: { points: { great: 100 } } },
    ];
    expect(modelIssues(m).map((i) => i.path)).toEqual([
      'criteria.0.alternatives.0.scale.bands.1.min',
      'criteria.0.alternatives.1.field',
      'criteria.0.alternatives.2.scale.points.great',
    ]);
  });
});
