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
import { SsoButton } from './SsoButton.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginBody>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The organisation takes no password from this member: SSO becomes the button to press. */
  const [ssoOnly, setSsoOnly] = useState(false);
  const qc = useQueryClient();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const setup = useSetupStatus();
  const me = useMeQuery();
  const next = safeNext(params.get('next'));
  // Back from the identity provider without a session: why, in the page's language.
  const ssoError = params.get('sso_error');
  const ssoMessage =
    ssoError && /^sso_[a-z_]+$/.test(ssoError)
      ? t(`sso.errors.${ssoError}`, { defaultValue: t('sso.errors.generic') })
      : null;

  if (setup.isPending || me.isPending) return <FullPageSpin />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (me.data) return <Navigate to={next} replace />;

  const onFinish = async (values: LoginBody) => {
    setBusy(true);
    setError(null);
    setSsoOnly(false);
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
      if (e instanceof ApiError && e.code === 'password_login_disabled') setSsoOnly(true);
      if (!applyFieldErrors(form, e)) setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthShell>
      <Card title={t('auth.loginTitle')} style={{ width: '100%', maxWidth: 400 }}>
        {(error ?? ssoMessage) && (
          <Alert
            type="error"
            showIcon
            title={error ?? ssoMessage}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
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
        <SsoButton form={form} next={next} primary={ssoOnly} />
      </Card>
    </AuthShell>
  );
}

/** Only follow in-app paths, so ?next= cannot bounce the user to another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/accounts';
}
