import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NAV, navFor, navGroupOfTestId, navItemOf } from './nav-model.ts';
import { zhCN } from '../i18n/zh-CN/index.ts';
import { en } from '../i18n/en/index.ts';

const paths = (role: Parameters<typeof navFor>[0]) => navFor(role).flatMap((g) => g.items.map((i) => i.path));
const ADMIN_ONLY = ['/admin/users', '/admin/teams', '/admin/stages', '/admin/activity-types', '/settings'];

const lookup = (tree: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], tree);

describe('the side menu model', () => {
  it('groups the pages the way the work flows', () => {
    expect(navFor('admin').map((g) => g.key)).toEqual(['customers', 'sales', 'analysis', 'plan', 'admin']);
  });

  it('an admin sees every page once', () => {
    const all = paths('admin');
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(NAV.flatMap((g) => g.items).length);
  });

  it('a rep sees no admin pages and no team dashboard, but the catalogues and their recycle bin', () => {
    const rep = paths('rep');
    for (const p of [...ADMIN_ONLY, '/dashboard', '/analysis/time']) expect(rep).not.toContain(p);
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

  it('a manager sees the team pages but no admin pages', () => {
    const manager = paths('manager');
    for (const p of ADMIN_ONLY) expect(manager).not.toContain(p);
    for (const p of ['/dashboard', '/analysis/time', '/quotas']) expect(manager).toContain(p);
  });

  it('a viewer is offered no page whose point is a write the server refuses them (403)', () => {
    const viewer = paths('viewer');
    for (const p of [...ADMIN_ONLY, '/pool', '/imports', '/analysis/prospects', '/planner', '/recycle-bin'])
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
    expect(navItemOf('/accountsx')).toBeNull();
    expect(navGroupOfTestId('nav-quotas')).toBe('plan');
  });
});
