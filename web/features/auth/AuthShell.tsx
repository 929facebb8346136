import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LangSwitch } from '../../components/LangSwitch.tsx';

/** Centred frame for the pages shown before sign-in. */
export function AuthShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f5f5' }}>
      <Flex justify="flex-end" style={{ width: '100%' }}>
        <LangSwitch />
      </Flex>
      <Typography.Title level={3} style={{ marginTop: 40, textAlign: 'center' }}>
        OpenKAM · {t('app.title')}
      </Typography.Title>
      {children}
    </Flex>
  );
}
