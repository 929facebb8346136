// The deals list as a file (issue 22): amounts as numbers, the stage in the reader's language (the
// list already names it so), categories and statuses as the screen words them.
import { dayOf, enumLabel, fieldLabel, type ExportSpec } from '../../kernel/export.ts';
import type { OpportunityListItem } from '../../../core/schemas/deals.ts';

const f = (field: Parameters<typeof fieldLabel<'opportunity'>>[1]) => fieldLabel('opportunity', field);

export const OPPORTUNITIES_EXPORT: ExportSpec<OpportunityListItem> = {
  list: 'opportunities',
  title: { zh: '商机', en: 'Deals' },
  columns: [
    { ...f('name'), kind: 'text', width: 32, value: (o) => o.name },
    { ...f('accountId'), kind: 'text', width: 32, value: (o) => o.accountName },
    { ...f('stageId'), kind: 'text', width: 14, value: (o) => o.stageName },
    { ...f('amount'), kind: 'money', value: (o) => o.amount },
    { ...f('probability'), kind: 'integer', width: 8, value: (o) => o.probability },
    { ...f('weightedAmount'), kind: 'money', value: (o) => o.weightedAmount },
    { ...f('expectedCloseDate'), kind: 'date', value: (o) => o.expectedCloseDate },
    {
      ...f('forecastCategory'),
      kind: 'text',
      width: 12,
      value: (o, c) => enumLabel('forecastCategory', o.forecastCategory, c.lang),
    },
    { ...f('status'), kind: 'text', width: 10, value: (o, c) => enumLabel('dealStatus', o.status, c.lang) },
    { ...f('ownerId'), kind: 'text', width: 12, value: (o) => o.ownerName },
    { ...f('health'), kind: 'integer', width: 8, value: (o) => o.health },
    { ...f('nextStep'), kind: 'text', value: (o) => o.nextStep },
    { ...f('nextStepDate'), kind: 'date', value: (o) => o.nextStepDate },
    { ...fieldLabel('common', 'updatedAt'), kind: 'date', value: (o, c) => dayOf(o.updatedAt, c) },
  ],
};
