// The tasks list as a file (issue 22).
import { dayOf, fieldLabel, yesNo, type ExportSpec } from '../../kernel/export.ts';
import type { Task } from '../../../core/schemas/tasks.ts';

const f = (field: Parameters<typeof fieldLabel<'task'>>[1]) => fieldLabel('task', field);

export const TASKS_EXPORT: ExportSpec<Task> = {
  list: 'tasks',
  title: { zh: '任务', en: 'Tasks' },
  columns: [
    { ...f('title'), kind: 'text', width: 32, value: (t) => t.title },
    { ...f('dueDate'), kind: 'date', value: (t) => t.dueDate },
    { ...f('assigneeId'), kind: 'text', width: 12, value: (t) => t.assigneeName },
    { ...f('accountId'), kind: 'text', width: 32, value: (t) => t.accountName },
    { ...f('opportunityId'), kind: 'text', value: (t) => t.opportunityName },
    { ...f('contactId'), kind: 'text', width: 12, value: (t) => t.contactName },
    { ...f('done'), kind: 'text', width: 8, value: (t, c) => yesNo(t.done, c) },
    { zh: '完成日期', en: 'Done on', kind: 'date', value: (t, c) => dayOf(t.doneAt, c) },
    { ...f('notes'), kind: 'text', width: 40, value: (t) => t.notes },
    { ...fieldLabel('common', 'createdAt'), kind: 'date', value: (t, c) => dayOf(t.createdAt, c) },
  ],
};
