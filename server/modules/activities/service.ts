import { bothReads, type Db } from '../../db/client.ts';
import { subjectRenderings } from '../../../core/generated-subject.ts';
import { activitiesRepository, type ActivityRow, type ListedActivity, type NewActivity } from './repository.ts';
import { presentActivity } from './present.ts';
import { activeUserIds, visibleAccount } from '../accounts/service.ts';
import { historyWriter } from '../../kernel/history.ts';
import { moveToBin } from '../../db/trash.ts';
import { opportunitiesService } from '../opportunities/service.ts';
import { requireActiveType } from '../activity-types/service.ts';
import { checkTaskAssignee } from '../tasks/service.ts';
import { fieldError, notFound, staleVersion } from '../../lib/errors.ts';
import { assertCan, userInScope, type Actor } from '../../access/index.ts';
import { newId } from '../../lib/ids.ts';
import { keysetPage } from '../../lib/cursor.ts';
import { diffFields, initialFields } from '../../../core/diff.ts';
import { addDays, DAY_MS, dayStart, localDate } from '../../../core/time.ts';
import { orgTimeZone } from '../../kernel/settings.ts';
import { tooEarlyToLog } from '../../../core/call-log.ts';
import type {
  Activity,
  ActivityComplete,
  ActivityCompleted,
  ActivityCreate,
  ActivityListQuery,
  ActivityUpdate,
  AutoLater,
  AutoLaterQuery,
} from '../../../core/schemas/activities.ts';
import type { ListSummary, PageOf } from '../../../core/schemas/common.ts';
import { searchQuery } from '../../../core/search.ts';

/** Longer than this is not a call but a project; the calendar's window query relies on the bound. */
export const MAX_ACTIVITY_DAYS = 31;
// A generated subject's code and parameters change only with the subject, which history records.
const HISTORY_IGNORED = ['version', 'updatedAt', 'completedAt', 'subjectKey', 'subjectParams'] as const;

type Refs = Partial<
  Pick<ActivityCreate, 'type' | 'opportunityId' | 'contactIds' | 'userIds' | 'ownerId' | 'plannedStart' | 'plannedEnd'>
>;

/** Dates as ISO strings, so history compares and stores them as the API shows them. */
const historyView = (a: Partial<NewActivity>) => ({
  ...a,
  plannedStart: a.plannedStart?.toISOString(),
  plannedEnd: a.plannedEnd?.toISOString(),
});

/**
 * A deal's last activity follows its done calls (the Blue Sheet's stale flag): recompute it and
 * re-judge the deal in the caller's transaction whenever a done call is added, moved or removed.
 */
export async function touchDeals(tx: Db, orgId: string, ids: (string | null | undefined)[]) {
  for (const id of new Set(ids.filter((x): x is string => !!x))) {
    await activitiesRepository(tx).refreshLastActivity(orgId, id);
    await opportunitiesService(tx).rejudge(tx, orgId, id);
  }
}

