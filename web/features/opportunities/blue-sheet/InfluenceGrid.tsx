import { useState, type HTMLAttributes } from 'react';
import { App, Button, Card, Empty, Flex, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Influence, OpportunityDetail } from '../../../../core/schemas/deals.ts';
import { AttitudeTag } from '../../../components/AttitudeTag.tsx';
import { EnumTag } from '../../../components/EnumTag.tsx';
import { useIsMobile } from '../../../components/useIsMobile.ts';
import { useApiFeedback } from '../../../components/useApiFeedback.ts';
import { useCompetitors } from '../../competitors/api.ts';
import { useDeleteInfluence } from '../api.ts';
import { ModeTag, RoleTags } from './InfluenceTags.tsx';
import { InfluenceFormModal, type InfluenceDialog } from './InfluenceFormModal.tsx';
import { TEXT_SECONDARY } from '../../../components/a11y.ts';

interface Props {
  deal: OpportunityDetail;
  writable: boolean;
  onReload: () => void;
}

/** The buying influences: who they are, which role they play, how they respond and how well we cover them. */
export function InfluenceGrid({ deal, writable, onReload }: Props) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const competitors = useCompetitors();
  const del = useDeleteInfluence(deal.id);
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<InfluenceDialog | null>(null);

  const remove = async (i: Influence) => {
    try {
      await del.mutateAsync(i.id);
      message.success(t('common.deleted'));
    } catch (e) {
      fail(e, { onReload });
    }
  };

  const prefers = (i: Influence) => {
    if (i.prefersUs === true) return <Tag color="green">{t('deals.prefersUs')}</Tag>;
    if (i.prefersUs === false) {
      const c = competitors.data?.find((x) => x.id === i.preferredCompetitorId);
      return <Tag color="red">{c ? c.name : t('deals.prefersCompetitor')}</Tag>;
    }
    return <span style={{ color: TEXT_SECONDARY }}>{t('deals.prefersUnknown')}</span>;
  };

  const actions = (i: Influence) =>
    writable && (
      <Space size={2}>
        <Button
          size="small"
          type="text"
          icon={<EditOutlined />}
          onClick={() => setDialog({ mode: 'edit', influence: i })}
          aria-label={t('common.edit')}
          data-testid="edit-influence"
        />
        <Popconfirm
          title={t('deals.removeInfluenceConfirm')}
          onConfirm={() => void remove(i)}
          okText={t('common.remove')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
        >
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('common.remove')}
            data-testid="delete-influence"
          />
        </Popconfirm>
      </Space>
    );

  const contact = (i: Influence) => (
    <div>
      <Link to={`/contacts/${i.contactId}`} style={{ fontWeight: 600 }}>
        {i.contactName}
      </Link>
      {i.contactTitle && <div style={{ color: TEXT_SECONDARY, fontSize: 12 }}>{i.contactTitle}</div>}
    </div>
  );

  const columns: ColumnsType<Influence> = [
    { key: 'contact', title: t('field.influence.contactId'), fixed: 'left', width: 150, render: (_, i) => contact(i) },
    { key: 'roles', title: t('field.influence.roles'), width: 170, render: (_, i) => <RoleTags roles={i.roles} /> },
    {
      key: 'influence',
      title: t('field.influence.influence'),
      width: 80,
      render: (_, i) => <EnumTag group="influence" value={i.influence} />,
    },
    { key: 'mode', title: t('field.influence.mode'), width: 120, render: (_, i) => <ModeTag mode={i.mode} /> },
    {
      key: 'rating',
      title: t('field.influence.rating'),
      width: 80,
      render: (_, i) => <AttitudeTag value={i.rating} />,
    },
    {
      key: 'coverage',
      title: t('field.influence.coverage'),
      width: 100,
      render: (_, i) => <EnumTag group="coverage" value={i.coverage} />,
    },
    {
      key: 'counterpart',
      title: t('field.influence.counterpartId'),
      width: 100,
      render: (_, i) => i.counterpartName ?? '—',
    },
    {
      key: 'result',
      title: `${t('field.influence.result')} / ${t('field.influence.personalWin')}`,
      width: 220,
      render: (_, i) => (
        <div style={{ fontSize: 12 }}>
          <div>{i.result ?? '—'}</div>
          <div style={{ color: TEXT_SECONDARY }}>{i.personalWin ?? '—'}</div>
        </div>
      ),
    },
    { key: 'prefers', title: t('field.influence.prefersUs'), width: 120, render: (_, i) => prefers(i) },
  ];
  if (writable) columns.push({ key: 'actions', width: 80, fixed: 'right', render: (_, i) => actions(i) });

  return (
    <Card
      size="small"
      title={t('deals.influenceTitle')}
      data-testid="influence-grid"
      extra={
        writable && (
          <Button
            size="small"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ mode: 'create' })}
            data-testid="add-influence"
          >
            {t('deals.addInfluence')}
          </Button>
        )
      }
    >
      {deal.influences.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deals.noInfluences')} />
      ) : mobile ? (
        deal.influences.map((i) => (
          <Card
            key={i.id}
            size="small"
            style={{ marginBottom: 8 }}
            data-testid="influence-row"
            data-influence-id={i.id}
          >
            <Flex justify="space-between" align="flex-start">
              {contact(i)}
              {actions(i)}
            </Flex>
            <Flex wrap gap={4} style={{ marginTop: 6 }}>
              <RoleTags roles={i.roles} />
              <ModeTag mode={i.mode} />
              <AttitudeTag value={i.rating} />
              <EnumTag group="coverage" value={i.coverage} />
              <EnumTag group="influence" value={i.influence} />
            </Flex>
            <div style={{ fontSize: 12, marginTop: 6 }}>
              {t('field.influence.counterpartId')}: {i.counterpartName ?? '—'} · {prefers(i)}
            </div>
            {(i.result || i.personalWin) && (
              <div style={{ fontSize: 12, color: '#555' }}>
                {i.result} {i.personalWin && <span style={{ color: TEXT_SECONDARY }}>/ {i.personalWin}</span>}
              </div>
            )}
          </Card>
        ))
      ) : (
        <Table<Influence>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={deal.influences}
          pagination={false}
          scroll={{ x: 1160 }}
          onRow={(i) => ({ 'data-testid': 'influence-row', 'data-influence-id': i.id }) as HTMLAttributes<HTMLElement>}
        />
      )}
      <InfluenceFormModal
        dialog={dialog}
        onClose={() => setDialog(null)}
        dealId={deal.id}
        accountId={deal.accountId}
        takenContactIds={deal.influences.map((i) => i.contactId)}
        onReload={onReload}
      />
    </Card>
  );
}
