// Which events a team's robot posts, and what it says: a deal or call of the team (its owner in the team
// or a team below it); a slipped deal only at a key account (tier A, docs/GLOSSARY.md) while it is open;
// a call only once it is logged with "next meeting proposed". The record is the one the dispatcher read
// (the API's shape); what is not there, or not this team's, posts nothing.
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import type { Db } from '../../db/client.ts';
import { systemActor } from '../../access/index.ts';
import { orgTimeZone } from '../../kernel/settings.ts';
import { teamMembers } from '../teams/service.ts';
import { activityTypesService } from '../activity-types/service.ts';
import type { EventContext, Target } from '../webhooks/channel.ts';
import { Id, Nullable } from '../../../core/schemas/common.ts';
import { dealMessage, meetingMessage, type RobotMessage } from './message.ts';
import { robotsRepository } from './repository.ts';

/** What a deal message needs of the deal as the API returns it. */
const DealRecord = Type.Object({
  id: Id,
  name: Type.String(),
  accountId: Id,
  accountName: Type.String(),
  amount: Type.String(),
  ownerId: Nullable(Id),
  ownerName: Nullable(Type.String()),
  stageName: Type.String(),
  status: Type.String(),
  lostReason: Nullable(Type.String()),
});

/** What a call message needs of the call as the API returns it. */
const CallRecord = Type.Object({
  id: Id,
  type: Type.String(),
  subject: Type.String(),
  accountName: Type.String(),
  opportunityName: Nullable(Type.String()),
  ownerId: Id,
  ownerName: Type.String(),
  plannedStart: Type.String(),
  status: Type.String(),
  outcome: Nullable(Type.String()),
  nextMeetingProposed: Nullable(Type.Boolean()),
  nextSteps: Nullable(Type.String()),
});

/** Whether the person belongs to the robot's team or a team below it. */
async function inTeam(db: Db, orgId: string, teamId: string, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  return (await teamMembers(db, orgId, teamId))?.includes(userId) ?? false;
}

/** The dates a slip moved the expected close between (the history row's change). */
function slip(ctx: EventContext): { from: string; to: string } | null {
  const c = ctx.changes.find((x) => x.field === 'expectedCloseDate');
  return typeof c?.old === 'string' && typeof c.new === 'string' ? { from: c.old, to: c.new } : null;
}

async function dealEvent(
  db: Db,
  target: Target & { teamId: string },
  ctx: EventContext & { event: 'deal.won' | 'deal.lost' | 'deal.slipped' },
  base: string | null,
): Promise<RobotMessage | null> {
  const deal = ctx.record;
  if (!Value.Check(DealRecord, deal)) return null;
  if (!(await inTeam(db, ctx.org.id, target.teamId, deal.ownerId))) return null;
  if (ctx.event !== 'deal.slipped') return dealMessage(ctx.event, deal, base);
  const moved = slip(ctx);
  if (!moved || deal.status !== 'open') return null;
  if ((await robotsRepository(db).accountTier(ctx.org.id, deal.accountId)) !== 'A') return null;
  return dealMessage(ctx.event, deal, base, moved);
}

async function callEvent(
  db: Db,
  target: Target & { teamId: string },
  ctx: EventContext,
  base: string | null,
): Promise<RobotMessage | null> {
  const call = ctx.record;
  if (!Value.Check(CallRecord, call)) return null;
  if (call.status !== 'done' || call.nextMeetingProposed !== true) return null;
  if (!(await inTeam(db, ctx.org.id, target.teamId, call.ownerId))) return null;
  const types = await activityTypesService(db).list(systemActor(ctx.org.id));
  const zone = await orgTimeZone(db, ctx.org.id);
  const typeName = types.items.find((t) => t.key === call.type)?.name ?? call.type;
  return meetingMessage(call, typeName, zone, base);
}

/** The message a team's robot posts for an event from the outbox, or null when it posts nothing. */
export async function composeEvent(
  db: Db,
  target: Target,
  ctx: EventContext,
  base: string | null,
): Promise<RobotMessage | null> {
  const { teamId } = target;
  if (!teamId) return null;
  const mine = { ...target, teamId };
  switch (ctx.event) {
    case 'deal.won':
    case 'deal.lost':
    case 'deal.slipped':
      return dealEvent(db, mine, { ...ctx, event: ctx.event }, base);
    case 'activity.next_meeting':
      return callEvent(db, mine, ctx, base);
    default:
      // followups.overdue is the morning job's (digest.ts), never an outbox row's.
      return null;
  }
}
