// assertCan answers as the services always have: 403 with the rule's code for a forbidden action,
// 404 for a record out of the caller's sight, nothing when allowed. The API tests of each module
// check the same through the routes; this pins the table itself, role by role.
import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors.ts';
import type { Role } from '../../core/enums.ts';
import { accessEntities, assertCan, type AccessEntity, type Action, type Actor, type Subject } from './index.ts';

const ROLES: Role[] = ['admin', 'manager', 'rep', 'viewer'];
const teamTree = {
  people: new Map([
    ['me', { teamId: 'north' }],
    ['report', { teamId: 'north' }],
    ['other', { teamId: 'east' }],
  ]),
  ancestry: (teamId: string) => (teamId === 'north' ? ['north', 'hq'] : [teamId, 'hq']),
  subtree: (teamId: string) => (teamId === 'hq' ? ['hq', 'north', 'east'] : [teamId]),
};

/** A caller of the north team; a manager or a viewer sees the team, a rep themselves, an admin everyone. */
function actor(role: Role): Actor {
  const scopeUserIds = role === 'admin' ? null : role === 'rep' ? ['me'] : ['me', 'report'];
  return {
    orgId: 'org',
    userId: 'me',
    role,
    dataScope: role === 'admin' ? 'all' : 'team',
    teamId: 'north',
    lang: 'en',
    scopeUserIds,
    teamAccountIds: [],
  };
}

/** The status and code assertCan answers with (200 when allowed). */
function answer(a: Actor, action: Action, target: AccessEntity | Subject): [number, string] {
  try {
    assertCan(a, action, target);
    return [200, 'ok'];
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return [e.statusCode, e.code];
  }
}
const by = (action: Action, target: AccessEntity | Subject) =>
  Object.fromEntries(ROLES.map((r) => [r, answer(actor(r), action, target)]));
const OK: [number, string] = [200, 'ok'];
const FORBIDDEN: [number, string] = [403, 'forbidden'];
const HIDDEN: [number, string] = [404, 'not_found'];

