import { useState } from 'react';
import { App, Button, Card, Flex, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../core/schemas/catalog.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useDeleteStage, useReorderStages, useStages } from './api.ts';
import { stageLabel } from './stageName.ts';
import { StageFormModal, type StageDialog } from './StageFormModal.tsx';
import { Link } from 'react-router';

export function StagesPage() {
  const { t, i18n } = useTranslation();
  const stages = useStages();
  const del = useDeleteStage();
  const reorder = useReorderStages();
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<StageDialog | null>(null);

  if (stages.isError) return <FullPageError error={stages.error} onRetry={() => void stages.refetch()} />;
  const all = stages.data ?? [];
  const open = all.filter((s) => s.kind === 'open');
  const closed = all.filter((s) => s.kind !== 'open');

  const move = async (index: number, delta: number) => {
    const ids = open.map((s) => s.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + delta, 0, id);
    try {
      await reorder.mutateAsync(ids);
    } catch (e) {
      fail(e);
    }
  };
  const remove = async (s: Stage) => {
    try {
      await del.mutateAsync(s.id);
      message.success(t('common.deleted'));
    } catch (e) {
      fail(e);
    }
  };

  const row = (s: Stage, index: number | null) => (
    <List.Item
      data-testid="stage-row"
      data-stage-id={s.id}
      actions={[
        ...(index !== null
          ? [
              <Button
                key="up"
                size="small"
                type="text"
                icon={<ArrowUpOutlined />}
                disabled={index === 0 || reorder.isPending}
                onClick={() => void move(index, -1)}
                aria-label={t('catalog.moveUp')}
                title={t('catalog.moveUp')}
                data-testid="stage-up"
              />,
              <Button
                key="down"
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                disabled={index === open.length - 1 || reorder.isPending}
                onClick={() => void move(index, 1)}
                aria-label={t('catalog.moveDown')}
                title={t('catalog.moveDown')}
                data-testid="stage-down"
              />,
            ]
          : []),
        <Button
          key="edit"
          size="small"
          type="text"
          icon={<EditOutlined />}
          onClick={() => setDialog({ mode: 'edit', stage: s })}
          aria-label={t('common.edit')}
          data-testid="stage-edit"
        />,
        ...(index !== null
          ? [
              <Popconfirm
                key="del"
                title={t('catalog.deleteStageConfirm', { name: stageLabel(s, i18n.language) })}
                onConfirm={() => void remove(s)}
                okText={t('common.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
              >
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  data-testid="stage-delete"
                />
              </Popconfirm>,
            ]
          : []),
      ]}
    >
      <List.Item.Meta
        title={
          <Space wrap size={4}>
            <span data-testid="stage-name">{s.name}</span>
            {s.nameEn && <Typography.Text type="secondary">{s.nameEn}</Typography.Text>}
            <Tag color="blue">{s.probability}%</Tag>
            <Tag>{t(`enum.forecastCategory.${s.forecastCategory}`)}</Tag>
            {s.kind !== 'open' && <Tag color={s.kind === 'won' ? 'green' : 'red'}>{t(`enum.stageKind.${s.kind}`)}</Tag>}
          </Space>
        }
        description={
          s.exitCriteria.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {s.exitCriteria.map((c) => (
                <li key={c.id}>{i18n.language === 'en' && c.labelEn ? c.labelEn : c.label}</li>
              ))}
            </ul>
          )
        }
      />
    </List.Item>
  );

  return (
    <div data-testid="stages-page">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.stages')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDialog({ mode: 'create' })}
          data-testid="new-stage"
        >
          {t('catalog.newStage')}
        </Button>
      </Flex>
      <Card size="small" title={t('catalog.openStages')} style={{ marginBottom: 12 }}>
        <List loading={stages.isPending} dataSource={open} renderItem={(s, i) => row(s, i)} data-testid="stages-list" />
      </Card>
      <Card size="small" title={t('catalog.closedStages')}>
        <List loading={stages.isPending} dataSource={closed} renderItem={(s) => row(s, null)} />
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        <Link to="/settings" data-testid="stages-deal-lists-link">
          {t('settingsPage.dealListsMoved')}
        </Link>
      </Typography.Paragraph>
      <StageFormModal dialog={dialog} onClose={() => setDialog(null)} />
    </div>
  );
}
