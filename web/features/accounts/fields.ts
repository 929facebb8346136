// Which account fields exist and how to edit/show them; the form, the profile and the history share this.
import {
  ACCOUNT_SCOPES,
  FINANCIAL_STATUSES,
  OWNERSHIP_TYPES,
  RELATIONSHIP_STAGES,
  TIERS,
} from '../../../core/enums.ts';
import type { AccountCreate } from '../../../core/schemas/accounts.ts';

export type AccountFieldName = Exclude<keyof AccountCreate, 'allowDuplicateName'>;

export type FieldKind =
  | { kind: 'text'; max: number }
  | { kind: 'longtext' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'money' }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'rating' }
  | { kind: 'user' }
  | { kind: 'account' }
  | { kind: 'tags' }
  /** GB/T 2260 code (province → city → district); the text columns follow it on the server. */
  | { kind: 'region' }
  /** GB/T 4754 section or division. */
  | { kind: 'industry' };

export interface FieldDef {
  name: AccountFieldName;
  type: FieldKind;
  required?: boolean;
  wide?: boolean;
}

export interface FieldGroup {
  key: 'basics' | 'finance' | 'relationship' | 'profile';
  fields: FieldDef[];
}

export const ACCOUNT_GROUPS: FieldGroup[] = [
  {
    key: 'basics',
    fields: [
      { name: 'name', type: { kind: 'text', max: 200 }, required: true },
      { name: 'shortName', type: { kind: 'text', max: 100 } },
      { name: 'ownershipType', type: { kind: 'enum', values: OWNERSHIP_TYPES }, required: true },
      { name: 'scope', type: { kind: 'enum', values: ACCOUNT_SCOPES } },
      { name: 'creditCode', type: { kind: 'text', max: 18 } },
      { name: 'industryCode', type: { kind: 'industry' } },
      { name: 'regionCode', type: { kind: 'region' } },
      { name: 'address', type: { kind: 'text', max: 300 }, wide: true },
      { name: 'website', type: { kind: 'text', max: 300 } },
      { name: 'employees', type: { kind: 'int', min: 0, max: 100000000 } },
      { name: 'parentId', type: { kind: 'account' } },
      { name: 'tags', type: { kind: 'tags' } },
    ],
  },
  {
    key: 'finance',
    fields: [
      { name: 'annualRevenue', type: { kind: 'money' } },
      { name: 'ourRevenue', type: { kind: 'money' } },
      { name: 'potential', type: { kind: 'money' } },
      { name: 'financialStatus', type: { kind: 'enum', values: FINANCIAL_STATUSES } },
      { name: 'marketStrength', type: { kind: 'rating' } },
    ],
  },
  {
    key: 'relationship',
    fields: [
      { name: 'tier', type: { kind: 'enum', values: TIERS } },
      { name: 'relationshipStage', type: { kind: 'enum', values: RELATIONSHIP_STAGES } },
      { name: 'ownerId', type: { kind: 'user' } },
    ],
  },
  {
    key: 'profile',
    fields: (
      [
        'needs',
        'background',
        'purchaseMotives',
        'profitModel',
        'decisionProcess',
        'upstreamDownstream',
        'coreCompetencies',
      ] as const
    ).map((name): FieldDef => ({ name, type: { kind: 'longtext' }, wide: true })),
  },
];

export const ALL_ACCOUNT_FIELDS: FieldDef[] = ACCOUNT_GROUPS.flatMap((g) => g.fields);
