import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../lib/session.ts';

export function RequireAdmin({ children }: { children: ReactNode }) {
  const me = useMe();
  const { t } = useTranslation();
  if (me.role !== 'admin') return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  return <>{children}</>;
}
