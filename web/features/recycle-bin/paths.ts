import type { BinEntity, RecycleBinItem } from '../../../core/schemas/recycle-bin.ts';

const BASE: Record<BinEntity, string> = {
  account: '/accounts',
  contact: '/contacts',
  opportunity: '/opportunities',
  activity: '/activities',
};

/** Where a record lives in the app once it is back. */
export const recordPath = (entity: BinEntity, id: string) => `${BASE[entity]}/${id}`;

/** Days left before the purge, rounded up (an entry purged later today shows 1). */
export const daysLeft = (item: Pick<RecycleBinItem, 'purgeAt'>, now = Date.now()) =>
  Math.max(0, Math.ceil((Date.parse(item.purgeAt) - now) / 86_400_000));
