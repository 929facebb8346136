import type { Widen } from '../types.ts';
import type { a11y as zh } from '../zh-CN/a11y.ts';

export const a11y: Widen<typeof zh> = {
  a11y: {
    sortBy: 'Sort by',
    closeFrom: 'Close from',
    closeTo: 'Close to',
  },
};
