import { Card, Empty, Spin, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMoney } from '../../../components/useMoney.ts';
import { DateText } from '../../../components/DateText.tsx';
import { ACTION_COLORS } from '../../../components/HistoryTimeline.tsx';
import { useUsers } from '../../../lib/org.ts';
import { useCompetitors } from '../../competitors/api.ts';
import { useStageLabel } from '../../stages/stageName.ts';
import { useOpportunityHistory } from '../api.ts';

const MONEY = new Set(['amount', 'objectiveAmount', 'weightedAmount']);
const ENUMS: Record<string, string> = { forecastCategory: 'forecastCategory', status: 'dealStatus' };

/** Field-level history of the deal, with ids shown as the names they stand for. */
export function DealHistory({ id, accountName }: { id: string; accountName: string }) {
  const { t } = useTranslation();
  const history = useOpportunityHistory(id);
  const users = useUsers();
  const competitors = useCompetitors();
  const stageName = useStageLabel();
  const money = useMoney();

  const show = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '∅';
    if (MONEY.has(field) && typeof v === 'string') return money(v);
    if (ENUMS[field] && typeof v === 'string') return t(`enum.${ENUMS[field]}.${v}`, { defaultValue: v });
    if (field === 'accountId' && typeof v === 'string') return accountName;
    if (field === 'closedAt' && typeof v === 'string') return v.slice(0, 10);
    if (field === 'stageId' && typeof v === 'string') return stageName(v, `#${v.slice(-6)}`);
    if (field === 'ownerId' && typeof v === 'string')
      return users.data?.find((u) => u.id === v)?.name ?? `#${v.slice(-6)}`;
    if (field === 'wonByCompetitorId' && typeof v === 'string')
      return competitors.data?.find((c) => c.id === v)?.name ?? `#${v.slice(-6)}`;
    if (typeof v === 'boolean') return v ? t('deals.yes') : t('deals.no');
    if (typeof v === 'object') return JSON.stringify(v).slice(0, 120);
    const s = String(v);
    return s.length > 120 ? `${s.slice(0, 120)}…` : s;
  };

  return (
    <Card size="small" title={t('deals.historyTitle')} data-testid="deal-history">
      {history.isPending ? (
        <Spin />
      ) : history.isError ? (
        <Typography.Text type="danger">{history.error.message}</Typography.Text>
      ) : history.data.length === 0 ? (
        <Empty description={t('history.empty')} />
      ) : (
        <Timeline
          items={history.data.map((h) => ({
            key: h.id,
            color: ACTION_COLORS[h.action],
            content: (
              <div data-testid="history-entry">
                <div>
                  <strong>{h.actorName ?? t('history.system')}</strong> {t(`history.action.${h.action}`)} ·{' '}
                  <DateText value={h.at} withTime />
                </div>
                {h.changes.map((c) => (
                  <div key={c.field} style={{ fontSize: 13, color: '#555' }}>
                    {t(`field.opportunity.${c.field}`, {
                      defaultValue: t(`field.common.${c.field}`, { defaultValue: c.field }),
                    })}
                    : {show(c.field, c.old)} → {show(c.field, c.new)}
                  </div>
                ))}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
