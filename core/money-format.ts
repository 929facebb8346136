// Money as Chinese sales teams read and type it: ¥1.43亿 / ¥300万 on screen, "12亿" or "125.5万" in a
// field. Everything here works on decimal strings and BigInt cents: a float would turn 0.1 + 0.2 into
// a display bug and, worse, a wrong amount sent to the API.

import { toCents as exactCents } from './funnel.ts';

export type MoneyStyle = 'compact' | 'full';
export type MoneyLang = 'zh' | 'en';

const DECIMAL_RE = /^-?\d+(?:\.\d{1,2})?$/;

/**
 * Cents of a canonical decimal string ("-1250.5" → -125050n), or null when it is not one: the funnel's
 * exact conversion, behind a check, since what comes here to be shown may be anything.
 */
export function toCents(value: string): bigint | null {
  const v = value.trim();
  return DECIMAL_RE.test(v) ? exactCents(v) : null;
}

/** "1234567" → "1,234,567" (both languages group by thousands in full form). */
function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Full form: ¥142,810,000.00; negative as -¥1,000.00. */
function full(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${sign}¥${group((abs / 100n).toString())}.${frac}`;
}

/** abs / unit rounded half-up to `decimals` places, as [whole units, fraction digits]. */
function roundTo(abs: bigint, unitCents: bigint, decimals: number): [bigint, string] {
  const pow = 10n ** BigInt(decimals);
  const q = (abs * pow * 2n + unitCents) / (unitCents * 2n);
  const frac = decimals === 0 ? '' : (q % pow).toString().padStart(decimals, '0').replace(/0+$/, '');
  return [q / pow, frac];
}

const WAN = 10_000_00n; // 1万 in cents
const YI = 100_000_000_00n; // 1亿 in cents
const MILLION = 1_000_000_00n;
const BILLION = 1_000_000_000_00n;

/** Below the first unit: whole yuan, or up to two decimals trimmed (¥8,500 / ¥8,500.5). */
function small(abs: bigint): string {
  const frac = (abs % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  const int = group((abs / 100n).toString());
  return frac ? `${int}.${frac}` : int;
}

/** Largest unit first: [cents of one unit, suffix, decimals shown]. */
const UNITS: Record<MoneyLang, [bigint, string, number][]> = {
  // 万 from 1万, 亿 from 1亿, two decimals: ¥1.43亿, ¥125.5万.
  zh: [
    [YI, '亿', 2],
    [WAN, '万', 2],
  ],
  // English readers count in millions: ¥142.8M, ¥3M; thousands stay in full (¥8,500).
  en: [
    [BILLION, 'B', 1],
    [MILLION, 'M', 1],
  ],
};

function compact(cents: bigint, lang: MoneyLang): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  const units = UNITS[lang];
  for (let i = 0; i < units.length; i++) {
    const [unit, suffix, decimals] = units[i];
    if (abs < unit) continue;
    const [whole, frac] = roundTo(abs, unit, decimals);
    // 9,999.996万 rounds to 10000万: read it as the larger unit (¥1亿).
    if (i > 0 && whole * unit >= units[i - 1][0]) {
      const [up, upSuffix, upDecimals] = units[i - 1];
      const [w, f] = roundTo(abs, up, upDecimals);
      return `${sign}¥${group(w.toString())}${f ? `.${f}` : ''}${upSuffix}`;
    }
    return `${sign}¥${group(whole.toString())}${frac ? `.${frac}` : ''}${suffix}`;
  }
  return `${sign}¥${small(abs)}`;
}

/**
 * Formats a decimal string, compact (¥1.43亿 / ¥142.8M) or full (¥142,810,000.00). Anything that
 * is not a decimal string is shown as it came (never hidden, never guessed).
 */
export function formatMoney(value: string | null | undefined, opts: { style: MoneyStyle; lang: MoneyLang }): string {
  if (value === null || value === undefined || value === '') return '—';
  const cents = toCents(value);
  if (cents === null) return value;
  return opts.style === 'full' ? full(cents) : compact(cents, opts.lang);
}

/** Numbers (chart axes hand them over) → a decimal string, exact for the cents ECharts can hold. */
export function numberToDecimal(n: number): string {
  return Number.isFinite(n) ? n.toFixed(2) : '0';
}

export type ParsedMoney =
  | { ok: true; value: string }
  | { ok: false; reason: 'empty' | 'invalid' | 'negative' | 'precision' | 'too_large' };

const MAX_INT_DIGITS = 16; // numeric(18,2)

/**
 * What people type → the exact decimal string for the API: "12亿" → "1200000000", "125.5万" →
 * "1255000", "¥ 3,000.50" → "3000.50", "１２万" → "120000". Refuses negatives, more than two decimals
 * (after the unit is applied) and anything else.
 */
export function parseMoney(input: string | null | undefined): ParsedMoney {
  if (input === null || input === undefined) return { ok: false, reason: 'empty' };
  // NFKC folds full-width digits and punctuation (typed with a Chinese IME) to ASCII, as search does.
  const s = input
    .normalize('NFKC')
    .replace(/[\s,，]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '');
  if (s === '') return { ok: false, reason: 'empty' };
  if (/^[-−]/.test(s)) return { ok: false, reason: 'negative' };
  const m = /^(\d*)(?:\.(\d+))?(万亿|万|亿)?$/.exec(s);
  if (!m || (m[1] === '' && m[2] === undefined)) return { ok: false, reason: 'invalid' };
  const int = m[1] || '0';
  const frac = m[2] ?? '';
  const shift = m[3] === '万亿' ? 12 : m[3] === '亿' ? 8 : m[3] === '万' ? 4 : 0;
  if (shift === 0) {
    // Typed without a unit: the decimals keep their form ("3,000.50" → "3000.50").
    if (frac.length > 2) return { ok: false, reason: 'precision' };
    const whole = int.replace(/^0+(?=\d)/, '');
    if (whole.length > MAX_INT_DIGITS) return { ok: false, reason: 'too_large' };
    return { ok: true, value: frac ? `${whole}.${frac}` : whole };
  }
  // Move the decimal point `shift` places right, on the digits themselves.
  const padded = frac.padEnd(shift, '0');
  const whole = (int + padded.slice(0, shift)).replace(/^0+(?=\d)/, '');
  const rest = padded.slice(shift).replace(/0+$/, '');
  if (rest.length > 2) return { ok: false, reason: 'precision' };
  if (whole.length > MAX_INT_DIGITS) return { ok: false, reason: 'too_large' };
  return { ok: true, value: rest ? `${whole}.${rest}` : whole };
}
