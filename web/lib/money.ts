// Money stays a decimal string end to end; only the display goes through Intl, on BigInt so no float rounding.
const MONEY_RE = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

export function formatMoney(value: string | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const m = MONEY_RE.exec(value.trim());
  if (!m) return value;
  const [, sign, int, frac = ''] = m;
  const grouped = new Intl.NumberFormat(locale).format(BigInt(int));
  return `${sign}¥${grouped}.${frac.padEnd(2, '0')}`;
}

/** Accepts what people type ("1,250,000", "12.5") and returns the canonical string, or null when empty. */
export function normaliseMoney(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  const s = input.replace(/[,\s¥，]/g, '');
  return s === '' ? null : s;
}

export const MONEY_INPUT_RE = /^\d{1,16}(\.\d{1,2})?$/;

/** A well-formed amount above zero: quotas and deal sizes cannot be zero (the server says the same, per field). */
export function isPositiveMoney(input: unknown): boolean {
  const s = normaliseMoney(typeof input === 'string' ? input : '') ?? '';
  return MONEY_INPUT_RE.test(s) && /[1-9]/.test(s);
}
