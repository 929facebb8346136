import { and, asc, eq, gte, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { PageArgs } from '../../lib/cursor.ts';
import { fieldError } from '../../lib/errors.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { accounts, contacts, opportunities, tasks, users } from '../../db/schema.ts';
import { accountVisible, taskAssignable, taskVisible, type Actor } from '../../access/index.ts';
import type { TaskListQuery } from '../../../core/schemas/tasks.ts';

export type TaskRow = typeof tasks.$inferSelect;
export type NewTask = typeof tasks.$inferInsert;
export type TaskListArgs = PageArgs & { query: TaskListQuery; today: string };

/** The list's keyset value: open before done, then by due date ("0:2027-03-01"). */
export const taskCursorValue = (t: Pick<TaskRow, 'done' | 'dueDate'>) => `${t.done ? 1 : 0}:${t.dueDate}`;

function afterCursor(after: PageArgs['after']): SQL | undefined {
  if (!after) return undefined;
  const m = typeof after[0] === 'string' ? /^([01]):(\d{4}-\d{2}-\d{2})$/.exec(after[0]) : null;
  if (!m) throw fieldError('query.cursor', 'invalid');
  return sql`(${tasks.done}, ${tasks.dueDate}, ${tasks.id}) > (${m[1] === '1'}, ${m[2]}::date, ${after[1]}::uuid)`;
}

/** The list's filter, shared by the page and its totals. */
function filters(actor: Actor, query: TaskListQuery, search: PageArgs['search'], today: string) {
  const where: (SQL | undefined)[] = [taskVisible(actor)];
  if (query.assigneeId) where.push(eq(tasks.assigneeId, query.assigneeId));
  if (query.accountId) where.push(eq(tasks.accountId, query.accountId));
  if (query.opportunityId) where.push(eq(tasks.opportunityId, query.opportunityId));
  if (query.contactId) where.push(eq(tasks.contactId, query.contactId));
  if (query.done !== undefined) where.push(eq(tasks.done, query.done));
  if (query.dueFrom) where.push(gte(tasks.dueDate, query.dueFrom));
  if (query.dueTo) where.push(lte(tasks.dueDate, query.dueTo));
  if (query.overdue === true) where.push(eq(tasks.done, false), lt(tasks.dueDate, today));
  if (query.overdue === false) where.push(or(eq(tasks.done, true), gte(tasks.dueDate, today)));
  if (search) where.push(sql`strpos(lower(${tasks.title}), lower(${query.q?.trim() ?? ''})) > 0`);
  return where;
}

export function tasksRepository(db: Db) {
  const select = () =>
    db
      .select({
        t: tasks,
        assigneeName: users.name,
        accountName: accounts.name,
        opportunityName: opportunities.name,
        contactName: contacts.name,
      })
      .from(tasks)
      .innerJoin(users, and(eq(users.orgId, tasks.orgId), eq(users.id, tasks.assigneeId)))
      .leftJoin(accounts, and(eq(accounts.orgId, tasks.orgId), eq(accounts.id, tasks.accountId)))
      .leftJoin(opportunities, and(eq(opportunities.orgId, tasks.orgId), eq(opportunities.id, tasks.opportunityId)))
      .leftJoin(contacts, and(eq(contacts.orgId, tasks.orgId), eq(contacts.id, tasks.contactId)));

  return {
    async list(actor: Actor, { query, search, after, limit, today }: TaskListArgs) {
      const where = filters(actor, query, search, today);
      where.push(afterCursor(after));
      return select()
        .where(and(...where))
        .orderBy(asc(tasks.done), asc(tasks.dueDate), asc(tasks.id))
        .limit(limit);
    },

    /** 共 N 条 over every task the list's filter matches (the account joined for the scope rule). */
    async summary(actor: Actor, query: TaskListQuery, search: PageArgs['search'], today: string) {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(tasks)
        .leftJoin(accounts, and(eq(accounts.orgId, tasks.orgId), eq(accounts.id, tasks.accountId)))
        .where(and(...filters(actor, query, search, today)));
      return { count: row?.count ?? 0 };
    },

    async get(actor: Actor, id: string) {
      const [row] = await select().where(and(taskVisible(actor), eq(tasks.id, id)));
      return row;
    },

    async lockForWrite(actor: Actor, id: string) {
      const [row] = await db
        .select({ t: tasks })
        .from(tasks)
        .leftJoin(accounts, and(eq(accounts.orgId, tasks.orgId), eq(accounts.id, tasks.accountId)))
        .where(and(taskVisible(actor), eq(tasks.id, id)))
        .for('update', { of: tasks });
      return row?.t;
    },

    insert: (row: NewTask) => db.insert(tasks).values(row),

    update: (orgId: string, id: string, version: number, patch: Partial<NewTask>) =>
      updateVersioned(db, tasks, orgId, id, version, patch),

    remove: (orgId: string, id: string) => db.delete(tasks).where(and(eq(tasks.orgId, orgId), eq(tasks.id, id))),

    /** The account of a deal the caller can see, or undefined. */
    async visibleDealAccount(actor: Actor, id: string) {
      const [row] = await db
        .select({ accountId: opportunities.accountId })
        .from(opportunities)
        .innerJoin(accounts, and(eq(accounts.orgId, opportunities.orgId), eq(accounts.id, opportunities.accountId)))
        .where(and(eq(opportunities.orgId, actor.orgId), eq(opportunities.id, id), accountVisible(actor)));
      return row?.accountId;
    },

    /** The account of a contact the caller can see, or undefined. */
    async visibleContactAccount(actor: Actor, id: string) {
      const [row] = await db
        .select({ accountId: contacts.accountId })
        .from(contacts)
        .innerJoin(accounts, and(eq(accounts.orgId, contacts.orgId), eq(accounts.id, contacts.accountId)))
        .where(and(eq(contacts.orgId, actor.orgId), eq(contacts.id, id), accountVisible(actor)));
      return row?.accountId;
    },

    /**
     * Active people the caller may hand a task: those in their data scope, and the owner and members
     * of the task's account (an account team works across teams). `only` narrows it to one person.
     */
    assignees(actor: Actor, accountId: string | null, only?: string) {
      return db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(taskAssignable(actor, accountId), eq(users.active, true), only ? eq(users.id, only) : undefined))
        .orderBy(asc(users.name), asc(users.id));
    },

    /** Links kept from before an edit are checked for consistency, not re-checked for scope. */
    async dealAccount(orgId: string, id: string) {
      const [row] = await db
        .select({ accountId: opportunities.accountId })
        .from(opportunities)
        .where(and(eq(opportunities.orgId, orgId), eq(opportunities.id, id)));
      return row?.accountId;
    },

    async contactAccount(orgId: string, id: string) {
      const [row] = await db
        .select({ accountId: contacts.accountId })
        .from(contacts)
        .where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)));
      return row?.accountId;
    },
  };
}
