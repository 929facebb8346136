import { useEffect, useState } from 'react';
import { Button, Drawer, Flex, Layout, Typography } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../lib/session.ts';
import { currentLang, setLang } from '../i18n/index.ts';
import { useIsMobile } from '../components/useIsMobile.ts';
import { SideNav } from './SideNav.tsx';
import { GlobalSearch } from '../features/search/GlobalSearch.tsx';
import { LangSwitch } from '../components/LangSwitch.tsx';
import { UserMenu } from './UserMenu.tsx';
import { NotificationBell } from '../features/reminders/NotificationBell.tsx';
import { TEXT_SECONDARY } from '../components/a11y.ts';

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Below antd's lg breakpoint the side bar shrinks to icons; the menu then opens groups as fly-outs.
  const [collapsed, setCollapsed] = useState(false);

  // A saved preference follows the user across devices; apply it once per sign-in.
  useEffect(() => {
    if (me.locale && me.locale !== currentLang()) void setLang(me.locale);
  }, [me.id, me.locale]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile && (
        <Layout.Sider
          theme="light"
          width={216}
          breakpoint="lg"
          collapsedWidth={64}
          onCollapse={setCollapsed}
          style={{ borderRight: '1px solid #f0f0f0' }}
        >
          <Brand />
          <SideNav collapsed={collapsed} />
        </Layout.Sider>
      )}
      {mobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          styles={{ body: { padding: 0 } }}
          title={<Brand />}
        >
          <SideNav onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: mobile ? '0 8px' : '0 16px',
            borderBottom: '1px solid #f0f0f0',
            height: 'auto',
            lineHeight: 'normal',
            minHeight: 56,
          }}
        >
          <Flex align="center" gap={8} style={{ minHeight: 56 }} wrap={false}>
            {mobile && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                onClick={() => setDrawerOpen(true)}
                data-testid="nav-toggle"
                aria-label={t('navigation.menu')}
              />
            )}
            {!mobile && (
              <Typography.Text strong ellipsis style={{ maxWidth: 220 }} data-testid="org-name">
                {me.orgName}
              </Typography.Text>
            )}
            <div style={{ flex: 1, minWidth: 0, maxWidth: 420, marginInline: mobile ? 0 : 'auto' }}>
              <GlobalSearch />
            </div>
            <LangSwitch />
            <NotificationBell />
            <UserMenu compact={mobile} />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: mobile ? 8 : 16, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function Brand() {
  const me = useMe();
  return (
    <div
      style={{
        padding: '16px 16px 8px',
        fontWeight: 600,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
      }}
    >
      OpenKAM
      <div
        style={{ fontWeight: 400, fontSize: 12, color: TEXT_SECONDARY, overflow: 'hidden', textOverflow: 'ellipsis' }}
      >
        {me.orgName}
      </div>
    </div>
  );
}
