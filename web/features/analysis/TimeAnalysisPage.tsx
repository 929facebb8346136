import { Alert, Card, Empty, Flex, Segmented, Spin, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { TIME_GROUPS, type TimeGroup } from '../../../core/enums.ts';
import { TIME_LIMIT, type TimeQuery, type TimeSpent } from '../../../core/schemas/activities.ts';
import { api } from '../../lib/api.ts';
import { BarChart } from '../../components/BarChart.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useUrlParams } from '../../lib/url-params.ts';
import { PeriodPicker, urlPeriod } from '../../components/PeriodPicker.tsx';

type Row = TimeSpent['items'][number];

/** Minutes as hours with one decimal: the unit a manager thinks in. */
function hours(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}

/** Where the team's time went in a period, by account, by person or by account tier — does time follow value? */
export function TimeAnalysisPage() {
  const { t, i18n } = useTranslation();
  const p = useUrlParams(['from', 'to', 'groupBy'] as const);
  const { from, to } = urlPeriod(p.values, () => dayjs().startOf('month').format('YYYY-MM-DD'));
  const groupBy: TimeGroup = TIME_GROUPS.includes(p.values.groupBy as TimeGroup)
    ? (p.values.groupBy as TimeGroup)
    : 'account';
  const q: TimeQuery = { from, to, groupBy };
  const data = useQuery({
    queryKey: ['analysis', 'time', q],
    queryFn: () => api.get<TimeSpent>('/api/analysis/time', { ...q }),
    placeholderData: (prev) => prev,
  });
  const items = data.data?.items ?? [];
  const total = data.data?.totalMinutes ?? 0;
  const nf = new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'zh-CN', {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  });

  return (
    <div data-testid="time-analysis-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('analysis.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('analysis.hint')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <PeriodPicker from={from} to={to} onChange={(a, b) => p.setMany({ from: a, to: b })} testId="analysis-period" />
        <Segmented<TimeGroup>
          value={groupBy}
          onChange={(v) => p.set('groupBy', v)}
          options={TIME_GROUPS.map((g) => ({
            value: g,
            label: <span data-testid={`analysis-group-${g}`}>{t(`enum.timeGroup.${g}`)}</span>,
          }))}
        />
      </Flex>
      {data.isError ? (
        <FullPageError error={data.error} onRetry={() => void data.refetch()} />
      ) : (
        <Spin spinning={data.isFetching}>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Statistic
              title={t('analysis.total')}
              value={nf.format(hours(total))}
              suffix={t('analysis.hoursUnit')}
              data-testid="analysis-total"
            />
          </Card>
          {items.length === 0 && !data.isPending ? (
            <Empty description={t('analysis.empty')} />
          ) : (
            <>
              {data.data?.truncated && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('analysis.truncated', { limit: TIME_LIMIT })}
                  data-testid="analysis-truncated"
                />
              )}
              <Card size="small" style={{ marginBottom: 12 }}>
                <BarChart
                  labels={items.map((r) => r.label)}
                  values={items.map((r) => hours(r.minutes))}
                  unit={t('analysis.hoursUnit')}
                  testId="analysis-chart"
                />
              </Card>
              <Table<Row>
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={items}
                loading={data.isPending}
                data-testid="analysis-table"
                columns={[
                  { key: 'label', title: t(`analysis.column.${groupBy}`), render: (_, r) => r.label },
                  {
                    key: 'hours',
                    title: t('analysis.hours'),
                    align: 'right',
                    width: 110,
                    render: (_, r) => nf.format(hours(r.minutes)),
                  },
                  {
                    key: 'share',
                    title: t('analysis.share'),
                    align: 'right',
                    width: 90,
                    render: (_, r) => (total ? `${Math.round((r.minutes / total) * 1000) / 10}%` : '—'),
                  },
                ]}
              />
            </>
          )}
        </Spin>
      )}
    </div>
  );
}
