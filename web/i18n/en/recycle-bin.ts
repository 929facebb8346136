import type { Widen } from '../types.ts';
import type { recycleBin as zh } from '../zh-CN/recycle-bin.ts';

export const recycleBin: Widen<typeof zh> = {
  recycleBin: {
    title: 'Recycle bin',
    hint: 'Deleted accounts, contacts, opportunities and activities wait here and can be restored until their retention ends; then they are deleted for good. Only admins can delete them for good earlier.',
    moved: 'Moved to the recycle bin',
    undo: 'Undo',
    restore: 'Restore',
    restored: 'Restored',
    restoredSkipped: 'Restored; {{count}} linked records could not come back because what they point to was deleted',
    open: 'Open',
    purge: 'Delete for good',
    purgeConfirm: 'Delete “{{name}}” for good? This cannot be undone.',
    purged: 'Deleted for good',
    empty: 'The recycle bin is empty',
    all: 'All',
    kind: 'Type',
    name: 'Name',
    deletedBy: 'Deleted by',
    deletedAt: 'Deleted at',
    purgeIn: 'Kept for',
    daysLeft: '{{count}} days',
    searchPlaceholder: 'Search by name',
    retention: 'Keep for',
    days: 'days',
    entity: { account: 'Account', contact: 'Contact', opportunity: 'Opportunity', activity: 'Activity' },
  },
};
