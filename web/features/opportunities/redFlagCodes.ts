import type { RedFlagCode } from '../../../core/blue-sheet.ts';

/** Every code core/blue-sheet.ts can raise, for the list's red-flag filter (checked against the type). */
export const RED_FLAG_CODES = [
  'no_economic_buyer',
  'economic_buyer_not_covered',
  'no_coach',
  'role_not_covered',
  'negative_rating',
  'economic_buyer_mode',
  'single_threaded',
  'close_date_passed',
  'stale',
  'probability_override',
  'technical_buyer_not_covered',
] as const satisfies readonly RedFlagCode[];
