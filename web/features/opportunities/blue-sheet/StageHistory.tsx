import { Card, Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpportunityDetail } from '../../../../core/schemas/deals.ts';
import { DateText } from '../../../components/DateText.tsx';
import { useStageLabel } from '../../stages/stageName.ts';

/** From → to, when, who, how long the deal sat in the stage it left, and any exit criteria skipped. */
export function StageHistory({ deal }: { deal: OpportunityDetail }) {
  const { t } = useTranslation();
  const stageName = useStageLabel();
  const entries = [...deal.stageHistory].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card size="small" title={t('deals.stageHistoryTitle')} data-testid="stage-history">
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={entries.map((h) => ({
            key: h.id,
            color: h.unmetCriteria.length ? 'orange' : 'blue',
            content: (
              <div data-testid="stage-change">
                <div>
                  {h.fromStageId ? (
                    <>
                      <Tag>{stageName(h.fromStageId, h.fromStageName)}</Tag>→{' '}
                      <Tag color="blue">{stageName(h.toStageId, h.toStageName)}</Tag>
                    </>
                  ) : (
                    t('deals.created', { stage: stageName(h.toStageId, h.toStageName) })
                  )}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <DateText value={h.at} withTime /> · {h.actorName ?? t('history.system')}
                  {h.daysInFromStage !== null && ` · ${t('deals.daysIn', { days: h.daysInFromStage })}`}
                </Typography.Text>
                {h.unmetCriteria.length > 0 && (
                  <div style={{ fontSize: 12, color: '#ad4e00' }} data-testid="unmet-confirmed">
                    {t('deals.unmetConfirmed', { list: h.unmetCriteria.join('、') })}
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
