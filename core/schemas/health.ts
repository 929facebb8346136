// Account health (its breakdown), the group tree with roll-ups, and the whitespace grid (issue 6).
import { Type, type Static } from 'typebox';
import { ACCOUNT_SCOPES, WHITESPACE_STATES } from '../enums.ts';
import { HEALTH_COMPONENTS } from '../account-health.ts';
import { Id, Money, Nullable } from './common.ts';

export const AccountHealthComponent = Type.Object({
  key: Type.Enum([...HEALTH_COMPONENTS]),
  score: Nullable(Type.Integer({ minimum: 0, maximum: 100 })),
  weight: Type.Number(),
  share: Type.Number({ description: 'Effective share of the total in percent; 0 when the component has no data' }),
  detail: Type.Record(Type.String(), Nullable(Type.Number())),
});

export const AccountHealth = Type.Object({
  accountId: Id,
  score: Nullable(
    Type.Integer({
      minimum: 0,
      maximum: 100,
      description: 'Null while there is nothing to judge: no contacts, open deals or done calls',
    }),
  ),
  components: Type.Array(AccountHealthComponent),
});
export type AccountHealth = Static<typeof AccountHealth>;

const Pipeline = Type.Object({ count: Type.Integer(), amount: Money, weightedAmount: Money });

/** A group member; roll-ups cover the node and every descendant the caller may see. */
export const GroupNode = Type.Cyclic(
  {
    GroupNode: Type.Object({
      accountId: Id,
      name: Type.String(),
      scope: Type.Enum([...ACCOUNT_SCOPES]),
      ownerName: Nullable(Type.String()),
      health: Nullable(Type.Integer()),
      ourRevenue: Nullable(Money),
      rolledUpRevenue: Money,
      openPipeline: Pipeline,
      wonLast12Months: Money,
      contacts: Type.Integer(),
      coveredContacts: Type.Integer(),
      coverage: Nullable(Type.Number({ description: 'Covered ÷ contacts (0.75 = 75 %); null without contacts' })),
      children: Type.Array(Type.Ref('GroupNode')),
    }),
  },
  'GroupNode',
);
export type GroupNode = Static<typeof GroupNode>;

export const AccountGroup = Type.Object({
  accountId: Id,
  /** The topmost visible ancestor; the whole visible group hangs under it. */
  root: GroupNode,
});
export type AccountGroup = Static<typeof AccountGroup>;

export const WhitespaceQuery = Type.Object({
  accountId: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
});
export type WhitespaceQuery = Static<typeof WhitespaceQuery>;

export const WhitespaceCell = Type.Object({
  state: Type.Enum([...WHITESPACE_STATES]),
  wonAmount: Money,
  openAmount: Money,
});
export type WhitespaceCell = Static<typeof WhitespaceCell>;

export const Whitespace = Type.Object({
  categories: Type.Array(Type.String()),
  rows: Type.Array(
    Type.Object({
      accountId: Id,
      name: Type.String(),
      /** The parent the caller may see, else null; in a group's grid, the nearest visible ancestor (as the group tree). */
      parentId: Nullable(Id),
      ourRevenue: Nullable(Money),
      cells: Type.Record(Type.String(), WhitespaceCell),
    }),
  ),
});
export type Whitespace = Static<typeof Whitespace>;
