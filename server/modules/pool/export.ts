// The shared pool 公海 as a file (issue 22): what the pool's list shows of each unowned account.
import { dayOf, enumLabel, fieldLabel, type ExportSpec } from '../../kernel/export.ts';
import type { PoolItem } from '../../../core/schemas/pool.ts';

const f = (field: Parameters<typeof fieldLabel<'account'>>[1]) => fieldLabel('account', field);

export const POOL_EXPORT: ExportSpec<PoolItem> = {
  list: 'pool',
  title: { zh: '公海', en: 'Pool' },
  columns: [
    { ...f('name'), kind: 'text', width: 32, value: (a) => a.name },
    { ...f('shortName'), kind: 'text', value: (a) => a.shortName },
    {
      ...f('ownershipType'),
      kind: 'text',
      width: 12,
      value: (a, c) => enumLabel('ownershipType', a.ownershipType, c.lang),
    },
    { ...f('industry'), kind: 'text', value: (a) => a.industry },
    { ...f('province'), kind: 'text', width: 10, value: (a) => a.province },
    { ...f('city'), kind: 'text', width: 12, value: (a) => a.city },
    { zh: '评分', en: 'Score', kind: 'integer', width: 8, value: (a) => a.score },
    { ...f('pooledAt'), kind: 'date', value: (a, c) => dayOf(a.pooledAt, c) },
  ],
};
