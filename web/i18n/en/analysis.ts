import type { Widen } from '../types.ts';
import type { analysis as zh } from '../zh-CN/analysis.ts';

export const analysis: Widen<typeof zh> = {
  analysis: {
    title: 'Time analysis',
    hint: 'Time should follow account value: see which accounts, people and tiers the time went to.',
    total: 'Total',
    hours: 'Hours',
    hoursUnit: 'h',
    share: 'Share',
    empty: 'No activity time recorded in this period',
    truncated: 'Only the {{limit}} with the most time are listed; the total and shares count them all.',
    column: { account: 'Account', owner: 'Person', tier: 'Account tier' },
  },
};
