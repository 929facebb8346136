import type { Widen } from '../types.ts';
import type { timeline as zh } from '../zh-CN/timeline.ts';

export const timeline: Widen<typeof zh> = {
  timeline: {
    tab: 'Timeline',
    empty: 'Nothing yet',
    due: 'Due {{date}}',
    stageChange: '{{from}} → {{to}}',
    edited: '{{action}}: {{fields}}',
    listSep: ', ',
    kind: { activity: 'Activity', task: 'Task', stage_change: 'Stage change', edit: 'Change' },
  },
};
