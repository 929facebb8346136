// Deterministic generators for the demo seed and the benchmark: the same seed gives the same
// organisation, so tests and benchmark runs are comparable from run to run.
import { creditCodeCheckChar } from '../../../core/credit-code.ts';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

/** mulberry32: tiny, fast and good enough for fake data (not for anything secret). */
export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    weighted(items) {
      let total = 0;
      for (const [, w] of items) total += w;
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return items[items.length - 1][0];
    },
  };
}

/**
 * UUIDv7-shaped ids from the PRNG, so a seeded data set has the same ids on every run (stable
 * benchmark URLs, reproducible tests); `at` keeps the time-ordered prefix realistic.
 */
export function seededId(rng: Rng, at: number): string {
  const hex = (n: number, len: number) => n.toString(16).padStart(len, '0');
  const rand = (len: number) => {
    let out = '';
    while (out.length < len) out += hex(Math.floor(rng.next() * 0x10000), 4);
    return out.slice(0, len);
  };
  const ms = hex(at, 12);
  const variant = hex(0x8 | Math.floor(rng.next() * 4), 1);
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${rand(3)}-${variant}${rand(3)}-${rand(12)}`;
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * A checksum-valid 统一社会信用代码: registration authority + organisation type (e.g. "91"
 * enterprise, "11" government body), the 6-digit administrative division, a 9-character
 * organisation code, then the mod-31 check character.
 */
export function creditCode(rng: Rng, kind: string, division: string): string {
  let body = kind + division;
  for (let i = 0; i < 9; i++) body += CODE_ALPHABET[rng.int(0, i === 8 ? 9 : 30)];
  return body + (creditCodeCheckChar(body) ?? '0');
}

const MOBILE_PREFIXES = [
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '158',
  '159',
  '166',
  '176',
  '177',
  '180',
  '181',
  '186',
  '187',
  '188',
  '189',
  '191',
  '199',
];

export function mobile(rng: Rng): string {
  let out = rng.pick(MOBILE_PREFIXES);
  for (let i = 0; i < 8; i++) out += rng.int(0, 9);
  return out;
}

/** A landline in the city's format, e.g. "010-65123456" or "0755-8612345". */
export function landline(rng: Rng, areaCode: string): string {
  const digits = areaCode.length === 3 ? 8 : 7;
  let out = String(rng.int(5, 8));
  for (let i = 1; i < digits; i++) out += rng.int(0, 9);
  return `${areaCode}-${out}`;
}

/** An amount in yuan between min and max 万元, as the decimal string numeric(18,2) expects. */
export function moneyWan(rng: Rng, minWan: number, maxWan: number): string {
  // Log-uniform, because revenues span orders of magnitude and most customers are small.
  const wan = Math.exp(Math.log(minWan) + rng.next() * (Math.log(maxWan) - Math.log(minWan)));
  return `${Math.round(wan * 100) * 100}.00`;
}

export function birthday(rng: Rng): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${rng.int(1962, 1992)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
}
