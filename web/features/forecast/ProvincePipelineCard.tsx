import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PipelineByProvince } from '../../../core/schemas/forecast.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { usePipelineByProvince } from './api.ts';

type Row = PipelineByProvince['items'][number];

/** 按省份: the open pipeline in scope (or a team's) by the province of each deal's account. */
export function ProvincePipelineCard({ teamId }: { teamId?: string }) {
  const { t } = useTranslation();
  const q = usePipelineByProvince({ teamId });
  return (
    <Card size="small" title={t('forecast.byProvinceTitle')} data-testid="pipeline-by-province">
      {q.isError ? (
        <FullPageError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Row>
          rowKey={(r) => r.provinceCode ?? ''}
          size="small"
          pagination={false}
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: t('forecast.noOpenDeals') }}
          scroll={{ x: 450, y: 360 }}
          columns={[
            {
              key: 'province',
              title: t('pickers.region'),
              width: 110,
              render: (_, r) => r.name ?? r.provinceCode ?? t('pickers.noRegion'),
            },
            { key: 'count', title: t('forecast.col.deals'), align: 'right', width: 60, render: (_, r) => r.count },
            {
              key: 'amount',
              title: t('forecast.amount'),
              align: 'right',
              width: 140,
              render: (_, r) => <MoneyText value={r.amount} />,
            },
            {
              key: 'weighted',
              title: t('forecast.weighted'),
              align: 'right',
              width: 140,
              render: (_, r) => <MoneyText value={r.weightedAmount} />,
            },
          ]}
        />
      )}
    </Card>
  );
}
