import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Popconfirm, Space, Spin, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../core/schemas/org.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useDeleteTeam } from './api.ts';
import { buildTeamTree, useTeams, type TeamNode } from '../../lib/org.ts';
import { TeamFormModal, type TeamDialog } from './TeamFormModal.tsx';

export function TeamsPage() {
  const { t } = useTranslation();
  const teams = useTeams();
  const del = useDeleteTeam();
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<TeamDialog | null>(null);

  const remove = async (team: Team) => {
    try {
      await del.mutateAsync(team.id);
      message.success(t('common.deleted'));
    } catch (e) {
      fail(e);
    }
  };

  const toData = (nodes: TeamNode[]): DataNode[] =>
    nodes.map((n) => ({
      key: n.team.id,
      children: toData(n.children),
      title: (
        <Flex gap={8} align="center" wrap data-testid="team-node">
          <span>{n.team.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('admin.memberCount', { count: n.team.memberCount })}
          </Typography.Text>
          <Space size={2}>
            <Button
              size="small"
              type="text"
              icon={<PlusOutlined />}
              title={t('admin.addSubteam')}
              aria-label={t('admin.addSubteam')}
              onClick={() => setDialog({ mode: 'create', parentId: n.team.id })}
            />
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              title={t('admin.renameMove')}
              aria-label={t('admin.renameMove')}
              onClick={() => setDialog({ mode: 'edit', team: n.team })}
            />
            <Popconfirm
              title={t('admin.deleteTeamConfirm', { name: n.team.name })}
              onConfirm={() => void remove(n.team)}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
            >
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          </Space>
        </Flex>
      ),
    }));

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.teams')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDialog({ mode: 'create', parentId: null })}
          data-testid="new-team"
        >
          {t('admin.newTeam')}
        </Button>
      </Flex>
      <Card size="small">
        {teams.isPending ? (
          <Spin />
        ) : teams.isError ? (
          <FullPageError error={teams.error} onRetry={() => void teams.refetch()} />
        ) : teams.data.length === 0 ? (
          <Empty description={t('admin.noTeams')} />
        ) : (
          <Tree
            data-testid="teams-tree"
            treeData={toData(buildTeamTree(teams.data))}
            defaultExpandAll
            selectable={false}
            blockNode
          />
        )}
      </Card>
      <TeamFormModal dialog={dialog} onClose={() => setDialog(null)} />
    </div>
  );
}
