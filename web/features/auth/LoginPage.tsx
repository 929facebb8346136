import { useState } from 'react';
import { Alert, App, Button, Card, Input } from 'antd';
import dayjs from 'dayjs';
import { Form } from '../../components/Form.tsx';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginBody, LoginResponse } from '../../../core/schemas/org.ts';
import { api, ApiError } from '../../lib/api.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { ME_KEY, useMeQuery, useSetupStatus } from '../../lib/session.ts';
import { AuthShell } from './AuthShell.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginBody>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const qc = useQueryClient();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const setup = useSetupStatus();
  const me = useMeQuery();
  const next = safeNext(params.get('next'));

  if (setup.isPending || me.isPending) return <FullPageSpin />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (me.data) return <Navigate to={next} replace />;

  const onFinish = async (values: LoginBody) => {
    setBusy(true);
    setError(null);
    try {
      const { failedAttemptsSinceLastLogin: failed, ...user } = await api.post<LoginResponse>(
        '/api/auth/login',
        values,
      );
      qc.setQueryData(ME_KEY, user);
      // Someone tried this account's password since the last sign-in: said once, until dismissed.
      if (failed) {
        notification.warning({
          title: t('auth.failedLoginsTitle', { count: failed.count }),
          description: t('auth.failedLoginsBody', {
            at: dayjs(failed.lastAt).format('YYYY-MM-DD HH:mm'),
            address: failed.lastAddress ?? '—',
          }),
          duration: 0,
        });
      }
      navigate(next, { replace: true });
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthShell>
      <Card title={t('auth.loginTitle')} style={{ width: '100%', maxWidth: 400 }}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="email"
            label={t('auth.email')}
            rules={[{ required: true, type: 'email', message: t('validation.email') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('auth.login')}
          </Button>
        </Form>
      </Card>
    </AuthShell>
  );
}

/** Only follow in-app paths, so ?next= cannot bounce the user to another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/accounts';
}
