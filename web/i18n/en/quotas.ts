import type { Widen } from '../types.ts';
import type { quotas as zh } from '../zh-CN/quotas.ts';

export const quotas: Widen<typeof zh> = {
  quotas: {
    new: 'Add quota',
    edit: 'Edit quota',
    subject: 'For',
    person: 'Person',
    team: 'Team',
    periodKind: 'Period kind',
    period: 'Period',
    target: 'Target',
    stretch: 'Stretch',
    challenge: 'Challenge',
    stretchHint: 'Optional; at least the target',
    challengeHint: 'Optional; at least the stretch',
    deleteConfirm: 'Delete this quota?',
    empty: 'No quotas for {{year}} yet',
    hint: 'Quotas are set per person or team, by year, quarter or month. A team without its own quota gets the sum of its members’. Quotas are set from above: a manager sets them for the people and teams they manage, an admin for everyone.',
  },
};
