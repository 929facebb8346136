import { useState } from 'react';
import { Alert, Button, Card, Input, Typography } from 'antd';
import { Form } from '../../components/Form.tsx';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Me, SetupBody } from '../../../core/schemas/org.ts';
import { api, ApiError } from '../../lib/api.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { ME_KEY, SETUP_KEY, useSetupStatus } from '../../lib/session.ts';
import { AuthShell } from '../auth/AuthShell.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';

export function SetupPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SetupBody>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const setup = useSetupStatus();

  if (setup.isPending) return <FullPageSpin />;
  if (setup.data && !setup.data.needsSetup) return <Navigate to="/login" replace />;

  const onFinish = async (values: SetupBody) => {
    setBusy(true);
    setError(null);
    try {
      const me = await api.post<Me>('/api/setup', values);
      qc.setQueryData(SETUP_KEY, { needsSetup: false });
      qc.setQueryData(ME_KEY, me);
      navigate('/accounts', { replace: true });
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthShell>
      <Card title={t('setup.title')} style={{ width: '100%', maxWidth: 440 }}>
        <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="orgName"
            label={t('setup.orgName')}
            rules={[{ required: true, message: t('validation.required') }, { max: 100 }]}
          >
            <Input autoFocus />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('setup.adminName')}
            rules={[{ required: true, message: t('validation.required') }, { max: 100 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('auth.email')}
            rules={[{ required: true, type: 'email', message: t('validation.email') }]}
          >
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, min: 8, message: t('validation.password') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Form>
      </Card>
    </AuthShell>
  );
}
