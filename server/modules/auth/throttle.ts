// Who may try a password now. A lockout keyed on the e-mail alone let anyone lock a user out from
// anywhere, and one keyed on the address alone locked out a whole office behind one NAT. So only the
// pair (this e-mail from this address) is locked; per e-mail from anywhere, and per address over all
// e-mails, attempts are slowed instead: the server waits before it checks the password, so the right
// password still gets in, only later.
import type { Config } from '../../plugins/config.ts';

export type ThrottleConfig = Pick<Config, 'loginMaxFailures' | 'loginWindowMinutes' | 'loginMaxDelaySeconds'>;

/** Failed attempts of one key within the window, and when the oldest of them happened. */
export interface FailureCount {
  n: number;
  oldest: Date;
}

export interface FailureKeys {
  pair: string;
  email: string;
  address: string;
}

/** An address never contains '|', so the pair key stays unambiguous whatever the e-mail holds. */
export const failureKeys = (email: string, address: string): FailureKeys => ({
  pair: `pair:${email}|${address}`,
  email: `email:${email}`,
  address: `ip:${address}`,
});

export type Verdict = { locked: true; retryAfterSeconds: number } | { locked: false; delayMs: number };

/** 1 s for the first attempt past the allowance, doubling with each further failure, up to the maximum. */
export function slowdownMs(failures: number, allowance: number, maxDelaySeconds: number): number {
  const excess = failures - allowance;
  if (excess < 0) return 0;
  return Math.round(Math.min(maxDelaySeconds, 2 ** Math.min(excess, 30)) * 1000);
}

export function throttle(
  counts: Map<string, FailureCount>,
  keys: FailureKeys,
  config: ThrottleConfig,
  now: Date,
): Verdict {
  const pair = counts.get(keys.pair);
  if (pair && pair.n >= config.loginMaxFailures) {
    // Open again once the oldest failure leaves the window.
    const until = pair.oldest.getTime() + config.loginWindowMinutes * 60_000;
    return { locked: true, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
  }
  const max = config.loginMaxFailures;
  const delayMs = Math.max(
    slowdownMs(counts.get(keys.email)?.n ?? 0, max, config.loginMaxDelaySeconds),
    slowdownMs(counts.get(keys.address)?.n ?? 0, max * 4, config.loginMaxDelaySeconds),
  );
  return { locked: false, delayMs };
}
