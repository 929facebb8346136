import { describe, expect, it } from 'vitest';
import { calibrate } from './calibration.ts';

describe('calibrated probabilities', () => {
  it('counts won deals in every stage and lost ones up to the furthest reached', () => {
    const rates = calibrate(
      ['a', 'b', 'c'],
      [
        { status: 'won', furthest: 0, deals: 2 }, // won straight from the first stage still passed them all
        { status: 'lost', furthest: 0, deals: 6 },
        { status: 'lost', furthest: 2, deals: 2 },
      ],
    );
    expect(rates).toEqual([
      { stageId: 'a', reached: 10, won: 2, observed: 20 },
      { stageId: 'b', reached: 4, won: 2, observed: 50 },
      { stageId: 'c', reached: 4, won: 2, observed: 50 },
    ]);
  });

  it('has no rate without a sample', () => {
    expect(calibrate(['a', 'b'], [{ status: 'lost', furthest: -1, deals: 3 }])).toEqual([
      { stageId: 'a', reached: 0, won: 0, observed: null },
      { stageId: 'b', reached: 0, won: 0, observed: null },
    ]);
  });
});
