import { describe, expect, it } from 'vitest';
import { eventsOf, nextAttemptDelay, wants } from './events.ts';

const c = (field: string, old: unknown, now: unknown) => ({ field, old, new: now });

describe('events of a history row', () => {
  it('names record changes by entity and action', () => {
    expect(eventsOf({ entityType: 'account', action: 'create', changes: [] })).toEqual(['account.created']);
    expect(eventsOf({ entityType: 'contact', action: 'update', changes: [c('name', 'a', 'b')] })).toEqual([
      'contact.updated',
    ]);
    expect(eventsOf({ entityType: 'opportunity', action: 'delete', changes: [] })).toEqual(['deal.deleted']);
    expect(eventsOf({ entityType: 'account', action: 'undelete', changes: [] })).toEqual(['account.created']);
    expect(eventsOf({ entityType: 'account', action: 'purge', changes: [] })).toEqual([]);
    expect(eventsOf({ entityType: 'user', action: 'login', changes: [] })).toEqual([]);
    expect(eventsOf({ entityType: 'import', action: 'import', changes: [] })).toEqual(['import.finished']);
  });

  it('adds a deal’s stage change, win, loss and slip', () => {
    expect(
      eventsOf({
        entityType: 'opportunity',
        action: 'update',
        changes: [c('stageId', 'a', 'b'), c('status', 'open', 'won')],
      }),
    ).toEqual(['deal.updated', 'deal.stage_changed', 'deal.won']);
    expect(eventsOf({ entityType: 'opportunity', action: 'update', changes: [c('status', 'open', 'lost')] })).toEqual([
      'deal.updated',
      'deal.lost',
    ]);
    expect(
      eventsOf({
        entityType: 'opportunity',
        action: 'create',
        changes: [c('status', null, 'won'), c('stageId', null, 's')],
      }),
    ).toEqual(['deal.created', 'deal.won']);
    expect(
      eventsOf({
        entityType: 'opportunity',
        action: 'update',
        changes: [c('expectedCloseDate', '2027-03-31', '2027-06-30')],
      }),
    ).toEqual(['deal.updated', 'deal.slipped']);
    expect(
      eventsOf({
        entityType: 'opportunity',
        action: 'update',
        changes: [c('expectedCloseDate', '2027-06-30', '2027-03-31')],
      }),
    ).toEqual(['deal.updated']);
  });

  it('completes a call when its status becomes done; a proposed meeting is a candidate for the robots', () => {
    expect(eventsOf({ entityType: 'activity', action: 'update', changes: [c('status', 'planned', 'done')] })).toEqual([
      'activity.completed',
      'activity.next_meeting',
    ]);
    expect(eventsOf({ entityType: 'activity', action: 'create', changes: [c('status', null, 'planned')] })).toEqual([]);
    expect(eventsOf({ entityType: 'activity', action: 'update', changes: [c('subject', 'a', 'b')] })).toEqual([]);
  });

  it('matches subscriptions and follows the retry schedule', () => {
    expect(wants(['*'], 'deal.won')).toBe(true);
    expect(wants(['deal.lost'], 'deal.won')).toBe(false);
    expect([1, 2, 3, 4, 5, 28, 29].map(nextAttemptDelay)).toEqual([
      10_000,
      60_000,
      300_000,
      1_800_000,
      3_600_000,
      3_600_000,
      null,
    ]);
  });
});
