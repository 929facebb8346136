// The side menu as data: five groups in the order the work flows (customers → sales → analysis →
// forecast and plan → admin), and for each page which roles may open it. Pure, so a unit test and
// the browser tests read the same list the menu is drawn from.
import type { Role } from '../../core/enums.ts';

export type NavGroupKey = 'customers' | 'sales' | 'analysis' | 'plan' | 'admin';

export interface NavItem {
  /** The route, also the menu key. */
  path: string;
  /** data-testid of the item's label (nav-accounts …); kept from the flat menu the tests already use. */
  testId: string;
  /** i18n key of the label. */
  label: string;
  /** Who sees it; absent means every role. */
  roles?: readonly Role[];
}

export interface NavGroup {
  key: NavGroupKey;
  items: readonly NavItem[];
}

const WRITERS: readonly Role[] = ['admin', 'manager', 'rep'];
const TEAM_LEADS: readonly Role[] = ['admin', 'manager'];
const ADMINS: readonly Role[] = ['admin'];

/**
 * Role rules follow what the server answers (server/access/policies.ts): the pool and the recycle
 * bin's restore are writers' (a viewer gets 403); the prospect review and the planner are decisions
 * and plans a viewer cannot make or keep; time analysis and the dashboard are team views (the API
 * scopes them, a rep's own figures are on forecast and planner); users, teams, stages, activity
 * types and the settings are admin-only writes. Products and competitors are catalogues everyone reads.
 * Team members is a manager's 交接 (handover) of the people in their scope; an admin hands over from
 * the users page, which also administers them, so the menu does not offer both.
 */
export const NAV: readonly NavGroup[] = [
  {
    key: 'customers',
    items: [
      { path: '/accounts', testId: 'nav-accounts', label: 'nav.accounts' },
      { path: '/contacts', testId: 'nav-contacts', label: 'nav.contacts' },
      { path: '/pool', testId: 'nav-pool', label: 'pool.nav', roles: WRITERS },
      // A viewer cannot import (the API answers 403).
      { path: '/imports', testId: 'nav-imports', label: 'imports.nav', roles: WRITERS },
    ],
  },
  {
    key: 'sales',
    items: [
      { path: '/pipeline', testId: 'nav-pipeline', label: 'nav.pipeline' },
      { path: '/opportunities', testId: 'nav-opportunities', label: 'nav.opportunities' },
      { path: '/activities', testId: 'nav-activities', label: 'nav.activities' },
      { path: '/calendar', testId: 'nav-calendar', label: 'nav.calendar' },
      { path: '/tasks', testId: 'nav-tasks', label: 'nav.tasks' },
    ],
  },
  {
    key: 'analysis',
    items: [
      { path: '/analysis/pareto', testId: 'nav-pareto', label: 'pareto.nav' },
      { path: '/analysis/scoring', testId: 'nav-scoring', label: 'scoring.nav' },
      { path: '/analysis/effort', testId: 'nav-effort', label: 'pareto.effortNav' },
      { path: '/analysis/prospects', testId: 'nav-prospects', label: 'pool.prospectsNav', roles: WRITERS },
      { path: '/analysis/whitespace', testId: 'nav-whitespace', label: 'whitespace.nav' },
      { path: '/analysis/time', testId: 'nav-time-analysis', label: 'nav.timeAnalysis', roles: TEAM_LEADS },
    ],
  },
  {
    key: 'plan',
    items: [
      { path: '/dashboard', testId: 'nav-dashboard', label: 'nav.dashboard', roles: ['admin', 'manager', 'viewer'] },
      { path: '/forecast', testId: 'nav-forecast', label: 'nav.forecast' },
      { path: '/quotas', testId: 'nav-quotas', label: 'nav.quotas' },
      { path: '/planner', testId: 'nav-planner', label: 'nav.planner', roles: WRITERS },
    ],
  },
  {
    key: 'admin',
    items: [
      { path: '/team-members', testId: 'nav-team-members', label: 'handover.team.nav', roles: ['manager'] },
      { path: '/admin/users', testId: 'nav-users', label: 'nav.users', roles: ADMINS },
      { path: '/admin/teams', testId: 'nav-teams', label: 'nav.teams', roles: ADMINS },
      { path: '/admin/stages', testId: 'nav-stages', label: 'nav.stages', roles: ADMINS },
      { path: '/admin/activity-types', testId: 'nav-activity-types', label: 'nav.activityTypes', roles: ADMINS },
      { path: '/products', testId: 'nav-products', label: 'nav.products' },
      { path: '/competitors', testId: 'nav-competitors', label: 'nav.competitors' },
      { path: '/recycle-bin', testId: 'nav-recycle-bin', label: 'nav.recycleBin', roles: WRITERS },
      { path: '/settings', testId: 'nav-settings', label: 'navigation.settings', roles: ADMINS },
      { path: '/admin/audit', testId: 'nav-audit', label: 'audit.nav', roles: ADMINS },
      { path: '/admin/webhooks', testId: 'nav-webhooks', label: 'webhooks.nav', roles: ADMINS },
      { path: '/admin/robots', testId: 'nav-robots', label: 'robots.nav', roles: ADMINS },
    ],
  },
];

/** The groups and items a role sees; a group left empty is dropped. */
export function navFor(role: Role): NavGroup[] {
  return NAV.map((g) => ({ ...g, items: g.items.filter((i) => !i.roles || i.roles.includes(role)) })).filter(
    (g) => g.items.length > 0,
  );
}

/** The menu item a path belongs to (a detail page selects its list: /accounts/123 → /accounts). */
export function navItemOf(pathname: string): { group: NavGroupKey; item: NavItem } | null {
  for (const group of NAV)
    for (const item of group.items)
      if (pathname === item.path || pathname.startsWith(`${item.path}/`)) return { group: group.key, item };
  return null;
}

/** The group a menu item (by its test id) sits in; the browser tests open it before clicking the item. */
export function navGroupOfTestId(testId: string): NavGroupKey | null {
  return NAV.find((g) => g.items.some((i) => i.testId === testId))?.key ?? null;
}
