// Tasks (待办, issue 4): follow-ups with a due day, on an account, deal or contact or on none.
import { Type, type Static } from 'typebox';
import {
  ExportQuery,
  Id,
  IsoDate,
  IsoDateTime,
  Nullable,
  OptionalNullable,
  Page,
  PageQuery,
  Version,
} from './common.ts';

const Text = (max = 200) => Type.String({ maxLength: max });

const taskFields = {
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  dueDate: Type.Optional(IsoDate),
  assigneeId: Type.Optional(Id),
  accountId: OptionalNullable(Id),
  opportunityId: OptionalNullable(Id),
  contactId: OptionalNullable(Id),
  notes: OptionalNullable(Text(2000)),
  done: Type.Optional(Type.Boolean()),
};
export const TaskCreate = Type.Object(
  { ...taskFields, title: Type.String({ minLength: 1, maxLength: 200 }), dueDate: IsoDate },
  { additionalProperties: false },
);
export type TaskCreate = Static<typeof TaskCreate>;
export const TaskUpdate = Type.Object({ ...taskFields, version: Version }, { additionalProperties: false });
export type TaskUpdate = Static<typeof TaskUpdate>;
export const Task = Type.Object({
  id: Id,
  title: Type.String(),
  dueDate: IsoDate,
  assigneeId: Id,
  assigneeName: Type.String(),
  accountId: Nullable(Id),
  accountName: Nullable(Type.String()),
  opportunityId: Nullable(Id),
  opportunityName: Nullable(Type.String()),
  contactId: Nullable(Id),
  contactName: Nullable(Type.String()),
  /** The activity whose next steps created this task. */
  activityId: Nullable(Id),
  notes: Nullable(Type.String()),
  done: Type.Boolean(),
  doneAt: Nullable(IsoDateTime),
  createdById: Nullable(Id),
  createdAt: IsoDateTime,
  version: Type.Integer(),
});
export type Task = Static<typeof Task>;
export const TaskListQuery = Type.Object({
  ...PageQuery,
  ...ExportQuery,
  assigneeId: Type.Optional(Id),
  accountId: Type.Optional(Id),
  opportunityId: Type.Optional(Id),
  contactId: Type.Optional(Id),
  done: Type.Optional(Type.Boolean()),
  /** Due on or after / on or before (dates, inclusive). */
  dueFrom: Type.Optional(IsoDate),
  dueTo: Type.Optional(IsoDate),
  overdue: Type.Optional(Type.Boolean()),
});
export type TaskListQuery = Static<typeof TaskListQuery>;
export const TaskPage = Page(Task);
/** The people a task on the account (or on none) may go to: the caller's data scope and the account's team. */
export const TaskAssigneesQuery = Type.Object({ accountId: Type.Optional(Id) });
export type TaskAssigneesQuery = Static<typeof TaskAssigneesQuery>;
export const TaskAssignees = Type.Object({ items: Type.Array(Type.Object({ id: Id, name: Type.String() })) });
export type TaskAssignees = Static<typeof TaskAssignees>;
