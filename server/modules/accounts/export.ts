// The accounts list as a file (issue 22): the columns the list and the archive form show, headed as
// the screen heads them; 省份 / 城市 / 客户经理 as the import recognises them, so a file goes back in.
import { dayOf, enumLabel, fieldLabel, type ExportSpec } from '../../kernel/export.ts';
import type { AccountListItem } from '../../../core/schemas/accounts.ts';

const f = (field: Parameters<typeof fieldLabel<'account'>>[1]) => fieldLabel('account', field);

export const ACCOUNTS_EXPORT: ExportSpec<AccountListItem> = {
  list: 'accounts',
  title: { zh: '客户', en: 'Accounts' },
  columns: [
    { ...f('name'), kind: 'text', width: 32, value: (a) => a.name },
    { ...f('shortName'), kind: 'text', value: (a) => a.shortName },
    {
      ...f('ownershipType'),
      kind: 'text',
      width: 12,
      value: (a, c) => enumLabel('ownershipType', a.ownershipType, c.lang),
    },
    { ...f('tier'), kind: 'text', width: 10, value: (a, c) => enumLabel('tier', a.tier, c.lang) },
    { ...f('scope'), kind: 'text', width: 14, value: (a, c) => enumLabel('scope', a.scope, c.lang) },
    { ...f('parentId'), kind: 'text', value: (a) => a.parentName },
    { ...f('industry'), kind: 'text', value: (a) => a.industry },
    { ...f('province'), kind: 'text', width: 10, value: (a) => a.province },
    { ...f('city'), kind: 'text', width: 12, value: (a) => a.city },
    { ...f('ownerId'), kind: 'text', width: 12, value: (a) => a.ownerName },
    { ...f('ourRevenue'), kind: 'money', value: (a) => a.ourRevenue },
    { ...f('potential'), kind: 'money', value: (a) => a.potential },
    {
      ...f('financialStatus'),
      kind: 'text',
      width: 10,
      value: (a, c) => enumLabel('financialStatus', a.financialStatus, c.lang),
    },
    { ...f('marketStrength'), kind: 'integer', width: 10, value: (a) => a.marketStrength },
    {
      ...f('relationshipStage'),
      kind: 'text',
      width: 14,
      value: (a, c) => enumLabel('relationshipStage', a.relationshipStage, c.lang),
    },
    { zh: '评分', en: 'Score', kind: 'integer', width: 8, value: (a) => a.score },
    { ...f('tags'), kind: 'text', value: (a) => a.tags.join(', ') },
    { ...fieldLabel('common', 'createdAt'), kind: 'date', value: (a, c) => dayOf(a.createdAt, c) },
    { ...fieldLabel('common', 'updatedAt'), kind: 'date', value: (a, c) => dayOf(a.updatedAt, c) },
  ],
};
