import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../core/enums.ts';
import { useMe } from '../../lib/session.ts';

/** A page only some roles may open: the others, following a link to it, read 403 instead. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useMe();
  const { t } = useTranslation();
  if (!roles.includes(me.role)) return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  return <>{children}</>;
}
