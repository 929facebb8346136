// The calls list (visit plans and call logs) as a file (issue 22): the day as a date and the time
// beside it, the kind of call by the name the organisation gave it in the reader's language.
import { dayOf, enumLabel, fieldLabel, timeOf, type ExportSpec } from '../../kernel/export.ts';
import { activityTypesService } from '../activity-types/service.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../access/index.ts';
import type { Activity } from '../../../core/schemas/activities.ts';

const f = (field: Parameters<typeof fieldLabel<'activity'>>[1]) => fieldLabel('activity', field);

/** The spec with the organisation's kinds of call (admins add their own beside the built-in twelve). */
export async function activitiesExport(db: Db, actor: Actor): Promise<ExportSpec<Activity>> {
  const types = new Map(
    (await activityTypesService(db).list(actor)).items.map((t) => [t.key, { zh: t.name, en: t.nameEn ?? t.name }]),
  );
  return {
    list: 'activities',
    title: { zh: '拜访与活动', en: 'Activities' },
    columns: [
      { zh: '日期', en: 'Date', kind: 'date', value: (a, c) => dayOf(a.plannedStart, c) },
      { ...f('plannedStart'), kind: 'text', width: 8, value: (a, c) => timeOf(a.plannedStart, c) },
      { ...f('plannedEnd'), kind: 'text', width: 8, value: (a, c) => timeOf(a.plannedEnd, c) },
      { ...f('type'), kind: 'text', width: 14, value: (a, c) => types.get(a.type)?.[c.lang] ?? a.type },
      { ...f('subject'), kind: 'text', width: 32, value: (a) => a.subject },
      { ...f('accountId'), kind: 'text', width: 32, value: (a) => a.accountName },
      { ...f('opportunityId'), kind: 'text', value: (a) => a.opportunityName },
      { ...f('ownerId'), kind: 'text', width: 12, value: (a) => a.ownerName },
      { ...f('contactIds'), kind: 'text', value: (a) => a.contacts.map((x) => x.name).join(', ') },
      { ...f('userIds'), kind: 'text', value: (a) => a.users.map((x) => x.name).join(', ') },
      { ...f('place'), kind: 'text', value: (a) => a.place },
      { ...f('status'), kind: 'text', width: 10, value: (a, c) => enumLabel('activityStatus', a.status, c.lang) },
      { ...f('objective'), kind: 'text', width: 40, value: (a) => a.objective },
      { ...f('outcome'), kind: 'text', width: 40, value: (a) => a.outcome },
      { ...f('satisfaction'), kind: 'integer', width: 8, value: (a) => a.satisfaction },
      { ...f('completedAt'), kind: 'date', value: (a, c) => dayOf(a.completedAt, c) },
    ],
  };
}
