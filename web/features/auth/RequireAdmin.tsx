import type { ReactNode } from 'react';
import { RequireRole } from './RequireRole.tsx';

export function RequireAdmin({ children }: { children: ReactNode }) {
  return <RequireRole roles={['admin']}>{children}</RequireRole>;
}
