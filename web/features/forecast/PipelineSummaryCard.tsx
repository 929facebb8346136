import { Card, Empty, Flex, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PipelineSummary } from '../../../core/schemas/forecast.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { stageLabel } from '../stages/stageName.ts';
import { usePipelineSummary } from './api.ts';
import { FunnelChart } from './FunnelChart.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';

type StageRow = PipelineSummary['stages'][number];

/** The open funnel of the deals in scope (or a team's): the chart, then the same figures as a table. */
export function PipelineSummaryCard({ teamId, ownerId }: { teamId?: string; ownerId?: string }) {
  const { t, i18n } = useTranslation();
  const mobile = useIsMobile();
  const summary = usePipelineSummary({ teamId, ownerId });
  const data = summary.data;
  return (
    <Card size="small" title={t('forecast.funnelTitle')} data-testid="pipeline-summary" loading={summary.isPending}>
      {summary.isError ? (
        <FullPageError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !data || data.totals.count === 0 ? (
        <Empty description={t('forecast.noOpenDeals')} />
      ) : (
        <>
          <Flex wrap gap={24} style={{ marginBottom: 8 }}>
            <Statistic title={t('forecast.openDeals')} value={data.totals.count} data-testid="summary-count" />
            <Statistic
              title={t('forecast.amount')}
              valueRender={() => <MoneyText value={data.totals.amount} />}
              data-testid="summary-amount"
            />
            <Statistic
              title={t('forecast.weighted')}
              valueRender={() => <MoneyText value={data.totals.weightedAmount} />}
              data-testid="summary-weighted"
            />
          </Flex>
          <FunnelChart summary={data} />
          <Table<StageRow>
            rowKey="stageId"
            size="small"
            pagination={false}
            dataSource={data.stages}
            // Sized by their content on a desktop, within the card; a phone scrolls sideways.
            scroll={mobile ? { x: 570 } : undefined}
            data-testid="summary-table"
            columns={[
              { key: 'name', title: t('forecast.stage'), render: (_, s) => stageLabel(s, i18n.language) },
              {
                key: 'probability',
                title: t('forecast.probability'),
                align: 'right',
                render: (_, s) => `${s.probability}%`,
              },
              { key: 'count', title: t('forecast.col.deals'), align: 'right', render: (_, s) => s.count },
              {
                key: 'amount',
                title: t('forecast.amount'),
                align: 'right',
                render: (_, s) => <MoneyText value={s.amount} />,
              },
              {
                key: 'weighted',
                title: t('forecast.weighted'),
                align: 'right',
                render: (_, s) => <MoneyText value={s.weightedAmount} />,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
