import type { QueryClient } from '@tanstack/react-query';
import type { AccountListQuery } from '../../core/schemas/accounts.ts';

// Query keys and refreshes that more than one feature uses, kept below the features so that none has
// to import another's api.ts for a key.
export type AccountFilters = Omit<AccountListQuery, 'cursor' | 'limit'>;

export const accountKeys = {
  all: ['accounts'] as const,
  list: (f: AccountFilters) => ['accounts', 'list', f] as const,
  detail: (id: string) => ['accounts', 'detail', id] as const,
  history: (id: string) => ['accounts', 'history', id] as const,
  orgChart: (id: string) => ['accounts', 'org-chart', id] as const,
};

/**
 * An activity or task write moves calendars, timelines, reminders, time spent, task lists and a
 * deal's last-activity date (the stale red flag) all at once.
 */
export function refreshActivityWorld(qc: QueryClient): void {
  for (const key of [
    'activities',
    'tasks',
    'calendar',
    'timeline',
    'reminders',
    'analysis',
    'opportunities',
    'pipeline',
  ]) {
    void qc.invalidateQueries({ queryKey: [key] });
  }
}
