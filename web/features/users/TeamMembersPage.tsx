import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, List, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../core/schemas/org.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { ListCount } from '../../components/ListCount.tsx';
import { useHandoverPeople } from './api.ts';
import { HandoverModal } from './HandoverModal.tsx';

/**
 * 团队成员: a manager's people — those the server lets them hand over (their data scope) — each
 * with 交接. Nothing here administers users: adding, editing and deactivating stay on the admin's
 * users page, as the server allows only admins those writes.
 */
export function TeamMembersPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const people = useHandoverPeople();
  const [handingOver, setHandingOver] = useState<User | undefined>();
  const list = people.data ?? [];

  const status = (u: User) =>
    u.active ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.inactive')}</Tag>;
  const handoverButton = (u: User) => (
    <Button size="small" icon={<SwapOutlined />} onClick={() => setHandingOver(u)} data-testid="handover-user">
      {t('handover.action')}
    </Button>
  );

  const columns: ColumnsType<User> = [
    { key: 'name', title: t('field.user.name'), render: (_, u) => u.name },
    { key: 'role', title: t('field.user.role'), render: (_, u) => t(`enum.role.${u.role}`) },
    { key: 'team', title: t('field.user.teamId'), render: (_, u) => u.teamName ?? '—' },
    { key: 'manager', title: t('field.user.managerId'), render: (_, u) => u.managerName ?? '—' },
    { key: 'active', title: t('field.user.active'), render: (_, u) => status(u) },
    { key: 'handover', width: 110, render: (_, u) => handoverButton(u) },
  ];

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('handover.team.nav')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('handover.team.intro')}
      </Typography.Paragraph>
      {people.data && people.data.length <= 1 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('handover.team.nobodyElse')} />
      )}
      {people.data && <ListCount count={people.data.length} block />}
      {people.isError ? (
        <FullPageError error={people.error} onRetry={() => void people.refetch()} />
      ) : mobile ? (
        <List
          data-testid="team-members-list"
          loading={people.isPending}
          dataSource={list}
          renderItem={(u) => (
            <Card size="small" style={{ marginBottom: 8 }}>
              <Flex justify="space-between" align="center" gap={8}>
                <strong>{u.name}</strong>
                {status(u)}
              </Flex>
              <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 4 }}>
                <div style={{ color: '#666', fontSize: 12, minWidth: 0 }}>
                  {t(`enum.role.${u.role}`)} · {u.teamName ?? '—'}
                </div>
                {handoverButton(u)}
              </Flex>
            </Card>
          )}
        />
      ) : (
        <Table<User>
          data-testid="team-members-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list}
          loading={people.isPending}
          pagination={false}
          locale={{ emptyText: <Empty /> }}
        />
      )}
      <HandoverModal from={handingOver} onClose={() => setHandingOver(undefined)} />
    </div>
  );
}
