// Merges 合并 (issue 22): two accounts or two contacts made one. The caller picks, field by field,
// whether the survivor (the target, the record in the path) keeps its value or takes the source's;
// the source's work moves to the survivor, and the merge can be undone within 30 days.
import { Type, type Static } from 'typebox';
import { Id, IsoDateTime, Version } from './common.ts';

/**
 * What a merge may take from the source, by the record's API field. A field that sets others with it
 * (the region code its province and city, the industry code its industry name) moves with them.
 */
export const ACCOUNT_MERGE_FIELDS = [
  'name',
  'shortName',
  'creditCode',
  'ownershipType',
  'scope',
  'parentId',
  'industryCode',
  'regionCode',
  'address',
  'website',
  'employees',
  'annualRevenue',
  'ourRevenue',
  'potential',
  'financialStatus',
  'marketStrength',
  'relationshipStage',
  'tier',
  'ownerId',
  'tags',
  'needs',
  'background',
  'purchaseMotives',
  'profitModel',
  'decisionProcess',
  'upstreamDownstream',
  'coreCompetencies',
] as const;
export type AccountMergeField = (typeof ACCOUNT_MERGE_FIELDS)[number];

export const CONTACT_MERGE_FIELDS = [
  'name',
  'title',
  'department',
  'reportsToId',
  'phone',
  'mobile',
  'email',
  'wechat',
  'birthday',
  'notes',
  'influence',
  'attitude',
  'coverage',
  'counterpartId',
  'interests',
  'goals',
  'power',
  'interest',
  'govPosition',
  'govSupplierSelection',
  'govAchievements',
  'govCostAwareness',
] as const;
export type ContactMergeField = (typeof CONTACT_MERGE_FIELDS)[number];

/** Fields a field's choice carries with it (the database columns behind one choice). */
export const MERGE_FIELD_COMPANIONS: Partial<Record<AccountMergeField, readonly string[]>> = {
  industryCode: ['industry'],
  regionCode: ['province', 'city'],
};

/** How long a merge can be undone. */
export const MERGE_UNDO_DAYS = 30;

const Side = Type.Enum(['target', 'source'], { description: "Whose value survives; 'target' when left out" });
const choices = (fields: readonly string[]) =>
  Type.Object(Object.fromEntries(fields.map((f) => [f, Type.Optional(Side)])), { additionalProperties: false });

const mergeInput = (fields: readonly string[]) =>
  Type.Object(
    {
      /** The record merged away: archived, pointing at the survivor. */
      sourceId: Id,
      /** The survivor's version as read (the record in the path). */
      version: Version,
      sourceVersion: Version,
      fields: Type.Optional(choices(fields)),
    },
    { additionalProperties: false },
  );

export const AccountMergeInput = mergeInput(ACCOUNT_MERGE_FIELDS);
export type AccountMergeInput = Static<typeof AccountMergeInput>;
export const ContactMergeInput = mergeInput(CONTACT_MERGE_FIELDS);
export type ContactMergeInput = Static<typeof ContactMergeInput>;

/** A merge as recorded: `moved` counts the rows that moved, per table. */
export const Merge = Type.Object({
  id: Id,
  entity: Type.Enum(['account', 'contact']),
  targetId: Id,
  sourceId: Id,
  mergedAt: IsoDateTime,
  /** Until when `POST /api/merges/:id/undo` is accepted. */
  undoUntil: IsoDateTime,
  undoneAt: Type.Union([IsoDateTime, Type.Null()]),
  moved: Type.Record(Type.String(), Type.Integer()),
});
export type Merge = Static<typeof Merge>;
