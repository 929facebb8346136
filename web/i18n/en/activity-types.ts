import type { Widen } from '../types.ts';
import type { activityTypes as zh } from '../zh-CN/activity-types.ts';

export const activityTypes: Widen<typeof zh> = {
  activityTypes: {
    new: 'New type',
    edit: 'Edit type',
    key: 'Key',
    keyHint: 'Starts with a lower-case letter; lower-case letters, digits and _ only (2–40)',
    name: 'Name',
    nameEn: 'English name',
    stage: 'Funnel stage',
    stageHint: 'The planner counts this kind of call under that stage',
    noStage: 'No stage',
    builtin: 'Built-in',
    inactive: 'Inactive',
    activate: 'Activate',
    deactivate: 'Deactivate',
    activated: 'Activated',
    deactivated: 'Deactivated',
    cadenceTitle: 'After-sales cadence',
    cadenceHint: 'Days after signing on which after-sales follow-ups are scheduled for a won deal',
    cadenceNone: 'No after-sales follow-ups scheduled',
    days: 'Days',
    addDay: 'Add',
    dayN: 'Day {{n}}',
  },
};
