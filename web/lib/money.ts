// One implementation of money display and input: core/money-format.ts. This file adapts it to the
// forms (which validate with MONEY_INPUT_RE) and the i18n language code.
import { formatMoney as format, type MoneyLang, type MoneyStyle, parseMoney } from '../../core/money-format.ts';

export const moneyLang = (language: string | undefined): MoneyLang => (language === 'en' ? 'en' : 'zh');

export function formatMoney(value: string | null | undefined, language: string, style: MoneyStyle): string {
  return format(value, { style, lang: moneyLang(language) });
}

/**
 * What people type ("12亿", "125.5万", "1,250,000") → the exact decimal string, or null when empty.
 * Input that cannot be read comes back as typed (without spaces), so MONEY_INPUT_RE refuses it.
 */
export function normaliseMoney(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  const r = parseMoney(input);
  if (r.ok) return r.value;
  return r.reason === 'empty' ? null : input.replace(/\s/g, '');
}

export const MONEY_INPUT_RE = /^\d{1,16}(\.\d{1,2})?$/;

/** A well-formed amount above zero: quotas and deal sizes cannot be zero (the server says the same, per field). */
export function isPositiveMoney(input: unknown): boolean {
  const s = normaliseMoney(typeof input === 'string' ? input : '') ?? '';
  return MONEY_INPUT_RE.test(s) && /[1-9]/.test(s);
}
