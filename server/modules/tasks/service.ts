import type { Db } from '../../db/client.ts';
import { taskCursorValue, tasksRepository, type NewTask, type TaskRow } from './repository.ts';
import { activeUserIds, visibleAccount } from '../accounts/service.ts';
import { fieldError, notFound, staleVersion } from '../../lib/errors.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { newId } from '../../lib/ids.ts';
import { keysetPage } from '../../lib/cursor.ts';
import { orgTimeZone } from '../../kernel/settings.ts';
import { localDate } from '../../../core/time.ts';
import { diffFields } from '../../../core/diff.ts';
import type {
  Task,
  TaskAssignees,
  TaskAssigneesQuery,
  TaskCreate,
  TaskListQuery,
  TaskUpdate,
} from '../../../core/schemas/tasks.ts';
import type { ListSummary, PageOf } from '../../../core/schemas/common.ts';
import { searchQuery } from '../../../core/search.ts';

type Listed = NonNullable<Awaited<ReturnType<ReturnType<typeof tasksRepository>['get']>>>;
type Links = Pick<TaskRow, 'accountId' | 'opportunityId' | 'contactId'>;
type LinkInput = Partial<Pick<TaskCreate, 'accountId' | 'opportunityId' | 'contactId'>>;

export function presentTask({ t, assigneeName, accountName, opportunityName, contactName }: Listed): Task {
  return {
    id: t.id,
    title: t.title,
    dueDate: t.dueDate,
    assigneeId: t.assigneeId,
    assigneeName,
    accountId: t.accountId,
    accountName,
    opportunityId: t.opportunityId,
    opportunityName,
    contactId: t.contactId,
    contactName,
    activityId: t.activityId,
    notes: t.notes,
    done: t.done,
    doneAt: t.doneAt?.toISOString() ?? null,
    createdById: t.createdBy,
    createdAt: t.createdAt.toISOString(),
    version: t.version,
  };
}

/**
 * The account, deal and contact a task is about must agree: a deal or contact given without an
 * account brings its own; one of another account is refused. Newly given links must be visible
 * to the caller; links kept from before are only checked for agreement.
 */
async function resolveLinks(tx: Db, actor: Actor, current: Links | null, input: LinkInput): Promise<Links> {
  const r = tasksRepository(tx);
  const pick = <K extends keyof Links>(k: K) => (input[k] !== undefined ? (input[k] ?? null) : (current?.[k] ?? null));
  let accountId = pick('accountId');
  const opportunityId = pick('opportunityId');
  const contactId = pick('contactId');
  if (input.accountId && !(await visibleAccount(tx, actor, input.accountId)))
    throw fieldError('accountId', 'unknown_account');
  let dealAccount: string | undefined;
  if (opportunityId) {
    dealAccount = input.opportunityId
      ? await r.visibleDealAccount(actor, opportunityId)
      : await r.dealAccount(actor.orgId, opportunityId);
    if (!dealAccount) throw fieldError('opportunityId', 'unknown_opportunity');
  }
  let contactAccount: string | undefined;
  if (contactId) {
    contactAccount = input.contactId
      ? await r.visibleContactAccount(actor, contactId)
      : await r.contactAccount(actor.orgId, contactId);
    if (!contactAccount) throw fieldError('contactId', 'unknown_contact');
  }
  accountId ??= dealAccount ?? contactAccount ?? null;
  if (dealAccount && dealAccount !== accountId) throw fieldError('opportunityId', 'other_account_opportunity');
  if (contactAccount && contactAccount !== accountId) throw fieldError('contactId', 'other_account_contact');
  return { accountId, opportunityId, contactId };
}

/**
 * A task goes to someone in the caller's data scope or on the team of its account, never to anyone
 * in the organisation; a call's follow-up task (activities) follows the same rule.
 */
export async function checkTaskAssignee(
  tx: Db,
  actor: Actor,
  field: string,
  assigneeId: string,
  accountId: string | null,
) {
  if (!(await activeUserIds(tx, actor.orgId, [assigneeId])).has(assigneeId)) throw fieldError(field, 'unknown_user');
  if (!(await tasksRepository(tx).assignees(actor, accountId, assigneeId)).length)
    throw fieldError(field, 'task_not_assignable');
}

