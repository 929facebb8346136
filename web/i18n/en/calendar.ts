import type { Widen } from '../types.ts';
import type { calendar as zh } from '../zh-CN/calendar.ts';

export const calendar: Widen<typeof zh> = {
  calendar: {
    pickUser: "Someone's calendar",
    pickTeam: "A team's calendar",
    ics: 'Export iCalendar',
    taskPrefix: 'Task: ',
    truncated:
      'Too many entries: at most {{limit}} calls and {{limit}} tasks are shown at a time; from {{date}} on, not all are shown.',
    logVisit: 'Log this visit',
    logged: 'Logged',
    narrower: { timeGridWeek: 'Show the week', timeGridDay: 'Show the day' },
  },
};
