import { describe, expect, it } from 'vitest';
import {
  deriveInterest,
  derivePower,
  describeMapJudgement,
  isDecisionMaker,
  isKeyPlayer,
  isSupportive,
  judgeMap,
  placeOnGrid,
  quadrantOf,
  valuesForQuadrant,
  type MapPerson,
} from './relationship-map.ts';

const person = (name: string, p: Partial<MapPerson> = {}): MapPerson => ({
  name,
  influence: null,
  attitude: null,
  roles: [],
  ...p,
});

describe('relationship map judgement', () => {
  it('defines key players, supporters and decision makers', () => {
    expect(isKeyPlayer(person('a', { influence: 'high' }))).toBe(true);
    expect(isKeyPlayer(person('a', { influence: 'medium', roles: ['technical'] }))).toBe(true);
    expect(isKeyPlayer(person('a', { influence: 'medium', roles: ['coach', 'user'] }))).toBe(false);
    expect(isSupportive(person('a', { attitude: 1 }))).toBe(true);
    expect(isSupportive(person('a', { attitude: 0 }))).toBe(false);
    expect(isSupportive(person('a'))).toBe(false);
    // High influence decides on an account, not on a deal, where only the economic buyer does.
    expect(isDecisionMaker(person('a', { influence: 'high' }), 'account')).toBe(true);
    expect(isDecisionMaker(person('a', { influence: 'high' }), 'deal')).toBe(false);
    expect(isDecisionMaker(person('a', { roles: ['economic'] }), 'deal')).toBe(true);
  });

  it('is red with no key player or no supportive one', () => {
    expect(judgeMap([], 'account')).toEqual({ status: 'red', code: 'no_key_players', names: [] });
    expect(judgeMap([person('甲', { attitude: 5 })], 'account').code).toBe('no_key_players');
    const j = judgeMap(
      [person('甲', { influence: 'high', attitude: 0 }), person('乙', { influence: 'low', attitude: 4 })],
      'account',
    );
    expect(j).toEqual({ status: 'red', code: 'no_supportive_key_player', names: [] });
  });

  it('is amber when supporters leave out a decision maker, green when they include all', () => {
    const tech = person('技术', { roles: ['technical'], attitude: 3 });
    const boss = person('老板', { roles: ['economic'], attitude: -2 });
    expect(judgeMap([tech], 'deal')).toEqual({ status: 'amber', code: 'no_decision_maker', names: ['技术'] });
    expect(judgeMap([tech, boss], 'deal')).toEqual({
      status: 'amber',
      code: 'decision_makers_not_supportive',
      names: ['老板'],
    });
    expect(judgeMap([tech, { ...boss, attitude: 2 }], 'deal')).toEqual({
      status: 'green',
      code: 'decision_makers_supportive',
      names: ['老板'],
    });
    // On an account map a second high-influence contact is a decision maker to win as well.
    const director = person('主任', { influence: 'high', attitude: null });
    expect(judgeMap([tech, { ...boss, attitude: 2 }, director], 'account').names).toEqual(['主任']);
  });

  it('is never green while an open deal’s economic buyer is unmet or strongly against us on its Blue Sheet', () => {
    // The contact is warm on the account map, but the deal's Blue Sheet says never met.
    const people = [person('王局长', { influence: 'high', attitude: 3, roles: ['economic'] })];
    const met = { name: '王局长', deal: '数据平台', coverage: 'multiple' as const, rating: 2 };
    expect(judgeMap(people, 'account', [met]).status).toBe('green');
    const unmet = judgeMap(people, 'account', [{ ...met, coverage: 'none' }]);
    expect(unmet).toEqual({ status: 'amber', code: 'economic_buyer_not_covered', names: ['王局长 · 数据平台'] });
    expect(describeMapJudgement(unmet, 'zh')).toBe('在途商机的关键决策者尚未接触：王局长 · 数据平台');
    const hostile = judgeMap(people, 'account', [met, { ...met, deal: '二期', rating: -4 }]);
    expect(hostile).toEqual({ status: 'amber', code: 'economic_buyer_hostile', names: ['王局长 · 二期'] });
    expect(describeMapJudgement(hostile, 'en')).toBe(
      'The economic buyer of an open deal is strongly against us: 王局长 · 二期',
    );
    // A deal map: the economic buyer rated +3 but never met.
    const deal = [person('王局长', { roles: ['economic'], attitude: 3 })];
    expect(judgeMap(deal, 'deal', [{ name: '王局长', deal: null, coverage: 'none', rating: 3 }])).toEqual({
      status: 'amber',
      code: 'economic_buyer_not_covered',
      names: ['王局长'],
    });
    expect(judgeMap(deal, 'deal', [{ name: '王局长', deal: null, coverage: 'brief', rating: 3 }]).status).toBe('green');
  });

  it('explains itself in both languages', () => {
    const j = judgeMap(
      [
        person('A', { roles: ['technical'], attitude: 3 }),
        person('B', { roles: ['economic'] }),
        person('C', { roles: ['economic'] }),
      ],
      'deal',
    );
    expect(describeMapJudgement(j, 'zh')).toBe('有关键人物支持，但决策者B、C尚未支持');
    expect(describeMapJudgement(j, 'en')).toBe('Some key players support us, but not decision maker(s) B, C');
  });
});

