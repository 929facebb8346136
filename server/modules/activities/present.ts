import type { ListedActivity } from './repository.ts';
import type { Activity } from '../../../core/schemas/activities.ts';
import { subjectIn } from '../../../core/generated-subject.ts';
import type { Lang } from '../../../core/messages.ts';

type Attendees = {
  contacts: { activityId: string; id: string; name: string; title: string | null }[];
  users: { activityId: string; id: string; name: string }[];
};

export const minutesBetween = (start: Date, end: Date) => Math.round((end.getTime() - start.getTime()) / 60_000);

export function presentActivity(
  { a, accountName, opportunityName, ownerName }: ListedActivity,
  attendees: Attendees,
  lang: Lang,
): Activity {
  return {
    id: a.id,
    type: a.type,
    subject: subjectIn(a, lang),
    accountId: a.accountId,
    accountName,
    opportunityId: a.opportunityId,
    opportunityName,
    ownerId: a.ownerId,
    ownerName,
    contacts: attendees.contacts
      .filter((c) => c.activityId === a.id)
      .map(({ id, name, title }) => ({ id, name, title })),
    users: attendees.users.filter((u) => u.activityId === a.id).map(({ id, name }) => ({ id, name })),
    plannedStart: a.plannedStart.toISOString(),
    plannedEnd: a.plannedEnd.toISOString(),
    durationMinutes: minutesBetween(a.plannedStart, a.plannedEnd),
    place: a.place,
    objective: a.objective,
    steps: a.steps as string[],
    talkingPoints: a.talkingPoints,
    diningPlan: a.diningPlan,
    status: a.status as Activity['status'],
    outcome: a.outcome,
    nextMeetingProposed: a.nextMeetingProposed,
    nextSteps: a.nextSteps,
    satisfaction: a.satisfaction,
    completedAt: a.completedAt?.toISOString() ?? null,
    autoScheduled: a.autoScheduled,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
  };
}