export function activitiesService(db: Db, opts: { countCap?: number } = {}) {
  const countCap = opts.countCap ?? 1_000;
  const repo = activitiesRepository(db);

  /** The start of the organisation's day `days` days after today's: "more than n days out" begins there plus one. */
  async function daysAhead(actor: Actor, days: number, now: Date): Promise<Date> {
    const zone = await orgTimeZone(db, actor.orgId);
    return dayStart(addDays(localDate(now, zone), days + 1), zone);
  }

  async function presentMany(actor: Actor, rows: ListedActivity[]): Promise<Activity[]> {
    const ids = rows.map((r) => r.a.id);
    const [contacts, users] = await Promise.all([repo.contactsOf(actor.orgId, ids), repo.usersOf(actor.orgId, ids)]);
    return rows.map((r) => presentActivity(r, { contacts, users }, actor.lang));
  }

  async function get(actor: Actor, id: string): Promise<Activity> {
    const row = await repo.get(actor, id);
    if (!row) throw notFound();
    return (await presentMany(actor, [row]))[0];
  }

  /** The owner is the caller or someone in their data scope (as deals' owners are). */
  async function checkAssignable(tx: Db, actor: Actor, field: string, userId: string) {
    if (!(await activeUserIds(tx, actor.orgId, [userId])).has(userId)) throw fieldError(field, 'unknown_user');
    if (!userInScope(actor, userId)) throw fieldError(field, 'not_assignable');
  }

  /** Every rule on what an activity points at; runs on the caller's transaction before anything is written. */
  async function checkRefs(tx: Db, actor: Actor, accountId: string, input: Refs, current?: ActivityRow) {
    const r = activitiesRepository(tx);
    if (input.type !== undefined && input.type !== current?.type) await requireActiveType(tx, actor.orgId, input.type);
    const start = input.plannedStart ? new Date(input.plannedStart) : current!.plannedStart;
    const end = input.plannedEnd ? new Date(input.plannedEnd) : current!.plannedEnd;
    if (end < start) throw fieldError('plannedEnd', 'end_before_start');
    if (end.getTime() - start.getTime() > MAX_ACTIVITY_DAYS * DAY_MS)
      throw fieldError('plannedEnd', 'activity_too_long', { days: MAX_ACTIVITY_DAYS });
    if (input.opportunityId && input.opportunityId !== current?.opportunityId) {
      const deal = await r.visibleOpportunity(actor, input.opportunityId);
      if (!deal) throw fieldError('opportunityId', 'unknown_opportunity');
      if (deal.accountId !== accountId) throw fieldError('opportunityId', 'other_account_opportunity');
    }
    if (input.contactIds?.length) {
      const accountOf = await r.contactAccounts(actor.orgId, input.contactIds);
      for (const id of input.contactIds) {
        if (!accountOf.has(id)) throw fieldError('contactIds', 'unknown_contact');
        if (accountOf.get(id) !== accountId) throw fieldError('contactIds', 'other_account_contact');
      }
    }
    if (input.userIds?.length) {
      const known = await activeUserIds(tx, actor.orgId, input.userIds);
      if (input.userIds.some((u) => !known.has(u))) throw fieldError('userIds', 'unknown_user');
    }
    if (input.ownerId && input.ownerId !== current?.ownerId) await checkAssignable(tx, actor, 'ownerId', input.ownerId);
  }

  /** Done stamps when it was logged; leaving done clears it. */
  function statusPatch(status: string | undefined, now: Date, current?: ActivityRow): Partial<NewActivity> {
    if (status === undefined || status === current?.status) return {};
    return { status, completedAt: status === 'done' ? now : null };
  }

  /** A done call has happened: one still more than a day ahead must be moved before it is logged. */
  function checkDoneDate(plannedStart: Date | string, now: Date) {
    if (tooEarlyToLog(plannedStart, now)) throw fieldError('plannedStart', 'done_in_future');
  }

  return {
    get,

    async list(actor: Actor, query: ActivityListQuery, now = new Date()): Promise<PageOf<Activity>> {
      const autoFrom =
        query.autoWithinDays === undefined ? undefined : await daysAhead(actor, query.autoWithinDays, now);
      const { rows, nextCursor } = await keysetPage(
        query,
        (args) => repo.list(actor, { query: { ...query, autoFrom }, ...args }),
        ({ a }) => [a.plannedStart.toISOString(), a.id],
      );
      return { items: await presentMany(actor, rows), nextCursor };
    },

    /** The list's totals for the same filter (the same scheduled calls left out): every match in scope. */
    async summary(actor: Actor, query: ActivityListQuery, now = new Date()): Promise<ListSummary> {
      const autoFrom =
        query.autoWithinDays === undefined ? undefined : await daysAhead(actor, query.autoWithinDays, now);
      return repo.summary(actor, { ...query, autoFrom }, query.q ? searchQuery(query.q) : null, countCap);
    },

    /** The scheduled follow-ups the list leaves out with autoWithinDays, counted per deal. */
    async autoLater(actor: Actor, query: AutoLaterQuery, now = new Date()): Promise<AutoLater> {
      const { afterDays, ...filters } = query;
      const rows = await repo.autoLater(actor, filters, await daysAhead(actor, afterDays, now));
      return {
        total: rows.reduce((n, r) => n + r.count, 0),
        deals: rows.slice(0, 100).map((r) => ({ ...r, first: r.first.toISOString(), last: r.last.toISOString() })),
      };
    },

    async create(actor: Actor, input: ActivityCreate): Promise<Activity> {
      assertCan(actor, 'create', 'activity');
      const id = newId();
      await db.transaction(async (tx) => {
        const r = activitiesRepository(tx);
        if (!(await visibleAccount(tx, actor, input.accountId))) throw fieldError('accountId', 'unknown_account');
        await checkRefs(tx, actor, input.accountId, input);
        const { contactIds = [], userIds = [], ...fields } = input;
        const now = new Date();
        if (fields.status === 'done') checkDoneDate(fields.plannedStart, now);
        const row: NewActivity = {
          ...fields,
          ...statusPatch(fields.status ?? 'planned', now),
          subject: fields.subject.trim(),
          plannedStart: new Date(fields.plannedStart),
          plannedEnd: new Date(fields.plannedEnd),
          ownerId: fields.ownerId ?? actor.userId,
          orgId: actor.orgId,
          id,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        };
        await r.insert([row]);
        await r.replaceContacts(actor.orgId, id, contactIds);
        // The owner is not listed again among our attendees.
        await r.replaceUsers(
          actor.orgId,
          id,
          userIds.filter((u) => u !== row.ownerId),
          row.plannedStart,
        );
        const { orgId: _o, id: _i, createdBy: _c, createdAt: _ca, updatedAt: _u, ...logged } = historyView(row);
        await historyWriter(tx).record(
          actor.orgId,
          'activity',
          id,
          'create',
          actor.userId,
          initialFields({ ...logged, contactIds, userIds }, HISTORY_IGNORED),
        );
        if (row.status === 'done') await touchDeals(tx, actor.orgId, [row.opportunityId]);
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, input: ActivityUpdate): Promise<Activity> {
      assertCan(actor, 'update', 'activity');
      await db.transaction(async (tx) => {
        const r = activitiesRepository(tx);
        const current = await r.lockForWrite(actor, id);
        if (!current) throw notFound();
        if (current.version !== input.version) throw staleVersion();
        await checkRefs(tx, actor, current.accountId, input, current);
        const { version, contactIds, userIds, plannedStart, plannedEnd, status, ...fields } = input;
        const now = new Date();
        // Becoming done, or a done call moved: either way a done call would lie in the future.
        const moved = plannedStart !== undefined && Date.parse(plannedStart) !== current.plannedStart.getTime();
        if ((status ?? current.status) === 'done' && (moved || current.status !== 'done'))
          checkDoneDate(plannedStart ?? current.plannedStart, now);
        const patch: Partial<NewActivity> = { ...fields, ...statusPatch(status, now, current) };
        if (fields.subject !== undefined) {
          const subject = fields.subject.trim();
          // A generated subject sent back as shown (in either language) stays generated, so it keeps
          // following the reader's language; any other text is the person's own.
          if (current.subjectKey && subjectRenderings(current).includes(subject)) delete patch.subject;
          else Object.assign(patch, { subject, subjectKey: null, subjectParams: null });
        }
        if (plannedStart) patch.plannedStart = new Date(plannedStart);
        if (plannedEnd) patch.plannedEnd = new Date(plannedEnd);
        const changes = diffFields(historyView(current), historyView(patch), HISTORY_IGNORED);
        const ownerId = patch.ownerId ?? current.ownerId;
        const before = await bothReads(
          tx,
          () => r.contactsOf(actor.orgId, [id]),
          () => r.usersOf(actor.orgId, [id]),
        );
        if (contactIds)
          changes.push(
            ...diffFields({ contactIds: before[0].map((c) => c.id).sort() }, { contactIds: [...contactIds].sort() }),
          );
        const attendees = userIds?.filter((u) => u !== ownerId);
        if (attendees)
          changes.push(
            ...diffFields({ userIds: before[1].map((u) => u.id).sort() }, { userIds: [...attendees].sort() }),
          );
        if (!changes.length) return;
        if (!(await r.update(actor.orgId, id, version, patch))) throw staleVersion();
        if (contactIds) await r.replaceContacts(actor.orgId, id, contactIds);
        if (attendees) await r.replaceUsers(actor.orgId, id, attendees, patch.plannedStart ?? current.plannedStart);
        else if (patch.plannedStart) await r.moveUsers(actor.orgId, id, patch.plannedStart);
        await historyWriter(tx).record(actor.orgId, 'activity', id, 'update', actor.userId, changes);
        if (current.status === 'done' || patch.status === 'done')
          await touchDeals(tx, actor.orgId, [current.opportunityId, patch.opportunityId]);
      });
      return get(actor, id);
    },

    /** Logs the call: done now, what came of it, and optionally the follow-up task from its next steps. */
    async complete(actor: Actor, id: string, input: ActivityComplete): Promise<ActivityCompleted> {
      assertCan(actor, 'update', 'activity');
      let followUpTaskId: string | null = null;
      await db.transaction(async (tx) => {
        const r = activitiesRepository(tx);
        const current = await r.lockForWrite(actor, id);
        if (!current) throw notFound();
        if (current.version !== input.version) throw staleVersion();
        const { version, followUp, ...fields } = input;
        const now = new Date();
        checkDoneDate(current.plannedStart, now);
        // The follow-up is a task like any other (the call's owner may always have it).
        if (followUp?.assigneeId && followUp.assigneeId !== current.ownerId)
          await checkTaskAssignee(tx, actor, 'followUp.assigneeId', followUp.assigneeId, current.accountId);
        const patch: Partial<NewActivity> = { ...fields, ...statusPatch('done', now, current) };
        if (!(await r.update(actor.orgId, id, version, patch))) throw staleVersion();
        if (followUp) {
          followUpTaskId = newId();
          await r.insertTask({
            orgId: actor.orgId,
            id: followUpTaskId,
            title: followUp.title.trim(),
            dueDate: followUp.dueDate,
            assigneeId: followUp.assigneeId ?? current.ownerId,
            accountId: current.accountId,
            opportunityId: current.opportunityId,
            activityId: id,
            notes: fields.nextSteps ?? current.nextSteps,
            createdBy: actor.userId,
          });
        }
        await historyWriter(tx).record(
          actor.orgId,
          'activity',
          id,
          'update',
          actor.userId,
          diffFields(historyView(current), historyView(patch), HISTORY_IGNORED),
        );
        await touchDeals(tx, actor.orgId, [current.opportunityId]);
      });
      return { ...(await get(actor, id)), followUpTaskId };
    },

    async remove(actor: Actor, id: string) {
      assertCan(actor, 'delete', 'activity');
      await db.transaction(async (tx) => {
        const r = activitiesRepository(tx);
        const current = await r.lockForWrite(actor, id);
        if (!current) throw notFound();
        await moveToBin(tx, actor.orgId, actor.userId, 'activity', id, {
          name: current.subject,
          accountId: current.accountId,
          ownerId: current.ownerId,
        });
        await historyWriter(tx).record(actor.orgId, 'activity', id, 'delete', actor.userId, [
          { field: 'subject', old: current.subject, new: null },
        ]);
        if (current.status === 'done') await touchDeals(tx, actor.orgId, [current.opportunityId]);
      });
    },
  };
}