describe('stakeholder grid', () => {
  it('derives power from influence and interest from coverage or strength of feeling', () => {
    expect([derivePower('high'), derivePower('medium'), derivePower('low'), derivePower(null)]).toEqual([5, 3, 1, 2]);
    // An open deal's economic buyer decides: high power whatever their influence is recorded as.
    expect([derivePower('low', true), derivePower(null, true)]).toEqual([5, 5]);
    expect(
      placeOnGrid({
        power: null,
        interest: null,
        influence: 'low',
        coverage: 'none',
        attitude: null,
        economicBuyer: true,
      }),
    ).toMatchObject({ power: 5, quadrant: 'keep_satisfied' });
    // Placed by hand, the placement stands.
    expect(
      placeOnGrid({ power: 2, interest: null, influence: 'low', coverage: 'none', attitude: null, economicBuyer: true })
        .power,
    ).toBe(2);
    expect(deriveInterest('none', null)).toBe(2);
    expect(deriveInterest('none', 0)).toBe(1);
    expect(deriveInterest('brief', -2)).toBe(3);
    expect(deriveInterest('multiple', 0)).toBe(3);
    expect(deriveInterest('in_depth', 5)).toBe(5);
    expect(deriveInterest('none', -5)).toBe(5);
  });

  it('places by quadrant with stored values winning', () => {
    expect(quadrantOf(3, 3)).toBe('manage_closely');
    expect(quadrantOf(5, 2)).toBe('keep_satisfied');
    expect(quadrantOf(2, 5)).toBe('keep_informed');
    expect(quadrantOf(1, 1)).toBe('monitor');
    expect(placeOnGrid({ power: null, interest: null, influence: 'high', coverage: 'none', attitude: null })).toEqual({
      power: 5,
      interest: 2,
      powerDerived: true,
      interestDerived: true,
      quadrant: 'keep_satisfied',
    });
    expect(placeOnGrid({ power: 1, interest: 4, influence: 'high', coverage: 'none', attitude: null })).toMatchObject({
      power: 1,
      interest: 4,
      powerDerived: false,
      interestDerived: false,
      quadrant: 'keep_informed',
    });
  });

  it('moves only the values on the wrong side of the line when dropped in a quadrant', () => {
    expect(valuesForQuadrant({ power: 5, interest: 2 }, 'manage_closely')).toEqual({ power: 5, interest: 4 });
    expect(valuesForQuadrant({ power: 5, interest: 2 }, 'monitor')).toEqual({ power: 2, interest: 2 });
    expect(valuesForQuadrant({ power: 1, interest: 1 }, 'keep_informed')).toEqual({ power: 1, interest: 4 });
    for (const q of ['manage_closely', 'keep_satisfied', 'keep_informed', 'monitor'] as const) {
      const v = valuesForQuadrant({ power: 3, interest: 3 }, q);
      expect(quadrantOf(v.power, v.interest)).toBe(q);
    }
  });
});
