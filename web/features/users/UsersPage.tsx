import { useState } from 'react';
import { Button, Card, Empty, Flex, List, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../core/schemas/org.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useUsers } from '../../lib/org.ts';
import { ListCount } from '../../components/ListCount.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { HandoverModal } from './HandoverModal.tsx';

export function UsersPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const users = useUsers();
  // undefined: closed; null: creating; a User: editing.
  const [editing, setEditing] = useState<User | null | undefined>(undefined);
  const [handingOver, setHandingOver] = useState<User | undefined>();

  const columns: ColumnsType<User> = [
    { key: 'name', title: t('field.user.name'), render: (_, u) => u.name },
    { key: 'email', title: t('field.user.email'), render: (_, u) => u.email },
    { key: 'role', title: t('field.user.role'), render: (_, u) => t(`enum.role.${u.role}`) },
    { key: 'dataScope', title: t('field.user.dataScope'), render: (_, u) => t(`enum.dataScope.${u.dataScope}`) },
    { key: 'team', title: t('field.user.teamId'), render: (_, u) => u.teamName ?? '—' },
    { key: 'manager', title: t('field.user.managerId'), render: (_, u) => u.managerName ?? '—' },
    {
      key: 'active',
      title: t('field.user.active'),
      render: (_, u) => (u.active ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.inactive')}</Tag>),
    },
    {
      key: 'edit',
      width: 130,
      render: (_, u) => (
        <Flex gap={8}>
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(u)}
            aria-label={t('common.edit')}
            data-testid="edit-user"
          />
          <Button size="small" icon={<SwapOutlined />} onClick={() => setHandingOver(u)} data-testid="handover-user">
            {t('handover.action')}
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.users')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="new-user">
          {t('admin.newUser')}
        </Button>
      </Flex>
      {users.data && <ListCount count={users.data.length} block />}
      {users.isError ? (
        <FullPageError error={users.error} onRetry={() => void users.refetch()} />
      ) : mobile ? (
        <List
          data-testid="users-list"
          loading={users.isPending}
          dataSource={users.data ?? []}
          renderItem={(u) => (
            <Card size="small" style={{ marginBottom: 8 }} onClick={() => setEditing(u)}>
              <Flex justify="space-between">
                <strong>{u.name}</strong>
                {u.active ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.inactive')}</Tag>}
              </Flex>
              <Flex justify="space-between" align="center">
                <div style={{ color: '#666', fontSize: 12 }}>
                  {u.email} · {t(`enum.role.${u.role}`)} · {u.teamName ?? '—'}
                </div>
                <Button
                  size="small"
                  icon={<SwapOutlined />}
                  onClick={(e) => {
                    // The card itself opens the edit form.
                    e.stopPropagation();
                    setHandingOver(u);
                  }}
                  data-testid="handover-user"
                >
                  {t('handover.action')}
                </Button>
              </Flex>
            </Card>
          )}
        />
      ) : (
        <Table<User>
          data-testid="users-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data ?? []}
          loading={users.isPending}
          pagination={false}
          locale={{ emptyText: <Empty /> }}
        />
      )}
      <HandoverModal from={handingOver} onClose={() => setHandingOver(undefined)} />
      <UserFormModal open={editing !== undefined} user={editing ?? undefined} onClose={() => setEditing(undefined)} />
    </div>
  );
}
