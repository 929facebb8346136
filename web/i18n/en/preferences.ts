import type { Widen } from '../types.ts';
import type { preferences as zh } from '../zh-CN/preferences.ts';

export const preferences: Widen<typeof zh> = {
  money: {
    display: 'Amounts',
    compact: 'Compact (¥142.8M)',
    full: 'Full (¥142,810,000.00)',
    saved: 'Amount display saved',
    parsed: '= {{value}}',
    hint: 'Type 12亿, 300万, 1,250,000 or 125.5万',
    invalid: 'Not an amount; try 300万 or 1,250,000',
    negative: 'An amount cannot be negative',
    precision: 'At most 2 decimals (fen)',
    tooLarge: 'The amount is too large',
  },
  columnPrefs: {
    choose: 'Columns',
    reset: 'Reset to default',
    width: 'Width',
    saved: 'Columns saved',
  },
};
