import type { Widen } from '../types.ts';
import type { tasks as zh } from '../zh-CN/tasks.ts';

export const tasks: Widen<typeof zh> = {
  tasks: {
    new: 'New task',
    edit: 'Edit task',
    empty: 'No tasks',
    deleteConfirm: 'Delete this task?',
    view: { open: 'Open', overdue: 'Overdue', done: 'Done' },
    everyone: 'Everyone',
    overdue: 'Overdue',
    dueToday: 'Due today',
    overdueCount: '{{count}} overdue tasks',
    markDone: 'Mark done',
    markUndone: 'Reopen',
    completed: 'Done',
    related: 'Related to',
    fromActivity: 'From activity',
  },
};
