import type { Widen } from '../types.ts';
import type { lists as zh } from '../zh-CN/lists.ts';

export const lists: Widen<typeof zh> = {
  lists: {
    total: '{{count}} in total',
    shownOf: 'Showing {{shown}} of {{count}}',
    totalCapped: '{{count}}+ in total',
    shownOfCapped: 'Showing {{shown}} of {{count}}+',
    sortedBy: 'Sort: {{sort}}',
    amountSum: 'Amount total',
    revenueSum: 'Our revenue total',
    sort: {
      callsSoonest: 'Planned time, soonest first',
      callsNewest: 'Planned time, latest first',
      tasks: 'Open first, by due date',
      pool: 'Longest in the pool first',
      bin: 'Most recently deleted first',
      scores: 'Score, highest first',
    },
    export: {
      button: 'Export',
      xlsx: 'Excel (.xlsx)',
      csv: 'CSV (.csv)',
      hint: 'Exports every result of the current filters, in the current order',
      failed: 'Export failed',
    },
  },
};
