import { useMemo } from 'react';
import { Card, Col, Flex, Row, Spin, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Effort, EffortAccount } from '../../../core/schemas/key-accounts.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { EnumTag } from '../../components/EnumTag.tsx';
import { useEChart, type ChartOption } from '../../components/useEChart.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useUrlParams } from '../../lib/url-params.ts';
import { PeriodPicker, urlPeriod } from '../../components/PeriodPicker.tsx';
import { useEffort } from './api.ts';
import { percent } from './share.ts';

type TierRow = Effort['tiers'][number];

/** Recommended against actual share of time per tier, side by side. */
function EffortChart({ tiers, height }: { tiers: TierRow[]; height: number }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const pct = (s: number) => Math.round(s * 1000) / 10;
    return {
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${String(v)}%` },
      xAxis: { type: 'category', data: tiers.map((r) => t(`pareto.effort.tier.${r.tier}`)) },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: t('pareto.effort.recommended'),
          type: 'bar',
          barMaxWidth: 36,
          itemStyle: { color: '#1d4ed8' },
          data: tiers.map((r) => pct(r.recommendedShare)),
        },
        {
          name: t('pareto.effort.actual'),
          type: 'bar',
          barMaxWidth: 36,
          itemStyle: { color: '#d48806' },
          data: tiers.map((r) => pct(r.actualShare)),
        },
      ],
    };
  }, [tiers, t]);
  const el = useEChart(option);
  return <div ref={el} data-testid="effort-chart" style={{ width: '100%', height }} />;
}

function GapList({ title, items, testId }: { title: string; items: EffortAccount[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title}>
      <Table<EffortAccount>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        data-testid={testId}
        locale={{ emptyText: t('pareto.effort.noGap') }}
        columns={[
          {
            key: 'name',
            title: t('pareto.effort.col.account'),
            render: (_, r) => <Link to={`/accounts/${r.id}`}>{r.name}</Link>,
          },
          {
            key: 'tier',
            title: t('pareto.effort.col.tier'),
            width: 80,
            render: (_, r) => <EnumTag group="tier" value={r.tier} />,
          },
          {
            key: 'revenue',
            title: t('pareto.effort.col.revenueShare'),
            align: 'right',
            width: 80,
            render: (_, r) => percent(r.revenueShare),
          },
          {
            key: 'minutes',
            title: t('pareto.effort.col.timeShare'),
            align: 'right',
            width: 80,
            render: (_, r) => percent(r.minutesShare),
          },
          {
            key: 'gap',
            title: t('pareto.effort.col.gap'),
            align: 'right',
            width: 80,
            render: (_, r) => `${r.gap > 0 ? '+' : ''}${percent(r.gap)}`,
          },
        ]}
      />
    </Card>
  );
}

/** Time follows value (时间跟着价值走): does each tier get the share of time its value says it should? */
export function EffortPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const p = useUrlParams(['from', 'to'] as const);
  const { from, to } = urlPeriod(p.values, (end) => dayjs(end).subtract(365, 'day').format('YYYY-MM-DD'));
  const data = useEffort({ from, to });
  const e = data.data;

  return (
    <div data-testid="effort-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('pareto.effort.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('pareto.effort.hint')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <PeriodPicker from={from} to={to} onChange={(a, b) => p.setMany({ from: a, to: b })} testId="effort-period" />
      </Flex>
      {data.isError ? (
        <FullPageError error={data.error} onRetry={() => void data.refetch()} />
      ) : (
        <Spin spinning={data.isFetching}>
          {e && (
            <>
              <Typography.Paragraph data-testid="effort-mode">
                {t(`pareto.effort.modeLine.${e.mode}`)}
              </Typography.Paragraph>
              <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
                <Col xs={24} lg={10}>
                  <Card size="small">
                    <EffortChart tiers={e.tiers} height={mobile ? 240 : 300} />
                  </Card>
                </Col>
                <Col xs={24} lg={14}>
                  <Table<TierRow>
                    rowKey="tier"
                    size="small"
                    pagination={false}
                    dataSource={e.tiers}
                    scroll={{ x: 560 }}
                    data-testid="effort-tiers"
                    columns={[
                      {
                        key: 'tier',
                        title: t('pareto.effort.col.tier'),
                        render: (_, r) => t(`pareto.effort.tier.${r.tier}`),
                      },
                      {
                        key: 'accounts',
                        title: t('pareto.effort.col.accounts'),
                        align: 'right',
                        width: 70,
                        render: (_, r) => r.accounts,
                      },
                      {
                        key: 'revenue',
                        title: t('pareto.effort.col.revenue'),
                        align: 'right',
                        width: 140,
                        render: (_, r) => <MoneyText value={r.revenue} />,
                      },
                      {
                        key: 'recommended',
                        title: t('pareto.effort.recommended'),
                        align: 'right',
                        width: 90,
                        render: (_, r) => percent(r.recommendedShare),
                      },
                      {
                        key: 'hours',
                        title: t('pareto.effort.col.hours'),
                        align: 'right',
                        width: 80,
                        render: (_, r) => Math.round(r.minutes / 6) / 10,
                      },
                      {
                        key: 'actual',
                        title: t('pareto.effort.actual'),
                        align: 'right',
                        width: 90,
                        render: (_, r) => percent(r.actualShare),
                      },
                    ]}
                  />
                </Col>
              </Row>
              <Row gutter={[12, 12]}>
                <Col xs={24} lg={12}>
                  <GapList title={t('pareto.effort.overServed')} items={e.overServed} testId="effort-over" />
                </Col>
                <Col xs={24} lg={12}>
                  <GapList title={t('pareto.effort.underServed')} items={e.underServed} testId="effort-under" />
                </Col>
              </Row>
            </>
          )}
        </Spin>
      )}
    </div>
  );
}
