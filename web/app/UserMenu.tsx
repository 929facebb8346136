import { useState } from 'react';
import { App, Button, Dropdown } from 'antd';
import { CheckOutlined, DownOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import { resetSession, useMe } from '../lib/session.ts';
import { ChangePasswordDialog } from '../features/auth/ChangePasswordDialog.tsx';
import { useSavePreferences } from '../components/useMoney.ts';
import { MONEY_STYLES, type UserPreferences } from '../../core/user-preferences.ts';

export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [pwOpen, setPwOpen] = useState(false);
  const save = useSavePreferences();
  const { message } = App.useApp();
  const moneyStyle = me.preferences.money;

  const setMoney = (money: UserPreferences['money']) => {
    if (money === moneyStyle) return;
    save.mutate(
      { money },
      {
        onSuccess: () => void message.success(t('money.saved')),
        onError: (e) => void message.error(e.message),
      },
    );
  };

  const logout = async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      resetSession(qc);
      navigate('/login', { replace: true });
    }
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'who', label: `${me.name} · ${t(`enum.role.${me.role}`)}`, disabled: true },
            { type: 'divider' },
            {
              type: 'group',
              label: t('money.display'),
              children: MONEY_STYLES.map((s) => ({
                key: `money-${s}`,
                icon: s === moneyStyle ? <CheckOutlined /> : <span style={{ display: 'inline-block', width: 14 }} />,
                label: <span data-testid={`menu-money-${s}`}>{t(`money.${s}`)}</span>,
              })),
            },
            { type: 'divider' },
            { key: 'password', label: <span data-testid="menu-change-password">{t('auth.changePassword')}</span> },
            { key: 'tokens', label: <span data-testid="menu-tokens">{t('tokens.menu')}</span> },
            { key: 'logout', label: <span data-testid="menu-logout">{t('auth.logout')}</span>, danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setPwOpen(true);
            if (key === 'tokens') navigate('/tokens');
            if (key === 'logout') void logout();
            if (key === 'money-compact') setMoney('compact');
            if (key === 'money-full') setMoney('full');
          },
        }}
      >
        <Button type="text" icon={<UserOutlined />} aria-label={compact ? me.name : undefined} data-testid="user-menu">
          {!compact && (
            <>
              {me.name} <DownOutlined />
            </>
          )}
        </Button>
      </Dropdown>
      <ChangePasswordDialog open={pwOpen} onClose={() => setPwOpen(false)} />
    </>
  );
}
