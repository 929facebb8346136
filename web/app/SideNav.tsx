import { Menu, type MenuProps } from 'antd';
import { BankOutlined, SettingOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../features/auth/session.ts';

export function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const items: MenuProps['items'] = [
    { key: '/accounts', icon: <BankOutlined />, label: <span data-testid="nav-accounts">{t('nav.accounts')}</span> },
    { key: '/contacts', icon: <UserOutlined />, label: <span data-testid="nav-contacts">{t('nav.contacts')}</span> },
  ];
  if (me.role === 'admin') {
    items.push({
      key: 'admin',
      icon: <SettingOutlined />,
      label: t('nav.admin'),
      children: [
        { key: '/admin/users', icon: <UserOutlined />, label: <span data-testid="nav-users">{t('nav.users')}</span> },
        { key: '/admin/teams', icon: <TeamOutlined />, label: <span data-testid="nav-teams">{t('nav.teams')}</span> },
      ],
    });
  }
  const selected = ['/accounts', '/contacts', '/admin/users', '/admin/teams'].find((k) => pathname.startsWith(k));

  return (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={pathname.startsWith('/admin') ? ['admin'] : []}
      items={items}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      data-testid="side-nav"
    />
  );
}

