import { Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccountDetail } from '../../../core/schemas/accounts.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { DateText } from '../../components/DateText.tsx';
import { ACCOUNT_GROUPS } from './fields.ts';
import { AccountFieldValue } from './AccountFieldValue.tsx';
import { AccountTeamEditor } from './AccountTeamEditor.tsx';

export function AccountProfile({ account }: { account: AccountDetail }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="account-profile">
      {ACCOUNT_GROUPS.map((g) => (
        <Card key={g.key} size="small" title={t(`accounts.group.${g.key}`)}>
          <Descriptions
            size="small"
            column={g.key === 'profile' || mobile ? 1 : { xs: 1, md: 2, xl: 3 }}
            layout={g.key === 'profile' ? 'vertical' : 'horizontal'}
            items={g.fields.map((def) => ({
              key: def.name,
              label: t(`field.account.${def.name}`),
              span: def.wide && g.key !== 'profile' ? 'filled' : undefined,
              children: <AccountFieldValue def={def} account={account} />,
            }))}
          />
        </Card>
      ))}
      <Card size="small" title={t('accounts.subsidiaries')}>
        {account.subsidiaries.length === 0 ? (
          <Typography.Text type="secondary">{t('accounts.noSubsidiaries')}</Typography.Text>
        ) : (
          <Space wrap>
            {account.subsidiaries.map((s) => (
              <Link key={s.id} to={`/accounts/${s.id}`}>
                {s.name}
              </Link>
            ))}
          </Space>
        )}
      </Card>
      <AccountTeamEditor account={account} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('field.common.createdAt')}: <DateText value={account.createdAt} withTime /> · {t('field.common.updatedAt')}:{' '}
        <DateText value={account.updatedAt} withTime /> · {t('field.common.version')} {account.version}
      </Typography.Text>
    </Space>
  );
}
