// Account handover 交接 (issue 22): one user's accounts, open deals, planned calls and open tasks
// moved to another, all of them or those of chosen accounts. One contract for server and web.
import { Type, type Static } from 'typebox';
import { Id } from './common.ts';

export const HandoverInput = Type.Object(
  {
    fromUserId: Id,
    toUserId: Id,
    /** Only these accounts of the from-user (and the open work on them); all of theirs when left out. */
    accountIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 5000 })),
  },
  { additionalProperties: false },
);
export type HandoverInput = Static<typeof HandoverInput>;

/** What a handover moves (the preview) or moved (its answer): counts of records. */
export const HandoverSummary = Type.Object({
  fromUserId: Id,
  toUserId: Id,
  accounts: Type.Integer(),
  openDeals: Type.Integer(),
  plannedActivities: Type.Integer(),
  openTasks: Type.Integer(),
  /** The from-user's places on the moved accounts' teams, now the to-user's. */
  accountTeams: Type.Integer(),
  /** Moved accounts claimed from the shared pool: they count against the to-user's claim limit now. */
  poolClaims: Type.Integer(),
});
export type HandoverSummary = Static<typeof HandoverSummary>;
