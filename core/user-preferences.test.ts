import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import {
  DEFAULT_USER_PREFERENCES,
  mergeUserPreferences,
  readUserPreferences,
  UserPreferences,
  UserPreferencesPatch,
} from './user-preferences.ts';

describe('user preferences', () => {
  it('defaults: compact money, no table preferences', () => {
    expect(readUserPreferences({})).toEqual({ money: 'compact', tables: {} });
    expect(readUserPreferences(null)).toEqual(DEFAULT_USER_PREFERENCES);
    expect(Value.Check(UserPreferences, DEFAULT_USER_PREFERENCES)).toBe(true);
  });

  it('keeps what is readable and drops what is not, key by key', () => {
    const read = readUserPreferences({
      money: 'huge',
      tables: { accounts: { hidden: ['owner'], widths: { name: 240 } }, deals: { hidden: 'x' }, 'bad key!': {} },
      extra: 1,
    });
    expect(read).toEqual({ money: 'compact', tables: { accounts: { hidden: ['owner'], widths: { name: 240 } } } });
  });

  it('merges a change: money set, a table replaced, null forgets a table', () => {
    const current = readUserPreferences({
      money: 'compact',
      tables: { accounts: { hidden: ['owner'], widths: {} }, deals: { hidden: [], widths: { name: 300 } } },
    });
    const next = mergeUserPreferences(current, {
      money: 'full',
      tables: { accounts: { hidden: [], widths: { name: 200 } }, deals: null },
    });
    expect(next).toEqual({ money: 'full', tables: { accounts: { hidden: [], widths: { name: 200 } } } });
  });

  it('the change schema refuses unknown keys, wrong styles and silly widths', () => {
    expect(Value.Check(UserPreferencesPatch, { money: 'full' })).toBe(true);
    expect(Value.Check(UserPreferencesPatch, {})).toBe(false);
    expect(Value.Check(UserPreferencesPatch, { money: 'tiny' })).toBe(false);
    expect(Value.Check(UserPreferencesPatch, { colour: 'red' })).toBe(false);
    expect(Value.Check(UserPreferencesPatch, { tables: { accounts: { hidden: [], widths: { name: 5 } } } })).toBe(
      false,
    );
  });
});
