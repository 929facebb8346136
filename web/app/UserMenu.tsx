import { useState } from 'react';
import { Button, Dropdown } from 'antd';
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import { resetSession, useMe } from '../lib/session.ts';
import { ChangePasswordDialog } from '../features/auth/ChangePasswordDialog.tsx';

export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [pwOpen, setPwOpen] = useState(false);

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
            { key: 'password', label: <span data-testid="menu-change-password">{t('auth.changePassword')}</span> },
            { key: 'logout', label: <span data-testid="menu-logout">{t('auth.logout')}</span>, danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setPwOpen(true);
            if (key === 'logout') void logout();
          },
        }}
      >
        <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
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
