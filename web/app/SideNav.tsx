import { Menu, type MenuProps } from 'antd';
import { AppstoreOutlined, BankOutlined, FunnelPlotOutlined, NodeIndexOutlined, ProjectOutlined, SettingOutlined, TeamOutlined, TrophyOutlined, UserOutlined } from '@ant-design/icons';
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
    { key: '/pipeline', icon: <FunnelPlotOutlined />, label: <span data-testid="nav-pipeline">{t('nav.pipeline')}</span> },
    { key: '/opportunities', icon: <ProjectOutlined />, label: <span data-testid="nav-opportunities">{t('nav.opportunities')}</span> },
    { key: '/products', icon: <AppstoreOutlined />, label: <span data-testid="nav-products">{t('nav.products')}</span> },
    { key: '/competitors', icon: <TrophyOutlined />, label: <span data-testid="nav-competitors">{t('nav.competitors')}</span> },
  ];
  if (me.role === 'admin') {
    items.push({
      key: 'admin',
      icon: <SettingOutlined />,
      label: t('nav.admin'),
      children: [
        { key: '/admin/users', icon: <UserOutlined />, label: <span data-testid="nav-users">{t('nav.users')}</span> },
        { key: '/admin/teams', icon: <TeamOutlined />, label: <span data-testid="nav-teams">{t('nav.teams')}</span> },
        { key: '/admin/stages', icon: <NodeIndexOutlined />, label: <span data-testid="nav-stages">{t('nav.stages')}</span> },
      ],
    });
  }
  const selected = ['/accounts', '/contacts', '/pipeline', '/opportunities', '/products', '/competitors', '/admin/users', '/admin/teams', '/admin/stages'].find((k) => pathname.startsWith(k));

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

