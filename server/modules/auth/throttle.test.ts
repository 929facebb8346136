import { describe, expect, it } from 'vitest';
import { failureKeys, slowdownMs, throttle, type FailureCount } from './throttle.ts';

const config = { loginMaxFailures: 5, loginWindowMinutes: 15, loginMaxDelaySeconds: 10 };
const now = new Date('2027-03-01T08:00:00Z');
const keys = failureKeys('wang@example.com', '198.51.100.7');
const counts = (entries: [string, number, number?][]) =>
  new Map<string, FailureCount>(
    entries.map(([k, n, minutesAgo = 1]) => [k, { n, oldest: new Date(now.getTime() - minutesAgo * 60_000) }]),
  );

describe('login throttle', () => {
  it('keys the lock on the e-mail and the address together', () => {
    expect(keys).toEqual({
      pair: 'pair:wang@example.com|198.51.100.7',
      email: 'email:wang@example.com',
      address: 'ip:198.51.100.7',
    });
  });

  it('locks the pair after the allowed failures, until the oldest leaves the window', () => {
    expect(throttle(counts([[keys.pair, 4]]), keys, config, now)).toEqual({ locked: false, delayMs: 0 });
    expect(throttle(counts([[keys.pair, 5, 3]]), keys, config, now)).toEqual({
      locked: true,
      retryAfterSeconds: 12 * 60,
    });
  });

  it('never locks an e-mail or an address by itself, however many failures: it slows them', () => {
    const v = throttle(
      counts([
        [keys.email, 500],
        [keys.address, 5000],
      ]),
      keys,
      config,
      now,
    );
    expect(v).toEqual({ locked: false, delayMs: 10_000 });
  });

  it('waits 1 s past the allowance, doubling per failure up to the maximum', () => {
    expect([4, 5, 6, 7, 8, 9, 40].map((n) => slowdownMs(n, 5, 10))).toEqual([
      0, 1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
    // Per e-mail past the allowance; per address past four times it (a NAT has many users).
    expect(throttle(counts([[keys.email, 6]]), keys, config, now)).toEqual({ locked: false, delayMs: 2000 });
    expect(throttle(counts([[keys.address, 19]]), keys, config, now)).toEqual({ locked: false, delayMs: 0 });
    expect(throttle(counts([[keys.address, 20]]), keys, config, now)).toEqual({ locked: false, delayMs: 1000 });
  });
});
