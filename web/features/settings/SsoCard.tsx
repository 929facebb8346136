// Admins: the organisation's OpenID Connect provider — issuer, client, the redirect URI to register,
// who gets an account at their first sign-in, and whether members may still use a password. The
// client secret is never shown: the field says whether one is set, and left empty keeps it.
import { useEffect } from 'react';
import { App, Button, Card, Flex, Input, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SSO_JIT_ROLES, type SsoSettings, type SsoSettingsBody } from '../../../core/schemas/sso.ts';
import { Form } from '../../components/Form.tsx';
import { EnumSelect } from '../../components/EnumSelect.tsx';
import { TeamSelect } from '../../components/TeamSelect.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { ApiError, localMessage } from '../../lib/api.ts';
import { withoutPath } from '../../lib/form-errors.ts';
import { usePutSsoSettings, useSsoSettings, useTestSso } from './sso-api.ts';

type Values = Omit<SsoSettingsBody, 'clientSecret'> & { clientSecret?: string };

const valuesOf = ({ clientSecretSet: _set, redirectUri: _uri, ...rest }: SsoSettings): Values => ({
  ...rest,
  clientSecret: '',
});

export function SsoCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fail = useApiFeedback();
  const [form] = Form.useForm<Values>();
  const sso = useSsoSettings();
  const put = usePutSsoSettings();
  const test = useTestSso();
  useEffect(() => {
    if (sso.data) form.setFieldsValue(valuesOf(sso.data));
  }, [sso.data, form]);
  const enabled = Form.useWatch('enabled', form);
  const jit = Form.useWatch('jitEnabled', form);

  /** Field errors under their fields; a domain's (domains.2) under the domains box. */
  const showErrors = (e: unknown) => {
    fail(e);
    if (!(e instanceof ApiError)) return;
    form.setFields(
      e.fields.map((f) => ({
        name: (f.path.startsWith('domains.') ? 'domains' : f.path) as keyof Values,
        errors: [withoutPath(localMessage(f), f.path)],
      })),
    );
  };

  const save = async (values: Values) => {
    try {
      const saved = await put.mutateAsync({
        ...values,
        // A cleared team picker leaves undefined; the API takes null for "no team".
        jitTeamId: values.jitTeamId ?? null,
        domains: values.domains ?? [],
        clientSecret: values.clientSecret || undefined,
      });
      form.setFieldsValue(valuesOf(saved));
      message.success(t('sso.settings.saved'));
    } catch (e) {
      showErrors(e);
    }
  };
  const tryIt = async () => {
    try {
      const found = await test.mutateAsync(form.getFieldValue('issuer') ?? '');
      message.success(t('sso.settings.testOk', { issuer: found.issuer }));
    } catch (e) {
      showErrors(e);
    }
  };

  return (
    <Card size="small" title={t('sso.settings.title')} loading={sso.isPending} data-testid="settings-sso">
      <Typography.Paragraph type="secondary">{t('sso.settings.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        requiredMark={false}
        // Passwords can only be turned off while SSO is on: turning SSO off turns them back on.
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.enabled === false) form.setFieldValue('passwordLoginDisabled', false);
        }}
      >
        <Form.Item name="enabled" label={t('sso.settings.enabled')} valuePropName="checked">
          <Switch data-testid="sso-enabled" />
        </Form.Item>
        <Form.Item name="issuer" label={t('sso.settings.issuer')}>
          <Input placeholder="https://login.example.com/realms/company" data-testid="sso-issuer" />
        </Form.Item>
        <Form.Item name="clientId" label={t('sso.settings.clientId')}>
          <Input autoComplete="off" data-testid="sso-client-id" />
        </Form.Item>
        <Form.Item name="clientSecret" label={t('sso.settings.clientSecret')}>
          <Input.Password
            autoComplete="new-password"
            placeholder={sso.data?.clientSecretSet ? t('sso.settings.secretSet') : undefined}
            data-testid="sso-client-secret"
          />
        </Form.Item>
        <Flex vertical gap={2} style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('sso.settings.redirectUri')}</Typography.Text>
          <Typography.Text copyable code style={{ wordBreak: 'break-all' }} data-testid="sso-redirect-uri">
            {sso.data?.redirectUri}
          </Typography.Text>
        </Flex>
        <Form.Item name="domains" label={t('sso.settings.domains')} tooltip={t('sso.settings.domainsHint')}>
          <Select<string[]>
            mode="tags"
            open={false}
            suffixIcon={null}
            tokenSeparators={[',', '，', ' ']}
            placeholder={t('sso.settings.domainsPlaceholder')}
            data-testid="sso-domains"
          />
        </Form.Item>
        <Form.Item name="jitEnabled" label={t('sso.settings.jitEnabled')} valuePropName="checked">
          <Switch data-testid="sso-jit" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="jitTeamId" label={t('sso.settings.jitTeam')} style={{ flex: '1 1 200px' }}>
            <TeamSelect placeholder={t('common.choose')} disabled={!jit} />
          </Form.Item>
          <Form.Item name="jitRole" label={t('sso.settings.jitRole')} style={{ flex: '1 1 160px' }}>
            <EnumSelect group="role" values={SSO_JIT_ROLES} disabled={!jit} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="passwordLoginDisabled"
          label={t('sso.settings.passwordLoginDisabled')}
          extra={t('sso.settings.passwordLoginHint')}
          valuePropName="checked"
        >
          <Switch disabled={!enabled} data-testid="sso-password-off" />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" loading={put.isPending} data-testid="sso-save">
            {t('common.save')}
          </Button>
          <Button onClick={() => void tryIt()} loading={test.isPending} data-testid="sso-test">
            {t('sso.settings.test')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
