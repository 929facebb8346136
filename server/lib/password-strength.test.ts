import { describe, expect, it } from 'vitest';
import { passwordWeakness } from './password-strength.ts';

describe('password strength (zxcvbn-ts)', () => {
  it('refuses the passwords of issue 19 with the reason', async () => {
    expect(await passwordWeakness('password')).toBe('password_common');
    expect(await passwordWeakness('12345678')).toBe('password_common');
    expect(await passwordWeakness('        ')).toBe('password_repeated');
    expect(await passwordWeakness('aaaaaaaa')).toBe('password_repeated');
  });

  it('knows keyboard walks, Chinese favourites and the user’s own e-mail', async () => {
    expect(await passwordWeakness('qwertyuiop')).toBe('password_common');
    expect(await passwordWeakness('woaini1314')).toBe('password_common');
    expect(await passwordWeakness('5201314woaini')).toBe('password_common');
    expect(await passwordWeakness('zhangjianguo', ['zhangjianguo@example.com'])).toBe('password_personal');
    expect(await passwordWeakness('huaxin-zhilian', [null, '华信智联', 'huaxin-zhilian'])).toBe('password_personal');
  });

  it('accepts passphrases and the test suite’s passwords', async () => {
    for (const ok of [
      'secret-pass-1',
      'long-enough-1',
      'brand-new-pass',
      'reset-by-admin',
      'correct-horse-1',
      'crash-test-1',
      'Kx8-blue-river',
    ]) {
      expect(await passwordWeakness(ok), ok).toBeNull();
    }
  });

  it('judges a long crafted password quickly (only its start counts)', async () => {
    const start = performance.now();
    expect(await passwordWeakness('1!'.repeat(100))).toBe('password_repeated');
    expect(performance.now() - start).toBeLessThan(5000);
  });
});