async function insertTask(tx: Db, actor: Actor, input: TaskCreate): Promise<string> {
  const assigneeId = input.assigneeId ?? actor.userId;
  const links = await resolveLinks(tx, actor, null, input);
  await checkTaskAssignee(tx, actor, 'assigneeId', assigneeId, links.accountId);
  const now = new Date();
  const id = newId();
  const row: NewTask = {
    orgId: actor.orgId,
    id,
    title: input.title.trim(),
    dueDate: input.dueDate,
    assigneeId,
    ...links,
    notes: input.notes ?? null,
    done: input.done ?? false,
    doneAt: input.done ? now : null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await tasksRepository(tx).insert(row);
  return id;
}

export function tasksService(db: Db) {
  const repo = tasksRepository(db);

  async function get(actor: Actor, id: string): Promise<Task> {
    const row = await repo.get(actor, id);
    if (!row) throw notFound();
    return presentTask(row);
  }

  return {
    get,

    /** Whom the caller may hand a task on this account (or on none): the assignee picker's list. */
    async assignees(actor: Actor, q: TaskAssigneesQuery): Promise<TaskAssignees> {
      if (q.accountId && !(await visibleAccount(db, actor, q.accountId)))
        throw fieldError('query.accountId', 'unknown_account');
      return { items: await repo.assignees(actor, q.accountId ?? null) };
    },

    async list(actor: Actor, query: TaskListQuery): Promise<PageOf<Task>> {
      const today = localDate(new Date(), await orgTimeZone(db, actor.orgId));
      const { rows, nextCursor } = await keysetPage(
        query,
        (args) => repo.list(actor, { query, today, ...args }),
        ({ t }) => [taskCursorValue(t), t.id],
      );
      return { items: rows.map(presentTask), nextCursor };
    },

    /** The list's totals for the same filter: every match in scope, not the page. */
    async summary(actor: Actor, query: TaskListQuery): Promise<ListSummary> {
      const today = localDate(new Date(), await orgTimeZone(db, actor.orgId));
      return repo.summary(actor, query, query.q ? searchQuery(query.q) : null, today);
    },

    async create(actor: Actor, input: TaskCreate): Promise<Task> {
      assertCan(actor, 'create', 'task');
      const id = await db.transaction((tx) => insertTask(tx, actor, input));
      return get(actor, id);
    },

    async update(actor: Actor, id: string, input: TaskUpdate): Promise<Task> {
      assertCan(actor, 'update', 'task');
      await db.transaction(async (tx) => {
        const r = tasksRepository(tx);
        const current = await r.lockForWrite(actor, id);
        if (!current) throw notFound();
        if (current.version !== input.version) throw staleVersion();
        const { version, title, assigneeId, accountId, opportunityId, contactId, done, ...rest } = input;
        const patch: Partial<NewTask> = {
          ...rest,
          ...(await resolveLinks(tx, actor, current, { accountId, opportunityId, contactId })),
        };
        // Only a new assignee is checked: keeping who has the task assigns no one.
        if (assigneeId !== undefined && assigneeId !== current.assigneeId)
          await checkTaskAssignee(tx, actor, 'assigneeId', assigneeId, patch.accountId ?? null);
        if (title !== undefined) patch.title = title.trim();
        if (assigneeId !== undefined) patch.assigneeId = assigneeId;
        if (done !== undefined && done !== current.done)
          Object.assign(patch, { done, doneAt: done ? new Date() : null });
        // Nothing changed: no new version.
        if (!diffFields(current, patch, ['doneAt']).length) return;
        if (!(await r.update(actor.orgId, id, version, patch))) throw staleVersion();
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string) {
      assertCan(actor, 'delete', 'task');
      await db.transaction(async (tx) => {
        const r = tasksRepository(tx);
        if (!(await r.lockForWrite(actor, id))) throw notFound();
        await r.remove(actor.orgId, id);
      });
    },
  };
}
