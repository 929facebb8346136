import { describe, expect, it } from 'vitest';
import { hasGovIntel, OWNERSHIP_TYPES } from './enums.ts';

describe('hasGovIntel', () => {
  it('is true for government bodies and 事业单位 (institutions), which buy on the same 政绩 logic', () => {
    expect(OWNERSHIP_TYPES.filter(hasGovIntel)).toEqual(['government', 'institution']);
    expect(hasGovIntel(null)).toBe(false);
    expect(hasGovIntel(undefined)).toBe(false);
  });
});
