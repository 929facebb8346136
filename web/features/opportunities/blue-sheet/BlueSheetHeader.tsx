import { useState } from 'react';
import { Button, Descriptions, Flex, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { OpportunityDetail } from '../../../../core/schemas/deals.ts';
import type { Stage } from '../../../../core/schemas/catalog.ts';
import { MoneyText } from '../../../components/MoneyText.tsx';
import { DateText } from '../../../components/DateText.tsx';
import { useApiFeedback } from '../../../components/useApiFeedback.ts';
import { useStages } from '../../stages/api.ts';
import { useCompetitors } from '../../competitors/api.ts';
import { stageLabel } from '../../stages/stageName.ts';
import { useDeleteOpportunity } from '../api.ts';
import { useMoveStage } from '../useMoveStage.tsx';
import { HealthBadge } from '../HealthBadge.tsx';
import { ProbabilityModal } from './ProbabilityModal.tsx';
import { CloseDealModal } from './CloseDealModal.tsx';
import { OpportunityFormDrawer } from '../OpportunityFormDrawer.tsx';
import { QuickAddButtons } from '../../activities/QuickAddButtons.tsx';
import { useListValueText } from '../ListPick.tsx';
import { useMovedToBin } from '../../recycle-bin/useMovedToBin.tsx';

const STATUS_COLORS: Record<OpportunityDetail['status'], string> = { open: 'blue', won: 'green', lost: 'default' };

interface Props {
  deal: OpportunityDetail;
  writable: boolean;
  canDelete: boolean;
  onReload: () => void;
}

export function BlueSheetHeader({ deal, writable, canDelete, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const listText = useListValueText();
  const navigate = useNavigate();
  const stages = useStages();
  const competitors = useCompetitors();
  const { move, pending } = useMoveStage();
  const del = useDeleteOpportunity();
  const fail = useApiFeedback();
  const movedToBin = useMovedToBin();
  const [editing, setEditing] = useState(false);
  const [probOpen, setProbOpen] = useState(false);
  const [closing, setClosing] = useState<Stage | null>(null);
  const stage = stages.data?.find((s) => s.id === deal.stageId);
  const stageProbability = stage?.probability ?? deal.probability;

  const pickStage = (id: string) => {
    const target = stages.data?.find((s) => s.id === id);
    if (!target || target.id === deal.stageId) return;
    if (target.kind !== 'open') setClosing(target);
    else void move(deal, target.id, stageLabel(target, i18n.language), {}, onReload);
  };
  const remove = async () => {
    try {
      await del.mutateAsync(deal.id);
      movedToBin('opportunity', deal.id);
      navigate('/opportunities', { replace: true });
    } catch (e) {
      fail(e);
    }
  };
  const wonBy = competitors.data?.find((c) => c.id === deal.wonByCompetitorId);

  return (
    <div style={{ marginBottom: 12 }}>
      <Flex justify="space-between" align="flex-start" wrap gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="opportunity-title">
            {deal.name}
          </Typography.Title>
          <Space size={6} wrap style={{ marginTop: 4 }}>
            <Link to={`/accounts/${deal.accountId}`} data-testid="opportunity-account-link">
              {deal.accountName}
            </Link>
            <Tag color={STATUS_COLORS[deal.status]} data-testid="opportunity-status">
              {t(`enum.dealStatus.${deal.status}`)}
            </Tag>
            <HealthBadge score={deal.health} />
          </Space>
        </div>
        {writable && (
          <Space wrap>
            <QuickAddButtons accountId={deal.accountId} accountName={deal.accountName} opportunityId={deal.id} />
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-opportunity">
              {t('common.edit')}
            </Button>
            {canDelete && (
              <Popconfirm
                title={t('deals.deleteConfirm')}
                onConfirm={() => void remove()}
                okText={t('common.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
              >
                <Button danger icon={<DeleteOutlined />} loading={del.isPending} data-testid="delete-opportunity">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </Flex>
      <Descriptions
        size="small"
        style={{ marginTop: 8 }}
        column={{ xs: 1, sm: 2, md: 3, xl: 4 }}
        items={[
          {
            key: 'amount',
            label: t('field.opportunity.amount'),
            children: (
              <strong data-testid="opportunity-amount">
                <MoneyText value={deal.amount} />
              </strong>
            ),
          },
          {
            key: 'weighted',
            label: t('field.opportunity.weightedAmount'),
            children: (
              <span data-testid="opportunity-weighted">
                <MoneyText value={deal.weightedAmount} />
              </span>
            ),
          },
          {
            key: 'stage',
            label: t('field.opportunity.stageId'),
            children: (
              <Select<string>
                size="small"
                value={deal.stageId}
                onChange={pickStage}
                disabled={!writable || pending}
                style={{ minWidth: 160 }}
                popupMatchSelectWidth={false}
                aria-label={t('field.opportunity.stageId')}
                options={(stages.data ?? []).map((s) => ({
                  value: s.id,
                  label: `${stageLabel(s, i18n.language)} · ${s.probability}%`,
                }))}
                data-testid="stage-select"
              />
            ),
          },
          {
            key: 'probability',
            label: t('field.opportunity.probability'),
            children: (
              <Space size={4} wrap>
                <span data-testid="opportunity-probability">{deal.probability}%</span>
                {deal.probability !== stageProbability && (
                  <Tag color="orange">{t('deals.stageDefault', { value: stageProbability })}</Tag>
                )}
                {writable && deal.status === 'open' && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setProbOpen(true)}
                    data-testid="edit-probability"
                    style={{ padding: 0 }}
                  >
                    {t('common.edit')}
                  </Button>
                )}
              </Space>
            ),
          },
          ...(deal.probabilityReason
            ? [{ key: 'reason', label: t('field.opportunity.probabilityReason'), children: deal.probabilityReason }]
            : []),
          {
            key: 'forecast',
            label: t('field.opportunity.forecastCategory'),
            children: t(`enum.forecastCategory.${deal.forecastCategory}`),
          },
          {
            key: 'close',
            label: t('field.opportunity.expectedCloseDate'),
            children: <DateText value={deal.expectedCloseDate} />,
          },
          { key: 'owner', label: t('field.opportunity.ownerId'), children: deal.ownerName ?? '—' },
          {
            key: 'days',
            label: t('field.opportunity.daysInStage'),
            children: t('deals.daysInStage', { days: deal.daysInStage }),
          },
          ...(deal.source ? [{ key: 'source', label: t('field.opportunity.source'), children: deal.source }] : []),
          ...(deal.status === 'lost'
            ? [
                {
                  key: 'lostReason',
                  label: t('field.opportunity.lostReason'),
                  children: <span data-testid="lost-reason-text">{listText(deal.lostReason)}</span>,
                },
                { key: 'wonBy', label: t('field.opportunity.wonByCompetitorId'), children: wonBy?.name ?? '—' },
              ]
            : []),
        ]}
      />
      <ProbabilityModal
        deal={deal}
        stageProbability={stageProbability}
        open={probOpen}
        onClose={() => setProbOpen(false)}
        onReload={onReload}
      />
      <CloseDealModal deal={deal} stage={closing} onClose={() => setClosing(null)} onReload={onReload} />
      <OpportunityFormDrawer open={editing} onClose={() => setEditing(false)} deal={deal} onReload={onReload} />
    </div>
  );
}
