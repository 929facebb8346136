import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { RequireAuth } from '../features/auth/RequireAuth.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { SetupPage } from '../features/setup/SetupPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { AccountsListPage } from '../features/accounts/AccountsListPage.tsx';
import { AccountPage } from '../features/accounts/AccountPage.tsx';
import { ContactsListPage } from '../features/contacts/ContactsListPage.tsx';
import { ContactPage } from '../features/contacts/ContactPage.tsx';
import { NotFound } from '../components/NotFound.tsx';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { RequireAdmin } from '../features/auth/RequireAdmin.tsx';
import { RequireRole } from '../features/auth/RequireRole.tsx';

// Admin screens are rarely visited; keep them out of the first load.
const UsersPage = lazy(() => import('../features/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const WebhooksPage = lazy(() =>
  import('../features/webhooks/WebhooksPage.tsx').then((m) => ({ default: m.WebhooksPage })),
);
const RobotsPage = lazy(() => import('../features/robots/RobotsPage.tsx').then((m) => ({ default: m.RobotsPage })));
const AuditLogPage = lazy(() =>
  import('../features/history/AuditLogPage.tsx').then((m) => ({ default: m.AuditLogPage })),
);
const TokensPage = lazy(() => import('../features/auth/TokensPage.tsx').then((m) => ({ default: m.TokensPage })));
const TeamMembersPage = lazy(() =>
  import('../features/users/TeamMembersPage.tsx').then((m) => ({ default: m.TeamMembersPage })),
);
const TeamsPage = lazy(() => import('../features/teams/TeamsPage.tsx').then((m) => ({ default: m.TeamsPage })));
const StagesPage = lazy(() => import('../features/stages/StagesPage.tsx').then((m) => ({ default: m.StagesPage })));
const ProductsPage = lazy(() =>
  import('../features/products/ProductsPage.tsx').then((m) => ({ default: m.ProductsPage })),
);
const RecycleBinPage = lazy(() =>
  import('../features/recycle-bin/RecycleBinPage.tsx').then((m) => ({ default: m.RecycleBinPage })),
);
const CompetitorsPage = lazy(() =>
  import('../features/competitors/CompetitorsPage.tsx').then((m) => ({ default: m.CompetitorsPage })),
);
const PipelineBoardPage = lazy(() =>
  import('../features/pipeline/PipelineBoardPage.tsx').then((m) => ({ default: m.PipelineBoardPage })),
);
const OpportunitiesListPage = lazy(() =>
  import('../features/opportunities/OpportunitiesListPage.tsx').then((m) => ({ default: m.OpportunitiesListPage })),
);
const OpportunityPage = lazy(() =>
  import('../features/opportunities/blue-sheet/OpportunityPage.tsx').then((m) => ({ default: m.OpportunityPage })),
);
const ActivitiesListPage = lazy(() =>
  import('../features/activities/ActivitiesListPage.tsx').then((m) => ({ default: m.ActivitiesListPage })),
);
const ActivityPage = lazy(() =>
  import('../features/activities/ActivityPage.tsx').then((m) => ({ default: m.ActivityPage })),
);
const PlanPrintPage = lazy(() =>
  import('../features/activities/PlanPrintPage.tsx').then((m) => ({ default: m.PlanPrintPage })),
);
const TasksPage = lazy(() => import('../features/tasks/TasksPage.tsx').then((m) => ({ default: m.TasksPage })));
// FullCalendar and ECharts are large; only their pages load them.
const CalendarPage = lazy(() =>
  import('../features/calendar/CalendarPage.tsx').then((m) => ({ default: m.CalendarPage })),
);
const TimeAnalysisPage = lazy(() =>
  import('../features/analysis/TimeAnalysisPage.tsx').then((m) => ({ default: m.TimeAnalysisPage })),
);
const ScoringPage = lazy(() => import('../features/scoring/ScoringPage.tsx').then((m) => ({ default: m.ScoringPage })));
const ParetoPage = lazy(() =>
  import('../features/key-accounts/ParetoPage.tsx').then((m) => ({ default: m.ParetoPage })),
);
const EffortPage = lazy(() =>
  import('../features/key-accounts/EffortPage.tsx').then((m) => ({ default: m.EffortPage })),
);
const ForecastPage = lazy(() =>
  import('../features/forecast/ForecastPage.tsx').then((m) => ({ default: m.ForecastPage })),
);
const QuotasPage = lazy(() => import('../features/quotas/QuotasPage.tsx').then((m) => ({ default: m.QuotasPage })));
const PlannerPage = lazy(() => import('../features/planner/PlannerPage.tsx').then((m) => ({ default: m.PlannerPage })));
const DashboardPage = lazy(() =>
  import('../features/dashboard/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })),
);
const ActivityTypesPage = lazy(() =>
  import('../features/activity-types/ActivityTypesPage.tsx').then((m) => ({ default: m.ActivityTypesPage })),
);
const WhitespacePage = lazy(() =>
  import('../features/account-health/WhitespacePage.tsx').then((m) => ({ default: m.WhitespacePage })),
);
const SettingsPage = lazy(() =>
  import('../features/settings/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })),
);
const PoolPage = lazy(() => import('../features/pool/PoolPage.tsx').then((m) => ({ default: m.PoolPage })));
const ProspectsPage = lazy(() =>
  import('../features/pool/ProspectsPage.tsx').then((m) => ({ default: m.ProspectsPage })),
);

const ImportsPage = lazy(() => import('../features/imports/ImportsPage.tsx').then((m) => ({ default: m.ImportsPage })));

const lazyEl = (node: ReactNode) => <Suspense fallback={<FullPageSpin />}>{node}</Suspense>;

const router = createBrowserRouter([
  { path: '/setup', element: <SetupPage /> },
  { path: '/login', element: <LoginPage /> },
  // The printable visit plan is a bare sheet: no navigation or header around it.
  { path: '/activities/:id/print', element: <RequireAuth>{lazyEl(<PlanPrintPage />)}</RequireAuth> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/accounts" replace /> },
      { path: 'accounts', element: <AccountsListPage /> },
      { path: 'accounts/:id', element: <AccountPage /> },
      { path: 'contacts', element: <ContactsListPage /> },
      { path: 'contacts/:id', element: <ContactPage /> },
      { path: 'pipeline', element: lazyEl(<PipelineBoardPage />) },
      { path: 'opportunities', element: lazyEl(<OpportunitiesListPage />) },
      { path: 'opportunities/:id', element: lazyEl(<OpportunityPage />) },
      { path: 'activities', element: lazyEl(<ActivitiesListPage />) },
      { path: 'activities/:id', element: lazyEl(<ActivityPage />) },
      { path: 'tasks', element: lazyEl(<TasksPage />) },
      { path: 'calendar', element: lazyEl(<CalendarPage />) },
      { path: 'analysis/time', element: lazyEl(<TimeAnalysisPage />) },
      { path: 'analysis/scoring', element: lazyEl(<ScoringPage />) },
      { path: 'analysis/whitespace', element: lazyEl(<WhitespacePage />) },
      { path: 'analysis/pareto', element: lazyEl(<ParetoPage />) },
      { path: 'analysis/effort', element: lazyEl(<EffortPage />) },
      { path: 'analysis/prospects', element: lazyEl(<ProspectsPage />) },
      { path: 'pool', element: lazyEl(<PoolPage />) },
      { path: 'imports', element: lazyEl(<ImportsPage />) },
      { path: 'dashboard', element: lazyEl(<DashboardPage />) },
      { path: 'forecast', element: lazyEl(<ForecastPage />) },
      { path: 'quotas', element: lazyEl(<QuotasPage />) },
      { path: 'planner', element: lazyEl(<PlannerPage />) },
      { path: 'products', element: lazyEl(<ProductsPage />) },
      { path: 'competitors', element: lazyEl(<CompetitorsPage />) },
      { path: 'recycle-bin', element: lazyEl(<RecycleBinPage />) },
      { path: 'admin/stages', element: <RequireAdmin>{lazyEl(<StagesPage />)}</RequireAdmin> },
      { path: 'admin/users', element: <RequireAdmin>{lazyEl(<UsersPage />)}</RequireAdmin> },
      // Reading the organisation's log is an admin's (server/access/policies.ts: auditLog.read).
      { path: 'admin/audit', element: <RequireAdmin>{lazyEl(<AuditLogPage />)}</RequireAdmin> },
      // Webhooks send the organisation's records out of it: an admin's (server/access/policies.ts: webhook).
      { path: 'admin/webhooks', element: <RequireAdmin>{lazyEl(<WebhooksPage />)}</RequireAdmin> },
      // Group robots post the teams' news to chat groups outside the app: an admin's too (policies.ts: webhook).
      { path: 'admin/robots', element: <RequireAdmin>{lazyEl(<RobotsPage />)}</RequireAdmin> },
      // Handing over is a manager's too (policies.ts: handover); user administration is not.
      {
        path: 'team-members',
        element: <RequireRole roles={['admin', 'manager']}>{lazyEl(<TeamMembersPage />)}</RequireRole>,
      },
      { path: 'admin/teams', element: <RequireAdmin>{lazyEl(<TeamsPage />)}</RequireAdmin> },
      { path: 'admin/activity-types', element: <RequireAdmin>{lazyEl(<ActivityTypesPage />)}</RequireAdmin> },
      // Every setting on it is an admin's write (server/access/policies.ts: settings.update).
      { path: 'settings', element: <RequireAdmin>{lazyEl(<SettingsPage />)}</RequireAdmin> },
      // Everyone's own tokens (server/access/policies.ts: token); reached from the user menu.
      { path: 'tokens', element: lazyEl(<TokensPage />) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
