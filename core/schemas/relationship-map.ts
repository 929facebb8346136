// Relationship maps of accounts and deals, and the stakeholder (power × interest) grid.
import { Type, type Static } from 'typebox';
import { COVERAGE_LEVELS, GRID_QUADRANTS, INFLUENCE_LEVELS, LINK_KINDS, MAP_STATUSES } from '../enums.ts';
import { BUYING_ROLES, RESPONSE_MODES } from '../blue-sheet.ts';
import { Id, Nullable } from './common.ts';

export const MAP_EDGE_KINDS = ['reports_to', ...LINK_KINDS] as const;
export type MapEdgeKind = (typeof MAP_EDGE_KINDS)[number];

export const GovIntel = Type.Object({
  position: Nullable(Type.String()),
  supplierSelection: Nullable(Type.String()),
  achievements: Nullable(Type.String()),
  costAwareness: Nullable(Type.String()),
});
export type GovIntel = Static<typeof GovIntel>;

export const MapNode = Type.Object({
  contactId: Id,
  name: Type.String(),
  title: Nullable(Type.String()),
  department: Nullable(Type.String()),
  reportsToId: Nullable(Id),
  influence: Nullable(Type.Enum([...INFLUENCE_LEVELS])),
  /** The contact's attitude on an account map; the buying influence's rating on a deal map. */
  attitude: Nullable(Type.Integer()),
  roles: Type.Array(Type.Enum([...BUYING_ROLES])),
  mode: Nullable(Type.Enum([...RESPONSE_MODES])),
  coverage: Type.Enum([...COVERAGE_LEVELS]),
  counterpart: Nullable(Type.Object({ id: Id, name: Type.String() })),
  /** Only on maps of accounts with government intelligence (government bodies and institutions, core/enums hasGovIntel). */
  gov: Type.Optional(GovIntel),
  keyPlayer: Type.Boolean(),
  supportive: Type.Boolean(),
  decisionMaker: Type.Boolean(),
  /** The contact's version (reporting lines and attitude on an account map are contact writes). */
  version: Type.Integer(),
  /** On a deal map: the buying influence a rating change is written to. */
  influenceId: Nullable(Id),
  influenceVersion: Nullable(Type.Integer()),
});
export type MapNode = Static<typeof MapNode>;

/** reports_to runs from the manager (source) to the report (target); links from the contact they were recorded on. */
export const MapEdge = Type.Object({
  id: Type.String(),
  source: Id,
  target: Id,
  kind: Type.Enum([...MAP_EDGE_KINDS]),
  linkId: Nullable(Id),
});
export type MapEdge = Static<typeof MapEdge>;

export const RelationshipMap = Type.Object({
  status: Type.Enum([...MAP_STATUSES]),
  statusReason: Type.String(),
  /** The account is a government body or an institution (事业单位): nodes carry `gov`. */
  government: Type.Boolean(),
  nodes: Type.Array(MapNode),
  edges: Type.Array(MapEdge),
});
export type RelationshipMap = Static<typeof RelationshipMap>;

export const Stakeholder = Type.Object({
  contactId: Id,
  name: Type.String(),
  title: Nullable(Type.String()),
  influence: Nullable(Type.Enum([...INFLUENCE_LEVELS])),
  attitude: Nullable(Type.Integer()),
  coverage: Type.Enum([...COVERAGE_LEVELS]),
  power: Type.Integer(),
  interest: Type.Integer(),
  powerDerived: Type.Boolean(),
  interestDerived: Type.Boolean(),
  quadrant: Type.Enum([...GRID_QUADRANTS]),
  version: Type.Integer(),
});
export type Stakeholder = Static<typeof Stakeholder>;
export const Stakeholders = Type.Object({ items: Type.Array(Stakeholder) });
export type Stakeholders = Static<typeof Stakeholders>;
