import type { Widen } from '../types.ts';
import type { reminders as zh } from '../zh-CN/reminders.ts';

export const reminders: Widen<typeof zh> = {
  reminders: { title: 'Reminders', empty: 'No reminders', markAllRead: 'Mark all read', markRead: 'Mark read' },
};
