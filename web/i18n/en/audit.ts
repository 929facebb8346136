import type { Widen } from '../types.ts';
import type { audit as zh } from '../zh-CN/audit.ts';

export const audit: Widen<typeof zh> = {
  audit: {
    nav: 'Audit log',
    title: 'Audit log',
    at: 'Time',
    actor: 'By',
    actionLabel: 'Action',
    entityLabel: 'Record type',
    record: 'Record',
    changes: 'Details',
    more: 'Load more',
    entity: {
      webhook: 'Webhook',
      settings: 'Settings',
      account: 'Account',
      contact: 'Contact',
      opportunity: 'Deal',
      activity: 'Call',
      user: 'User',
      token: 'API token',
      export: 'Export',
      import: 'Import',
    },
    action: {
      create: 'Created',
      update: 'Changed',
      delete: 'Deleted',
      archive: 'Archived',
      restore: 'Restored',
      undelete: 'Restored from the bin',
      purge: 'Purged',
      merge: 'Merged',
      unmerge: 'Merge undone',
      login: 'Signed in',
      login_failed: 'Failed sign-in',
      token_used: 'Token used',
      export: 'Exported',
      import: 'Imported',
    },
  },
};
