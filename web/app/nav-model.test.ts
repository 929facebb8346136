import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NAV, navFor, navGroupOfTestId, navItemOf } from './nav-model.ts';
import { zhCN } from '../i18n/zh-CN/index.ts';
import { en } from '../i18n/en/index.ts';
import { ROLES, type Role } from '../../core/enums.ts';
import { can, type AccessEntity, type Action } from '../../server/access/policies.ts';
import type { Actor } from '../../server/access/actor.ts';

const paths = (role: Parameters<typeof navFor>[0]) => navFor(role).flatMap((g) => g.items.map((i) => i.path));
const ADMIN_ONLY = [
  '/admin/users',
  '/admin/teams',
  '/admin/stages',
  '/admin/activity-types',
  '/settings',
  '/admin/audit',
  '/admin/webhooks',
  '/admin/robots',
];
/** The manager's handover page: an admin hands over from the users page instead. */
const MANAGER_ONLY = ['/team-members'];

/** A caller of the given role, as the server's rules see them (a manager with their team in scope). */
const actorAs = (role: Role): Actor => ({
  orgId: 'org',
  userId: 'me',
  role,
  dataScope: role === 'admin' ? 'all' : role === 'rep' ? 'own' : 'team',
  teamId: 'north',
  lang: 'zh',
  scopeUserIds: role === 'admin' ? null : role === 'rep' ? ['me'] : ['me', 'report'],
  teamAccountIds: [],
});

const lookup = (tree: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], tree);

describe('the side menu model', () => {
  it('groups the pages the way the work flows', () => {
    expect(navFor('admin').map((g) => g.key)).toEqual(['customers', 'sales', 'analysis', 'plan', 'admin']);
  });

  it('an admin sees every page once, but for the manager’s team page (their users page hands over too)', () => {
    const all = paths('admin');
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(
      NAV.flatMap((g) => g.items.map((i) => i.path))
        .filter((p) => !MANAGER_ONLY.includes(p))
        .sort(),
    );
  });

  // The pages whose point is one write: offered to exactly the roles the server lets make it.
  const WRITE_OF: [string, Action, AccessEntity][] = [
    ['/admin/users', 'create', 'user'],
    ['/admin/teams', 'create', 'team'],
    ['/admin/stages', 'create', 'stage'],
    ['/admin/activity-types', 'create', 'activityType'],
    ['/settings', 'update', 'settings'],
    ['/admin/audit', 'read', 'auditLog'],
    ['/admin/webhooks', 'create', 'webhook'],
    ['/admin/robots', 'create', 'webhook'],
    ['/pool', 'claim', 'pool'],
    ['/recycle-bin', 'restore', 'binEntry'],
  ];
  it.each(ROLES)('a %s is offered the admin and writing pages exactly as server/access/policies.ts allows', (role) => {
    const offered = paths(role);
    for (const [path, action, entity] of WRITE_OF)
      expect(offered.includes(path), path).toBe(can(actorAs(role), action, entity));
  });

  it.each(ROLES)('a %s finds 交接 in the menu exactly when the server lets them hand over', (role) => {
    const offered = paths(role);
    const handsOver = can(actorAs(role), 'handover', 'user');
    // Managers on the team page, admins on the users page (which the server's user.create confirms is theirs).
    expect(offered.includes('/team-members') || offered.includes('/admin/users')).toBe(handsOver);
    if (handsOver && role !== 'admin') {
      expect(offered).toContain('/team-members');
      // A team member in the manager's scope may be handed over; the users page's writes stay an admin's.
      expect(can(actorAs(role), 'handover', { entity: 'user', userId: 'report' })).toBe(true);
      expect(can(actorAs(role), 'update', 'user')).toBe(false);
    }
  });

  it('a rep sees no admin pages and no team dashboard, but the catalogues and their recycle bin', () => {
    const rep = paths('rep');
    for (const p of [...ADMIN_ONLY, ...MANAGER_ONLY, '/dashboard', '/analysis/time']) expect(rep).not.toContain(p);
    for (const p of [
      '/pool',
      '/imports',
      '/analysis/prospects',
      '/planner',
      '/products',
      '/competitors',
      '/recycle-bin',
    ])
      expect(rep).toContain(p);
  });

  it('a manager sees the team pages, their team members to hand over, but no admin pages', () => {
    const manager = paths('manager');
    for (const p of ADMIN_ONLY) expect(manager).not.toContain(p);
    for (const p of ['/dashboard', '/analysis/time', '/quotas', '/team-members']) expect(manager).toContain(p);
  });

  it('a viewer is offered no page whose point is a write the server refuses them (403)', () => {
    const viewer = paths('viewer');
    for (const p of [
      ...ADMIN_ONLY,
      ...MANAGER_ONLY,
      '/pool',
      '/imports',
      '/analysis/prospects',
      '/planner',
      '/recycle-bin',
    ])
      expect(viewer).not.toContain(p);
    expect(viewer).toContain('/accounts');
    expect(viewer).toContain('/dashboard');
  });

  it('every item is a route of the router, with a label in both languages', () => {
    const router = readFileSync(new URL('./router.tsx', import.meta.url), 'utf8');
    for (const g of NAV) {
      expect(typeof lookup(zhCN, `navigation.group.${g.key}`)).toBe('string');
      for (const i of g.items) {
        expect(router, i.path).toContain(`path: '${i.path.slice(1)}'`);
        expect(typeof lookup(zhCN, i.label), i.label).toBe('string');
        expect(typeof lookup(en, i.label), i.label).toBe('string');
      }
    }
  });

  it('a detail page selects its list and opens its group', () => {
    expect(navItemOf('/accounts/123')).toMatchObject({ group: 'customers', item: { path: '/accounts' } });
    expect(navItemOf('/analysis/pareto')).toMatchObject({ group: 'analysis' });
    expect(navItemOf('/admin/users')).toMatchObject({ group: 'admin' });
    expect(navItemOf('/team-members')).toMatchObject({ group: 'admin', item: { testId: 'nav-team-members' } });
    expect(navItemOf('/accountsx')).toBeNull();
    expect(navGroupOfTestId('nav-quotas')).toBe('plan');
  });
});
