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
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../lib/session.ts';
import { useReminders } from '../features/reminders/api.ts';

const KEYS = [
  '/accounts',
  '/pool',
  '/contacts',
  '/pipeline',
  '/opportunities',
  '/activities',
  '/tasks',
  '/calendar',
  '/analysis/time',
  '/analysis/scoring',
  '/analysis/prospects',
  '/analysis/pareto',
  '/analysis/effort',
  '/analysis/whitespace',
  '/dashboard',
  '/forecast',
  '/quotas',
  '/planner',
  '/products',
  '/competitors',
  '/recycle-bin',
  '/admin/users',
  '/admin/teams',
  '/admin/stages',
  '/admin/activity-types',
];

export function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const overdue = useReminders().data?.overdueTasks ?? 0;
  const manager = me.role === 'admin' || me.role === 'manager';

  const items: MenuProps['items'] = [
    { key: '/accounts', icon: <BankOutlined />, label: <span data-testid="nav-accounts">{t('nav.accounts')}</span> },
    // The shared pool is org-wide: every user who can write may claim from it.
    ...(me.role !== 'viewer'
      ? [{ key: '/pool', icon: <GlobalOutlined />, label: <span data-testid="nav-pool">{t('pool.nav')}</span> }]
      : []),
    { key: '/contacts', icon: <UserOutlined />, label: <span data-testid="nav-contacts">{t('nav.contacts')}</span> },
    {
      key: '/pipeline',
      icon: <FunnelPlotOutlined />,
      label: <span data-testid="nav-pipeline">{t('nav.pipeline')}</span>,
    },
    {
      key: '/opportunities',
      icon: <ProjectOutlined />,
      label: <span data-testid="nav-opportunities">{t('nav.opportunities')}</span>,
    },
    {
      key: '/activities',
      icon: <ScheduleOutlined />,
      label: <span data-testid="nav-activities">{t('nav.activities')}</span>,
    },
    {
      key: '/tasks',
      icon: <CheckSquareOutlined />,
      label: (
        <span data-testid="nav-tasks">
          {t('nav.tasks')}
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
      ),
    },
    {
      key: '/calendar',
      icon: <CalendarOutlined />,
      label: <span data-testid="nav-calendar">{t('nav.calendar')}</span>,
    },
    ...(manager
      ? [
          {
            key: '/analysis/time',
            icon: <BarChartOutlined />,
            label: <span data-testid="nav-time-analysis">{t('nav.timeAnalysis')}</span>,
          },
        ]
      : []),
    {
      key: '/analysis/scoring',
      icon: <StarOutlined />,
      label: <span data-testid="nav-scoring">{t('scoring.nav')}</span>,
    },
    {
      key: '/analysis/whitespace',
      icon: <TableOutlined />,
      label: <span data-testid="nav-whitespace">{t('whitespace.nav')}</span>,
    },
    // Everyone ranks the accounts in their own scope: a rep's Pareto is their book.
    {
      key: '/analysis/pareto',
      icon: <PieChartOutlined />,
      label: <span data-testid="nav-pareto">{t('pareto.nav')}</span>,
    },
    {
      key: '/analysis/effort',
      icon: <FieldTimeOutlined />,
      label: <span data-testid="nav-effort">{t('pareto.effortNav')}</span>,
    },
    {
      key: '/analysis/prospects',
      icon: <FilterOutlined />,
      label: <span data-testid="nav-prospects">{t('pool.prospectsNav')}</span>,
    },
    // The dashboard is a team view; a rep's own figures are on the forecast and planner pages.
    ...(me.role !== 'rep'
      ? [
          {
            key: '/dashboard',
            icon: <DashboardOutlined />,
            label: <span data-testid="nav-dashboard">{t('nav.dashboard')}</span>,
          },
        ]
      : []),
    {
      key: '/forecast',
      icon: <LineChartOutlined />,
      label: <span data-testid="nav-forecast">{t('nav.forecast')}</span>,
    },
    { key: '/quotas', icon: <FlagOutlined />, label: <span data-testid="nav-quotas">{t('nav.quotas')}</span> },
    { key: '/planner', icon: <RiseOutlined />, label: <span data-testid="nav-planner">{t('nav.planner')}</span> },
    {
      key: '/products',
      icon: <AppstoreOutlined />,
      label: <span data-testid="nav-products">{t('nav.products')}</span>,
    },
    {
      key: '/competitors',
      icon: <TrophyOutlined />,
      label: <span data-testid="nav-competitors">{t('nav.competitors')}</span>,
    },
    // Everyone who can delete can restore what they deleted.
    ...(me.role !== 'viewer'
      ? [
          {
            key: '/recycle-bin',
            icon: <RestOutlined />,
            label: <span data-testid="nav-recycle-bin">{t('nav.recycleBin')}</span>,
          },
        ]
      : []),
  ];
  if (me.role === 'admin') {
    items.push({
      key: 'admin',
      icon: <SettingOutlined />,
      label: t('nav.admin'),
      children: [
        { key: '/admin/users', icon: <UserOutlined />, label: <span data-testid="nav-users">{t('nav.users')}</span> },
        { key: '/admin/teams', icon: <TeamOutlined />, label: <span data-testid="nav-teams">{t('nav.teams')}</span> },
        {
          key: '/admin/stages',
          icon: <NodeIndexOutlined />,
          label: <span data-testid="nav-stages">{t('nav.stages')}</span>,
        },
        {
          key: '/admin/activity-types',
          icon: <TagsOutlined />,
          label: <span data-testid="nav-activity-types">{t('nav.activityTypes')}</span>,
        },
      ],
    });
  }
  const selected = KEYS.find((k) => pathname.startsWith(k));

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
