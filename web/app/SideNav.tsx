import { useEffect, useState, type ReactNode } from 'react';
import { Badge, Menu, type MenuProps } from 'antd';
import {
  AppstoreOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FlagOutlined,
  FilterOutlined,
  FieldTimeOutlined,
  FunnelPlotOutlined,
  GlobalOutlined,
  LineChartOutlined,
  NodeIndexOutlined,
  PieChartOutlined,
  ProjectOutlined,
  RestOutlined,
  RiseOutlined,
  ScheduleOutlined,
  SettingOutlined,
  StarOutlined,
  TableOutlined,
  TagsOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
  ContactsOutlined,
  SolutionOutlined,
  FundOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../lib/session.ts';
import { useReminders } from '../features/reminders/api.ts';
import { navFor, navItemOf, type NavGroupKey } from './nav-model.ts';

const GROUP_ICONS: Record<NavGroupKey, ReactNode> = {
  customers: <ContactsOutlined />,
  sales: <SolutionOutlined />,
  analysis: <PieChartOutlined />,
  plan: <FundOutlined />,
  admin: <ToolOutlined />,
};

const ITEM_ICONS: Record<string, ReactNode> = {
  '/accounts': <BankOutlined />,
  '/contacts': <UserOutlined />,
  '/pool': <GlobalOutlined />,
  '/pipeline': <FunnelPlotOutlined />,
  '/opportunities': <ProjectOutlined />,
  '/activities': <ScheduleOutlined />,
  '/calendar': <CalendarOutlined />,
  '/tasks': <CheckSquareOutlined />,
  '/analysis/pareto': <PieChartOutlined />,
  '/analysis/scoring': <StarOutlined />,
  '/analysis/effort': <FieldTimeOutlined />,
  '/analysis/prospects': <FilterOutlined />,
  '/analysis/whitespace': <TableOutlined />,
  '/analysis/time': <BarChartOutlined />,
  '/dashboard': <DashboardOutlined />,
  '/forecast': <LineChartOutlined />,
  '/quotas': <FlagOutlined />,
  '/planner': <RiseOutlined />,
  '/admin/users': <UserOutlined />,
  '/admin/teams': <TeamOutlined />,
  '/admin/stages': <NodeIndexOutlined />,
  '/admin/activity-types': <TagsOutlined />,
  '/products': <AppstoreOutlined />,
  '/competitors': <TrophyOutlined />,
  '/recycle-bin': <RestOutlined />,
  '/settings': <SettingOutlined />,
};

/**
 * The side menu (and the phone drawer's): five groups as submenus, the current page's group open.
 * Any group can be opened beside it; the next page in another group folds them again.
 */
export function SideNav({ onNavigate, collapsed = false }: { onNavigate?: () => void; collapsed?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const overdue = useReminders().data?.overdueTasks ?? 0;
  const current = navItemOf(pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(current ? [current.group] : []);

  // Moving to a page of another group opens that group and folds the rest, so the menu stays short.
  // A collapsed side bar (icons only) shows groups as fly-outs: none is opened for the user there.
  useEffect(() => {
    if (current && !collapsed) setOpenKeys([current.group]);
  }, [current?.group, collapsed]);

  const label = (testId: string, text: string) =>
    testId === 'nav-tasks' ? (
      <span data-testid="nav-tasks">
        {text}
        {/* Overdue tasks, counted by the server, in the navigation itself. */}
        <Badge
          count={overdue}
          size="small"
          overflowCount={99}
          style={{ marginInlineStart: 8 }}
          title={t('tasks.overdueCount', { count: overdue })}
          data-testid="nav-tasks-overdue"
        />
      </span>
    ) : (
      <span data-testid={testId}>{text}</span>
    );

  const items: MenuProps['items'] = navFor(me.role).map((g) => ({
    key: g.key,
    icon: GROUP_ICONS[g.key],
    label: <span data-testid={`nav-group-${g.key}`}>{t(`navigation.group.${g.key}`)}</span>,
    children: g.items.map((i) => ({ key: i.path, icon: ITEM_ICONS[i.path], label: label(i.testId, t(i.label)) })),
  }));

  return (
    <Menu
      mode="inline"
      // Items sit one level in; antd's 24 px step would cut English labels ("Key-account scoring") short.
      inlineIndent={16}
      selectedKeys={current ? [current.item.path] : []}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      items={items}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      aria-label={t('navigation.menu')}
      data-testid="side-nav"
    />
  );
}
