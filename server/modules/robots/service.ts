// A team's group robots (issue 23, item 3), an admin's: which 企业微信 / 钉钉 / 飞书 group gets which
// events, with the signing secret written and never read back. Rows of the webhooks' table by kind,
// stored and queued through that module's service; changes are written to the history (entity 'robot')
// so the audit log shows who pointed the team's news where.
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { historyWriter } from '../../kernel/history.ts';
import { fieldError, notFound, staleVersion } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { diffFields, initialFields } from '../../../core/diff.ts';
import type { DeliveryDetail, DeliveryPage, DeliveryQuery } from '../../../core/schemas/webhooks.ts';
import {
  ROBOT_KINDS,
  type Robot,
  type RobotCreate,
  type RobotKind,
  type RobotList,
  type RobotListQuery,
  type RobotUpdate,
} from '../../../core/schemas/robots.ts';
import {
  checkTargetUrl,
  integrationTargets,
  webhooksService,
  type TargetRecent,
  type TargetRow,
} from '../webhooks/service.ts';
import { teamMembers, teamsService } from '../teams/service.ts';
import { formatFor } from './formats.ts';
import { linkBase, testMessage } from './message.ts';
import { robotSecretProblem, robotUrlProblem, SERVICES } from './url.ts';

type RobotRow = TargetRow & { kind: RobotKind; teamId: string };

const isRobot = (row: TargetRow | undefined): row is RobotRow =>
  !!row && !!row.teamId && (ROBOT_KINDS as readonly string[]).includes(row.kind);

const NO_RECENT: TargetRecent = { delivered: 0, pending: 0, failed: 0 };

const present = (row: RobotRow, teamName: string, recent: TargetRecent = NO_RECENT): Robot => ({
  id: row.id,
  teamId: row.teamId,
  teamName,
  kind: row.kind,
  name: row.name,
  url: row.url,
  events: row.events,
  secretSet: !!row.secret,
  active: row.active,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  recent,
});

/** What the history keeps of a robot: never its secret, only that it changed. */
const logged = (r: Partial<TargetRow>) => ({
  name: r.name,
  kind: r.kind,
  teamId: r.teamId,
  url: r.url,
  events: r.events,
  active: r.active,
});

