// The morning's overdue follow-ups (followups.overdue): each organisation's robots that take it get, from
// 08:00 in the organisation's time zone, one message a day listing their team's overdue tasks and the
// calls past their day not yet logged — none when there are none. A scheduled job (main.ts) offers it
// every few minutes until noon; the delivery's id is made of the robot and the day, so however many
// ticks, instances or restarts offer it, the queue holds one (webhooks' enqueue leaves a known id alone).
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { systemActor } from '../../access/index.ts';
import { orgTimeZone } from '../../kernel/settings.ts';
import { integrationTargets, type QueuedDelivery, type TargetRow } from '../webhooks/service.ts';
import { teamMembers, teamsService } from '../teams/service.ts';
import { UNLOGGED_LOOKBACK_DAYS } from '../reminders/service.ts';
import { subjectIn } from '../../../core/generated-subject.ts';
import { addDays, dayStart, localParts } from '../../../core/time.ts';
import { ROBOT_KINDS, type RobotKind } from '../../../core/schemas/robots.ts';
import { formatFor } from './formats.ts';
import { digestMessage, linkBase, type Overdue } from './message.ts';
import { robotsRepository } from './repository.ts';

export const DIGEST_EVENT = 'followups.overdue';
/** From this hour of the organisation's day… */
export const DIGEST_FROM_HOUR = 8;
/** …until this one: a digest a restart delayed still goes that morning, not in the afternoon. */
export const DIGEST_UNTIL_HOUR = 12;
/** Lines listed per kind; the rest are counted. */
const LISTED = 10;

/** The same id for the same robot and day, a UUID in form (the delivery table's key). */
export function digestId(robotId: string, date: string): string {
  const h = createHash('sha256').update(`${DIGEST_EVENT}:${robotId}:${date}`).digest('hex');
  // Version 8 (custom) and the RFC 4122 variant: a valid UUID no random one collides with by design.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((Number.parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const isKind = (kind: string): kind is RobotKind => (ROBOT_KINDS as readonly string[]).includes(kind);

export function robotDigest(db: Db, opts: { publicUrl?: string }) {
  const base = linkBase(opts.publicUrl);
  const repo = robotsRepository(db);

  /** A team's overdue follow-ups on `today`, or null when it has none (or no one in it). */
  async function overdueOf(orgId: string, teamId: string, today: string, zone: string): Promise<Overdue | null> {
    const members = await teamMembers(db, orgId, teamId);
    if (!members?.length) return null;
    const [tasks, calls] = await Promise.all([
      repo.overdueTasks(orgId, members, today, LISTED),
      repo.overdueCalls(
        orgId,
        members,
        dayStart(addDays(today, -UNLOGGED_LOOKBACK_DAYS), zone),
        dayStart(today, zone),
        LISTED,
      ),
    ]);
    if (!tasks.total && !calls.total) return null;
    return {
      tasks,
      calls: {
        total: calls.total,
        items: calls.items.map((c) => ({ ...c, subject: subjectIn(c, 'zh') })),
      },
    };
  }

  /** One organisation's digests for today, if its morning has come. */
  async function forOrg(orgId: string, robots: TargetRow[], now: Date): Promise<QueuedDelivery[]> {
    const zone = await orgTimeZone(db, orgId);
    const { date: today, time } = localParts(now, zone);
    const hour = Number(time.slice(0, 2));
    if (hour < DIGEST_FROM_HOUR || hour >= DIGEST_UNTIL_HOUR) return [];
    const teams = teamsService(db);
    const actor = systemActor(orgId);
    const out: QueuedDelivery[] = [];
    for (const teamId of new Set(robots.map((r) => r.teamId).filter((t): t is string => !!t))) {
      const overdue = await overdueOf(orgId, teamId, today, zone);
      if (!overdue) continue;
      const message = digestMessage((await teams.get(actor, teamId)).name, today, zone, overdue, base);
      for (const robot of robots)
        if (robot.teamId === teamId && isKind(robot.kind))
          out.push({
            orgId,
            id: digestId(robot.id, today),
            webhookId: robot.id,
            event: DIGEST_EVENT,
            entityType: 'team',
            entityId: teamId,
            actorId: null,
            occurredAt: now,
            body: formatFor(robot.kind, message),
          });
    }
    return out;
  }

  return {
    /** Queues today's digests that are due and not yet queued; returns how many it queued now. */
    async due(now = new Date()): Promise<number> {
      const targets = integrationTargets(db);
      const robots = await targets.subscribed(ROBOT_KINDS, DIGEST_EVENT);
      const byOrg = new Map<string, TargetRow[]>();
      for (const r of robots) byOrg.set(r.orgId, [...(byOrg.get(r.orgId) ?? []), r]);
      let queued = 0;
      for (const [orgId, mine] of byOrg) queued += (await targets.enqueue(await forOrg(orgId, mine, now), now)).length;
      return queued;
    },
  };
}
