import { useState } from 'react';
import { Button, Divider, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoginBody } from '../../../core/schemas/org.ts';
import { startSso, useSsoAvailability } from './sso-api.ts';

/**
 * 企业账号登录 under the password form, when some organisation here uses SSO: the e-mail typed above
 * finds the organisation, and the browser goes on to its identity provider (no password needed).
 */
export function SsoButton({ form, next, primary }: { form: FormInstance<LoginBody>; next: string; primary: boolean }) {
  const { t } = useTranslation();
  const available = useSsoAvailability();
  const [leaving, setLeaving] = useState(false);
  if (!available.data?.enabled) return null;

  const go = async () => {
    try {
      const { email } = await form.validateFields(['email']);
      setLeaving(true);
      startSso(email, next);
    } catch {
      // The e-mail field says what is missing.
    }
  };
  return (
    <>
      <Divider plain>{t('sso.or')}</Divider>
      <Button
        block
        type={primary ? 'primary' : 'default'}
        loading={leaving}
        onClick={() => void go()}
        data-testid="login-sso"
      >
        {t('sso.button')}
      </Button>
    </>
  );
}
