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
import { RequireAdmin } from '../features/admin/RequireAdmin.tsx';

// Admin screens are rarely visited; keep them out of the first load.
const UsersPage = lazy(() => import('../features/admin/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const TeamsPage = lazy(() => import('../features/admin/TeamsPage.tsx').then((m) => ({ default: m.TeamsPage })));
const StagesPage = lazy(() => import('../features/catalog/StagesPage.tsx').then((m) => ({ default: m.StagesPage })));
const ProductsPage = lazy(() => import('../features/catalog/ProductsPage.tsx').then((m) => ({ default: m.ProductsPage })));
const CompetitorsPage = lazy(() => import('../features/catalog/CompetitorsPage.tsx').then((m) => ({ default: m.CompetitorsPage })));
const PipelineBoardPage = lazy(() => import('../features/deals/PipelineBoardPage.tsx').then((m) => ({ default: m.PipelineBoardPage })));
const OpportunitiesListPage = lazy(() => import('../features/deals/OpportunitiesListPage.tsx').then((m) => ({ default: m.OpportunitiesListPage })));
const OpportunityPage = lazy(() => import('../features/deals/OpportunityPage.tsx').then((m) => ({ default: m.OpportunityPage })));

const lazyEl = (node: ReactNode) => <Suspense fallback={<FullPageSpin />}>{node}</Suspense>;

const router = createBrowserRouter([
  { path: '/setup', element: <SetupPage /> },
  { path: '/login', element: <LoginPage /> },
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
      { path: 'products', element: lazyEl(<ProductsPage />) },
      { path: 'competitors', element: lazyEl(<CompetitorsPage />) },
      { path: 'admin/stages', element: <RequireAdmin>{lazyEl(<StagesPage />)}</RequireAdmin> },
      { path: 'admin/users', element: <RequireAdmin>{lazyEl(<UsersPage />)}</RequireAdmin> },
      { path: 'admin/teams', element: <RequireAdmin>{lazyEl(<TeamsPage />)}</RequireAdmin> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
