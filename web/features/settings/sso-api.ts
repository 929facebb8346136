import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SsoSettings, SsoSettingsBody, SsoTestResult } from '../../../core/schemas/sso.ts';
import { api } from '../../lib/api.ts';

const SSO = ['settings', 'sso'] as const;

export const useSsoSettings = () =>
  useQuery({ queryKey: SSO, queryFn: () => api.get<SsoSettings>('/api/settings/sso') });

export function usePutSsoSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SsoSettingsBody) => api.put<SsoSettings>('/api/settings/sso', body),
    onSuccess: (saved) => {
      qc.setQueryData(SSO, saved);
      // The sign-in page's button follows whether SSO is on.
      void qc.invalidateQueries({ queryKey: ['sso'] });
    },
  });
}

export const useTestSso = () =>
  useMutation({ mutationFn: (issuer: string) => api.post<SsoTestResult>('/api/settings/sso/test', { issuer }) });
