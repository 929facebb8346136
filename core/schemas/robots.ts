// A team's group robot (issue 23, item 3): a 企业微信 group robot, a 钉钉 custom robot or a 飞书 custom
// bot, by the webhook URL the group gives, and which events it posts there. The secret (钉钉's 加签 key,
// 飞书's 签名校验 key) signs each message; it is written, never read back (`secretSet`).
import { Type, type Static } from 'typebox';
import { Id, IsoDateTime, Nullable, OptionalNullable, Version } from './common.ts';
import { ROBOT_EVENTS } from '../events.ts';

export const ROBOT_KINDS = ['wecom', 'dingtalk', 'feishu'] as const;
export type RobotKind = (typeof ROBOT_KINDS)[number];

export const RobotEventName = Type.Enum([...ROBOT_EVENTS]);

const Url = Type.String({ minLength: 1, maxLength: 2000 });
const Events = Type.Array(RobotEventName, { minItems: 1, uniqueItems: true, maxItems: ROBOT_EVENTS.length });
const Secret = Type.String({
  minLength: 1,
  maxLength: 200,
  description: '钉钉: the 加签 secret (SEC…); 飞书: the 签名校验 secret; 企业微信 robots have none',
});
const Name = Type.String({ maxLength: 80 });

export const RobotCreate = Type.Object(
  {
    teamId: Id,
    kind: Type.Enum([...ROBOT_KINDS]),
    url: Url,
    secret: OptionalNullable(Secret),
    events: Events,
    active: Type.Optional(Type.Boolean()),
    /** The group's name, as people know it; the kind and team name it when left out. */
    name: Type.Optional(Name),
  },
  { additionalProperties: false },
);
export type RobotCreate = Static<typeof RobotCreate>;

/** The kind stays: a robot of another service is another robot. `secret: null` removes the secret. */
export const RobotUpdate = Type.Object(
  {
    version: Version,
    teamId: Type.Optional(Id),
    url: Type.Optional(Url),
    secret: OptionalNullable(Secret),
    events: Type.Optional(Events),
    active: Type.Optional(Type.Boolean()),
    name: Type.Optional(Name),
  },
  { additionalProperties: false },
);
export type RobotUpdate = Static<typeof RobotUpdate>;

export const Robot = Type.Object({
  id: Id,
  teamId: Id,
  teamName: Type.String(),
  kind: Type.Enum([...ROBOT_KINDS]),
  name: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  /** Whether a signing secret is kept (never the secret itself). */
  secretSet: Type.Boolean(),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Messages of the last 24 hours that were delivered, are still retrying, and failed for good. */
  recent: Type.Object({ delivered: Type.Integer(), pending: Type.Integer(), failed: Type.Integer() }),
});
export type Robot = Static<typeof Robot>;

export const RobotList = Type.Object({
  items: Type.Array(Robot),
  /**
   * The address messages link back to (OPENKAM_PUBLIC_URL); null when it is not set, and the
   * messages then carry no links.
   */
  publicUrl: Nullable(Type.String()),
});
export type RobotList = Static<typeof RobotList>;

export const RobotListQuery = Type.Object({ teamId: Type.Optional(Id) }, { additionalProperties: false });
export type RobotListQuery = Static<typeof RobotListQuery>;
