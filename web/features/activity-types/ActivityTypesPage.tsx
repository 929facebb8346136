import { useState } from 'react';
import { App, Button, Card, Flex, List, Space, Switch, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ActivityType } from '../../../core/schemas/activities.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useStageLabel } from '../stages/stageName.ts';
import { useActivityTypes, useUpdateActivityType } from './api.ts';
import { ActivityTypeFormModal, type TypeDialog } from './ActivityTypeFormModal.tsx';
import { CadenceCard } from './CadenceCard.tsx';

/** Activity types (built-in and the organisation's own), their funnel stage, and the after-sales cadence. */
export function ActivityTypesPage() {
  const { t } = useTranslation();
  const types = useActivityTypes();
  const update = useUpdateActivityType();
  const stageName = useStageLabel();
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<TypeDialog | null>(null);

  if (types.isError) return <FullPageError error={types.error} onRetry={() => void types.refetch()} />;
  const rows = [...(types.data ?? [])].sort((a, b) => a.position - b.position);

  const toggle = async (ty: ActivityType, active: boolean) => {
    try {
      await update.mutateAsync({ key: ty.key, body: { version: ty.version, active } });
      message.success(active ? t('activityTypes.activated') : t('activityTypes.deactivated'));
    } catch (e) {
      fail(e, { onReload: () => void types.refetch() });
    }
  };

  return (
    <div data-testid="activity-types-page">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.activityTypes')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDialog({ mode: 'create' })}
          data-testid="new-activity-type"
        >
          {t('activityTypes.new')}
        </Button>
      </Flex>
      <Card size="small" style={{ marginBottom: 12 }}>
        <List
          loading={types.isPending}
          dataSource={rows}
          data-testid="activity-types-list"
          renderItem={(ty) => (
            <List.Item
              data-testid="activity-type-row"
              data-key={ty.key}
              actions={[
                <Switch
                  key="active"
                  size="small"
                  checked={ty.active}
                  loading={update.isPending && update.variables?.key === ty.key}
                  onChange={(v) => void toggle(ty, v)}
                  aria-label={ty.active ? t('activityTypes.deactivate') : t('activityTypes.activate')}
                  data-testid="activity-type-active"
                />,
                <Button
                  key="edit"
                  size="small"
                  type="text"
                  icon={<EditOutlined />}
                  onClick={() => setDialog({ mode: 'edit', type: ty })}
                  aria-label={t('common.edit')}
                  data-testid="activity-type-edit"
                />,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <span data-testid="activity-type-name-text" style={{ opacity: ty.active ? 1 : 0.5 }}>
                      {ty.name}
                    </span>
                    {ty.nameEn && <Typography.Text type="secondary">{ty.nameEn}</Typography.Text>}
                    {ty.builtin && <Tag>{t('activityTypes.builtin')}</Tag>}
                    {!ty.active && <Tag color="default">{t('activityTypes.inactive')}</Tag>}
                  </Space>
                }
                description={
                  <Space wrap size={4}>
                    <Typography.Text code>{ty.key}</Typography.Text>
                    {ty.stageId ? (
                      <Tag color="blue">{stageName(ty.stageId)}</Tag>
                    ) : (
                      <Typography.Text type="secondary">{t('activityTypes.noStage')}</Typography.Text>
                    )}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <CadenceCard />
      <ActivityTypeFormModal dialog={dialog} onClose={() => setDialog(null)} />
    </div>
  );
}
