import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ForecastAccuracy } from '../../../core/schemas/forecast.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { percent } from './ForecastTable.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';

type Row = ForecastAccuracy['items'][number];

/** Each weekly snapshot's forecast for the period against what was actually won in it. */
export function AccuracyTable({ data, loading }: { data: ForecastAccuracy | undefined; loading: boolean }) {
  const { t } = useTranslation();
  // Sized by their content on a desktop, within the card; a phone scrolls sideways.
  const mobile = useIsMobile();
  return (
    <>
      {data && (
        <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="accuracy-actual">
          {t('forecast.actualWon')}: <MoneyText value={data.actualWon} />
        </Typography.Paragraph>
      )}
      <Table<Row>
        rowKey="snapshotDate"
        size="small"
        pagination={false}
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={mobile ? { x: 620 } : undefined}
        locale={{ emptyText: t('forecast.noSnapshots') }}
        data-testid="accuracy-table"
        columns={[
          { key: 'date', title: t('forecast.snapshotDate'), render: (_, r) => r.snapshotDate },
          {
            key: 'weighted',
            title: t('forecast.col.weightedForecast'),
            align: 'right',
            render: (_, r) => <MoneyText value={r.weightedForecast} />,
          },
          {
            key: 'commit',
            title: t('forecast.col.commitForecast'),
            align: 'right',
            render: (_, r) => <MoneyText value={r.commitForecast} />,
          },
          {
            key: 'bestCase',
            title: t('forecast.col.bestCaseForecast'),
            align: 'right',
            render: (_, r) => <MoneyText value={r.bestCaseForecast} />,
          },
          {
            key: 'error',
            title: t('forecast.error'),
            align: 'right',
            render: (_, r) => (r.error === null ? '—' : `${r.error > 0 ? '+' : ''}${percent(r.error)}`),
          },
        ]}
      />
    </>
  );
}
