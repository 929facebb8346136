import type { Widen } from '../types.ts';
import type { common as zh } from '../zh-CN/common.ts';

export const common: Widen<typeof zh> = {
  app: { title: 'Key-Account Strategic Selling' },
  nav: {
    accounts: 'Accounts', contacts: 'Contacts', admin: 'Admin', users: 'Users', teams: 'Teams',
    pipeline: 'Pipeline', opportunities: 'Opportunities', stages: 'Sales stages', products: 'Products', competitors: 'Competitors',
    activities: 'Activities', tasks: 'Tasks', calendar: 'Calendar', timeAnalysis: 'Time analysis', activityTypes: 'Activity types',
    forecast: 'Forecast', quotas: 'Quotas', planner: 'Planner · 653321', dashboard: 'Manager dashboard', recycleBin: 'Recycle bin',
  },
  common: {
    save: 'Save', cancel: 'Cancel', confirm: 'OK', edit: 'Edit', delete: 'Delete', remove: 'Remove',
    archive: 'Archive', restore: 'Restore', archived: 'Archived', archivedDone: 'Archived', restored: 'Restored',
    saved: 'Saved', created: 'Created', deleted: 'Deleted', reload: 'Reload', retry: 'Retry', reset: 'Reset',
    loadMore: 'Load more', shown: '{{count}} shown', loadFailed: 'Could not load', networkError: 'Network error; check your connection',
    staleTitle: 'Changed by someone else', choose: 'Choose…', searchToChoose: 'Type to search', unknown: 'Unknown',
    showArchived: 'Show archived', moreFilters: 'More filters', hideFilters: 'Hide filters',
    notFound: 'This page does not exist', backHome: 'Back to start', forbidden: 'You are not allowed to see this page', numberLocale: 'en-US',
  },
  validation: {
    required: 'Required', email: 'Enter a valid e-mail address', password: 'At least 8 characters',
    money: 'Not a valid amount (non-negative, at most 2 decimals)', creditCode: 'The unified social credit code has 18 digits or capital letters', phone: 'Only digits, spaces and + ( ) -',
    positiveMoney: 'Enter an amount above 0 (at most 2 decimals)',
  },
  sort: {
    updatedAt: 'Least recently updated', '-updatedAt': 'Recently updated', name: 'Name A→Z', '-name': 'Name Z→A',
    ourRevenue: 'Our revenue, low→high', '-ourRevenue': 'Our revenue, high→low', potential: 'Potential, low→high', '-potential': 'Potential, high→low',
    createdAt: 'Oldest first', '-createdAt': 'Newest first',
  },
  history: {
    empty: 'No changes recorded', system: 'System',
    action: { create: 'created the record', update: 'changed', archive: 'archived the record', restore: 'restored the record', delete: 'moved the record to the recycle bin', undelete: 'restored the record from the recycle bin', purge: 'deleted the record for good' },
  },
};