export function robotsService(db: Db, opts: { publicUrl?: string }) {
  const targets = integrationTargets(db);
  const webhooks = webhooksService(db);
  const teams = teamsService(db);

  async function mine(actor: Actor, id: string): Promise<RobotRow> {
    const row = await targets.get(actor.orgId, id);
    if (!isRobot(row)) throw notFound();
    return row;
  }

  async function teamNames(actor: Actor): Promise<Map<string, string>> {
    return new Map((await teams.list(actor)).items.map((t) => [t.id, t.name]));
  }

  async function checkTeam(actor: Actor, teamId: string) {
    if (!(await teamMembers(db, actor.orgId, teamId))) throw fieldError('teamId', 'unknown_team');
  }

  async function checkUrl(actor: Actor, kind: RobotKind, text: string): Promise<string> {
    const url = await checkTargetUrl(db, actor.orgId, text);
    const problem = robotUrlProblem(kind, url);
    if (problem) throw fieldError('url', 'robot_url_kind', problem);
    return url;
  }

  /** A secret to keep (trimmed), none (null), or unchanged (undefined). */
  function checkSecret(kind: RobotKind, secret: string | null | undefined): string | null | undefined {
    const s = secret?.trim();
    if (secret === null || s === '') return null;
    if (s === undefined) return undefined;
    const problem = robotSecretProblem(kind, s);
    if (problem) throw fieldError('secret', problem);
    return s;
  }

  async function get(actor: Actor, id: string): Promise<Robot> {
    assertCan(actor, 'read', 'webhook');
    const row = await mine(actor, id);
    return present(row, (await teamNames(actor)).get(row.teamId) ?? '', (await targets.recent(actor.orgId)).get(id));
  }

  return {
    get,

    async list(actor: Actor, q: RobotListQuery = {}): Promise<RobotList> {
      assertCan(actor, 'read', 'webhook');
      const [rows, names, recent] = await Promise.all([
        targets.list(actor.orgId, ROBOT_KINDS),
        teamNames(actor),
        targets.recent(actor.orgId),
      ]);
      return {
        items: rows
          .filter(isRobot)
          .filter((r) => !q.teamId || r.teamId === q.teamId)
          .map((r) => present(r, names.get(r.teamId) ?? '', recent.get(r.id))),
        publicUrl: linkBase(opts.publicUrl),
      };
    },

    async create(actor: Actor, input: RobotCreate): Promise<Robot> {
      assertCan(actor, 'create', 'webhook');
      await checkTeam(actor, input.teamId);
      const url = await checkUrl(actor, input.kind, input.url);
      const secret = checkSecret(input.kind, input.secret) ?? null;
      const id = newId();
      const teamName = (await teamNames(actor)).get(input.teamId) ?? '';
      const row = {
        orgId: actor.orgId,
        id,
        kind: input.kind,
        name: input.name?.trim() || `${teamName} · ${SERVICES[input.kind].name}`,
        url,
        events: input.events,
        secret,
        teamId: input.teamId,
        active: input.active ?? true,
        createdBy: actor.userId,
      };
      await db.transaction(async (tx) => {
        await integrationTargets(tx).insert(row);
        const changes = initialFields(logged(row));
        if (secret) changes.push({ field: 'secret', old: null, new: '…' });
        await historyWriter(tx).record(actor.orgId, 'robot', id, 'create', actor.userId, changes);
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, input: RobotUpdate): Promise<Robot> {
      assertCan(actor, 'update', 'webhook');
      const current = await mine(actor, id);
      const patch: Partial<TargetRow> = {};
      if (input.teamId !== undefined && input.teamId !== current.teamId) {
        await checkTeam(actor, input.teamId);
        patch.teamId = input.teamId;
      }
      if (input.url !== undefined) patch.url = await checkUrl(actor, current.kind, input.url);
      if (input.events !== undefined) patch.events = input.events;
      if (input.active !== undefined) patch.active = input.active;
      if (input.name !== undefined) patch.name = input.name.trim() || current.name;
      const secret = checkSecret(current.kind, input.secret);
      if (secret !== undefined) patch.secret = secret;
      await db.transaction(async (tx) => {
        if (!(await integrationTargets(tx).update(actor.orgId, id, input.version, patch))) throw staleVersion();
        const changes = diffFields(logged(current), logged({ ...current, ...patch }));
        if (secret !== undefined && secret !== current.secret)
          changes.push({ field: 'secret', old: current.secret ? '…' : null, new: secret ? '…' : null });
        if (changes.length) await historyWriter(tx).record(actor.orgId, 'robot', id, 'update', actor.userId, changes);
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      assertCan(actor, 'delete', 'webhook');
      const current = await mine(actor, id);
      await db.transaction(async (tx) => {
        await integrationTargets(tx).remove(actor.orgId, id);
        await historyWriter(tx).record(
          actor.orgId,
          'robot',
          id,
          'delete',
          actor.userId,
          initialFields(logged(current)),
        );
      });
    },

    /** A test message to the group, sent like any other (signed, judged, logged, retried). */
    async test(actor: Actor, id: string): Promise<DeliveryDetail> {
      assertCan(actor, 'update', 'webhook');
      const robot = await mine(actor, id);
      const teamName = (await teamNames(actor)).get(robot.teamId) ?? '';
      const deliveryId = newId();
      await targets.enqueue([
        {
          orgId: actor.orgId,
          id: deliveryId,
          webhookId: robot.id,
          event: 'robot.test',
          entityType: 'robot',
          entityId: robot.id,
          actorId: actor.userId,
          occurredAt: new Date(),
          body: formatFor(robot.kind, testMessage(robot.name, teamName, linkBase(opts.publicUrl))),
        },
      ]);
      return webhooks.delivery(actor, deliveryId);
    },

    /** The robot's messages, newest first: the delivery log, which says why one did not arrive. */
    async deliveries(actor: Actor, id: string, q: DeliveryQuery): Promise<DeliveryPage> {
      assertCan(actor, 'read', 'webhook');
      await mine(actor, id);
      return webhooks.deliveries(actor, id, q);
    },
  };
}
