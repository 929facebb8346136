import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { MeContext, useMeQuery, useSetupStatus } from '../../lib/session.ts';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';

export function RequireAuth({ children }: { children: ReactNode }) {
  const setup = useSetupStatus();
  const me = useMeQuery();
  const location = useLocation();

  if (setup.isPending || me.isPending) return <FullPageSpin />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (me.isError) return <FullPageError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <MeContext.Provider value={me.data}>{children}</MeContext.Provider>;
}
