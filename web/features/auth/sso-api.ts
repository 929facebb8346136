import { useQuery } from '@tanstack/react-query';
import type { SsoAvailability } from '../../../core/schemas/sso.ts';
import { api } from '../../lib/api.ts';

/** Whether the sign-in page offers "Sign in with SSO": some organisation here uses it. */
export const useSsoAvailability = () =>
  useQuery({
    queryKey: ['sso', 'available'],
    queryFn: () => api.get<SsoAvailability>('/api/auth/sso'),
    staleTime: 5 * 60_000,
  });

/** The browser leaves for the identity provider; the server finds the organisation by the e-mail. */
export function startSso(email: string, next: string): void {
  window.location.assign(`/api/auth/sso/start?${new URLSearchParams({ email, next })}`);
}