describe('assertCan', () => {
  it.each(['account', 'contact', 'contactLink', 'deal', 'activity', 'task', 'swotItem'] as const)(
    '%s: everyone but a viewer writes records',
    (entity) => {
      for (const action of ['create', 'update', 'delete'] as const) {
        expect(by(action, entity), action).toEqual({ admin: OK, manager: OK, rep: OK, viewer: FORBIDDEN });
      }
    },
  );

  it.each(['team', 'product', 'stage', 'activityType'] as const)(
    '%s: only admins keep what the organisation shares',
    (entity) => {
      for (const action of ['create', 'update', 'delete'] as const)
        expect(by(action, entity), action).toEqual({
          admin: OK,
          manager: FORBIDDEN,
          rep: FORBIDDEN,
          viewer: FORBIDDEN,
        });
    },
  );

  it('admins alone manage users, settings, snapshots and purges', () => {
    const adminOnly = { admin: OK, manager: FORBIDDEN, rep: FORBIDDEN, viewer: FORBIDDEN };
    expect(by('create', 'user')).toEqual(adminOnly);
    expect(by('update', 'user')).toEqual(adminOnly);
    expect(by('update', 'settings')).toEqual(adminOnly);
    expect(by('read', 'sso')).toEqual(adminOnly);
    expect(by('update', 'sso')).toEqual(adminOnly);
    expect(by('create', 'snapshot')).toEqual(adminOnly);
    expect(by('purge', 'binEntry')).toEqual(adminOnly);
    expect(by('restore', 'binEntry')).toEqual({ admin: OK, manager: OK, rep: OK, viewer: FORBIDDEN });
  });

  it('a handover is an admin’s for anyone and a manager’s for the people in their scope', () => {
    expect(by('handover', 'user')).toEqual({ admin: OK, manager: OK, rep: FORBIDDEN, viewer: FORBIDDEN });
    expect(by('handover', { entity: 'user', userId: 'report' })).toEqual({
      admin: OK,
      manager: OK,
      rep: FORBIDDEN,
      viewer: FORBIDDEN,
    });
    // Someone outside the manager's scope is not there to hand over: 404, as for any record out of sight.
    expect(by('handover', { entity: 'user', userId: 'other' })).toEqual({
      admin: OK,
      manager: HIDDEN,
      rep: FORBIDDEN,
      viewer: FORBIDDEN,
    });
  });

  it('managers and admins keep competitors; only admins remove them', () => {
    expect(by('create', 'competitor')).toEqual({ admin: OK, manager: OK, rep: FORBIDDEN, viewer: FORBIDDEN });
    expect(by('update', 'competitor')).toEqual({ admin: OK, manager: OK, rep: FORBIDDEN, viewer: FORBIDDEN });
    expect(by('delete', 'competitor')).toEqual({ admin: OK, manager: FORBIDDEN, rep: FORBIDDEN, viewer: FORBIDDEN });
  });

  it('the pool is read and claimed by writers; views are everyone’s own', () => {
    expect(by('read', 'pool')).toEqual({ admin: OK, manager: OK, rep: OK, viewer: FORBIDDEN });
    expect(by('claim', 'pool')).toEqual({ admin: OK, manager: OK, rep: OK, viewer: FORBIDDEN });
    expect(by('create', 'savedView')).toEqual({ admin: OK, manager: OK, rep: OK, viewer: OK });
  });

  it('a rep may not delete a won or lost deal (403 closed_deal_delete)', () => {
    expect(by('delete', { entity: 'deal', status: 'won' })).toEqual({
      admin: OK,
      manager: OK,
      rep: [403, 'closed_deal_delete'],
      viewer: FORBIDDEN,
    });
    expect(by('delete', { entity: 'deal', status: 'open' })).toEqual({
      admin: OK,
      manager: OK,
      rep: OK,
      viewer: FORBIDDEN,
    });
  });

  it('a prospect is reviewed by whoever has its owner in scope, not by its account team', () => {
    expect(by('review', { entity: 'account', ownerId: 'report' })).toEqual({
      admin: OK,
      manager: OK,
      rep: FORBIDDEN,
      viewer: FORBIDDEN,
    });
    expect(by('review', { entity: 'account', ownerId: 'me' })).toEqual({
      admin: OK,
      manager: OK,
      rep: OK,
      viewer: FORBIDDEN,
    });
    expect(by('review', { entity: 'account', ownerId: null })).toEqual({
      admin: OK,
      manager: FORBIDDEN,
      rep: FORBIDDEN,
      viewer: FORBIDDEN,
    });
  });

  it('quotas: read within scope and the teams above, set from above; out of sight is 404', () => {
    const quota = (q: { userId?: string; teamId?: string }): Subject => ({
      entity: 'quota',
      userId: q.userId ?? null,
      teamId: q.teamId ?? null,
      teams: teamTree,
    });
    expect(by('read', quota({ userId: 'report' }))).toEqual({ admin: OK, manager: OK, rep: HIDDEN, viewer: OK });
    expect(by('update', quota({ userId: 'report' }))).toEqual({
      admin: OK,
      manager: OK,
      rep: HIDDEN,
      viewer: FORBIDDEN,
    });
    // Nobody sets their own.
    expect(by('update', quota({ userId: 'me' }))).toEqual({
      admin: OK,
      manager: FORBIDDEN,
      rep: FORBIDDEN,
      viewer: FORBIDDEN,
    });
    expect(by('read', quota({ teamId: 'hq' }))).toEqual({ admin: OK, manager: OK, rep: OK, viewer: OK });
    expect(by('delete', quota({ teamId: 'north' }))).toEqual({
      admin: OK,
      manager: OK,
      rep: FORBIDDEN,
      viewer: FORBIDDEN,
    });
    expect(by('create', quota({ teamId: 'east' }))).toEqual({
      admin: OK,
      manager: HIDDEN,
      rep: HIDDEN,
      viewer: HIDDEN,
    });
  });

  it('plans: read within scope, kept by the person or their manager', () => {
    expect(by('read', { entity: 'plan', userId: 'report' })).toEqual({
      admin: OK,
      manager: OK,
      rep: HIDDEN,
      viewer: OK,
    });
    expect(by('update', { entity: 'plan', userId: 'report' })).toEqual({
      admin: OK,
      manager: OK,
      rep: HIDDEN,
      viewer: FORBIDDEN,
    });
    expect(by('update', { entity: 'plan', userId: 'me' })).toEqual({
      admin: OK,
      manager: OK,
      rep: OK,
      viewer: FORBIDDEN,
    });
  });

  it('refuses an action no rule names', () => {
    for (const entity of Object.keys(accessEntities) as AccessEntity[]) {
      for (const action of ['read', 'create', 'update', 'delete', 'restore', 'purge', 'claim', 'review'] as const) {
        if (accessEntities[entity].rules[action]) continue;
        expect(answer(actor('admin'), action, entity), `${entity} ${action}`).toEqual(FORBIDDEN);
      }
    }
  });
});
