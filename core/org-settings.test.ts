import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { DEFAULT_ORG_SETTINGS, OrgSettings, readOrgSettings } from './org-settings.ts';

describe('organisation settings', () => {
  it('are the defaults for an organisation that never saved any, and the defaults fit the schema', () => {
    expect(readOrgSettings({})).toEqual(DEFAULT_ORG_SETTINGS);
    expect(readOrgSettings(null)).toEqual(DEFAULT_ORG_SETTINGS);
    expect(DEFAULT_ORG_SETTINGS.timeZone).toBe('Asia/Shanghai');
    expect(Value.Check(OrgSettings, DEFAULT_ORG_SETTINGS)).toBe(true);
  });

  it('read each stored key on its own: an unreadable one falls back, the others stay', () => {
    const s = readOrgSettings({
      timeZone: 'Mars/Olympus',
      language: 'en',
      staleDays: 14,
      afterSalesCadenceDays: [3, 'x'],
      prospects: { dropShare: 0.2, claimLimit: 0 },
      recycleBin: { retentionDays: 7 },
      pareto: { thresholds: { a: 0.9, b: 0.5 }, effort: { mode: 'revenue' } },
      scoring: { criteria: [] },
    });
    expect(s).toEqual({
      ...DEFAULT_ORG_SETTINGS,
      language: 'en',
      staleDays: 14,
      prospects: { dropShare: 0.2, claimLimit: DEFAULT_ORG_SETTINGS.prospects.claimLimit },
      recycleBin: { retentionDays: 7 },
    });
    expect(readOrgSettings({ timeZone: 'Europe/Berlin' }).timeZone).toBe('Europe/Berlin');
  });

  it('keep fixed effort shares only when they are given', () => {
    const thresholds = { a: 0.5, b: 0.8 };
    expect(
      readOrgSettings({ pareto: { thresholds, effort: { mode: 'fixed', shares: { A: 0.6, B: 0.3, C: 0.1 } } } }).pareto,
    ).toEqual({
      thresholds,
      effort: { mode: 'fixed', shares: { A: 0.6, B: 0.3, C: 0.1 } },
    });
    expect(readOrgSettings({ pareto: { thresholds, effort: { mode: 'fixed' } } }).pareto).toEqual({
      thresholds,
      effort: { mode: 'revenue' },
    });
  });
});
