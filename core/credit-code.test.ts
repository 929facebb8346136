import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from './credit-code.ts';

// 91350100M000100Y43 is the example printed in GB 32100-2015 explanations.
const VALID = ['91350100M000100Y43', '91110000600037341L', '91310000MA1FL0XK25'];

describe('creditCodeCheckChar', () => {
  it('computes the mod-31 check character', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('91110000600037341')).toBe('L');
  });

  it('maps a zero remainder to "0", not to an index out of range', () => {
    // Search first-17 strings until one hits the sum % 31 === 0 case.
    let found = false;
    for (let n = 0; n < 2000 && !found; n++) {
      const first = '9111000000000' + String(n).padStart(4, '0');
      const c = creditCodeCheckChar(first);
      expect(c).toMatch(/^[0-9A-HJ-NPQRTUWXY]$/);
      if (c === '0') found = true;
    }
    expect(found).toBe(true);
  });

  it('refuses wrong lengths and characters outside the alphabet', () => {
    expect(creditCodeCheckChar('9135010')).toBeNull();
    expect(creditCodeCheckChar('91350100M000100Y4X')).toBeNull();
    expect(creditCodeCheckChar('91350100I000100Y4')).toBeNull();
  });
});

describe('isValidCreditCode', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('accepts lower case', () => {
    expect(isValidCreditCode('91350100m000100y43')).toBe(true);
    expect(isValidCreditCode('91110000600037341l')).toBe(true);
  });

  it('refuses a wrong check character', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91110000600037341K')).toBe(false);
    expect(isValidCreditCode('911100000000000000')).toBe(false);
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the letter %s, which is not in the alphabet', (ch) => {
    // Same position as the M of the valid example; the check char cannot rescue it.
    const code = `91350100${ch}000100Y43`;
    expect(isValidCreditCode(code)).toBe(false);
    for (const last of '0123456789ABCDEFGHJKLMNPQRTUWXY')
      expect(isValidCreditCode(code.slice(0, 17) + last)).toBe(false);
    expect(isValidCreditCode(`91350100M000100Y4${ch}`)).toBe(false);
  });

  it('refuses wrong lengths, spaces and other symbols', () => {
    expect(isValidCreditCode('')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false);
    expect(isValidCreditCode(' 91350100M000100Y43')).toBe(false);
    expect(isValidCreditCode('91350100-000100Y43')).toBe(false);
  });

  it('detects every single-character substitution of a valid code', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const code = VALID[0];
    for (let i = 0; i < 17; i++) {
      for (const ch of alphabet) {
        if (ch === code[i]) continue;
        expect(isValidCreditCode(code.slice(0, i) + ch + code.slice(i + 1))).toBe(false);
      }
    }
  });
});
