import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Segmented, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ExportButton } from '../../components/ExportButton.tsx';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PARETO_METRICS, TIERS, type ParetoMetric, type Tier } from '../../../core/enums.ts';
import type { ParetoItem, ParetoQuery } from '../../../core/schemas/key-accounts.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { EnumTag } from '../../components/EnumTag.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useUrlParams } from '../../lib/url-params.ts';
import { PeriodPicker, urlPeriod } from '../../components/PeriodPicker.tsx';
import { useMe } from '../../lib/session.ts';
import { usePareto } from './api.ts';
import { CLASS_COLORS, CurveChart, ParetoChart } from './ParetoCharts.tsx';
import { ParetoSettingsModal } from './ParetoSettingsModal.tsx';
import { percent } from './share.ts';

const PAGE_SIZE = 50;

export function ClassTag({ cls }: { cls: Tier }) {
  return (
    <Tag color={CLASS_COLORS[cls]} style={{ marginInlineEnd: 0 }}>
      {cls}
    </Tag>
  );
}

/** Pareto / ABC (二八法则): which few accounts make most of the value, as a chart, class totals and a ranked list. */
export function ParetoPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const me = useMe();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const p = useUrlParams(['metric', 'from', 'to', 'class'] as const);
  const metric: ParetoMetric = PARETO_METRICS.includes(p.values.metric as ParetoMetric)
    ? (p.values.metric as ParetoMetric)
    : 'ourRevenue';
  const cls = TIERS.includes(p.values.class as Tier) ? (p.values.class as Tier) : undefined;
  const { from, to } = urlPeriod(p.values, (end) => dayjs(end).subtract(365, 'day').format('YYYY-MM-DD'));
  const q: Omit<ParetoQuery, 'limit' | 'offset'> = {
    metric,
    class: cls,
    ...(metric === 'wonAmount' ? { from, to } : {}),
  };
  const data = usePareto(q, PAGE_SIZE);
  // The charts and class totals come with every page; the first is enough.
  const r = data.data?.pages[0];
  const items = data.data?.pages.flatMap((x) => x.items) ?? [];

  return (
    <div data-testid="pareto-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('pareto.title')}
        </Typography.Title>
        <Flex gap={8}>
          {!mobile && <ExportButton path="/api/analysis/pareto" query={q} />}
          {me.role === 'admin' && (
            <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)} data-testid="pareto-settings">
              {t('pareto.settings')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary">{t('pareto.hint')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented<ParetoMetric>
          value={metric}
          onChange={(v) => p.set('metric', v)}
          options={PARETO_METRICS.map((m) => ({
            value: m,
            label: <span data-testid={`pareto-metric-${m}`}>{t(`pareto.metric.${m}`)}</span>,
          }))}
        />
        {metric === 'wonAmount' && (
          <PeriodPicker from={from} to={to} onChange={(a, b) => p.setMany({ from: a, to: b })} testId="pareto-period" />
        )}
      </Flex>
      {data.isError ? (
        <FullPageError error={data.error} onRetry={() => void data.refetch()} />
      ) : (
        <Spin spinning={data.isFetching && !data.isFetchingNextPage}>
          {r && (
            <>
              <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
                {r.classes.map((c) => (
                  <Col key={c.class} xs={24} sm={8}>
                    <Card size="small" data-testid={`pareto-class-${c.class}`}>
                      <Statistic
                        title={
                          <>
                            <ClassTag cls={c.class} /> {t('pareto.classTitle', { cls: c.class })}
                          </>
                        }
                        value={c.accounts}
                        suffix={t('pareto.accountsUnit')}
                      />
                      <Typography.Text type="secondary">
                        <MoneyText value={c.value} /> · {percent(c.share)}
                      </Typography.Text>
                    </Card>
                  </Col>
                ))}
              </Row>
              <Typography.Paragraph data-testid="pareto-concentration">
                {r.accounts === 0
                  ? t('pareto.noAccounts')
                  : t('pareto.concentration', {
                      top: r.concentration.topCount,
                      share: percent(r.concentration.topShare),
                      core: r.concentration.accountsFor80,
                      total: r.accounts,
                    })}
              </Typography.Paragraph>
              {r.accounts > 0 && (
                <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
                  <Col xs={24} lg={14}>
                    <Card size="small" title={t('pareto.chartTitle', { count: r.bars.length })}>
                      <ParetoChart data={r} height={mobile ? 280 : 340} />
                    </Card>
                  </Col>
                  <Col xs={24} lg={10}>
                    <Card size="small" title={t('pareto.curveTitle')}>
                      <CurveChart data={r} height={mobile ? 240 : 340} />
                    </Card>
                  </Col>
                </Row>
              )}
            </>
          )}
          <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
            <Segmented<string>
              value={cls ?? 'all'}
              onChange={(v) => p.set('class', v === 'all' ? null : v)}
              options={[
                { value: 'all', label: t('pareto.allClasses') },
                ...TIERS.map((c) => ({ value: c, label: <span data-testid={`pareto-filter-${c}`}>{c}</span> })),
              ]}
            />
          </Flex>
          {r && r.accounts === 0 ? (
            <Empty description={t('pareto.noAccounts')} />
          ) : (
            <>
              <Table<ParetoItem>
                rowKey="id"
                size="small"
                loading={data.isPending}
                dataSource={items}
                scroll={{ x: 760 }}
                data-testid="pareto-table"
                pagination={false}
                columns={[
                  { key: 'rank', title: '#', width: 60, render: (_, i) => i.rank },
                  {
                    key: 'name',
                    title: t('pareto.col.account'),
                    render: (_, i) => <Link to={`/accounts/${i.id}`}>{i.name}</Link>,
                  },
                  { key: 'owner', title: t('pareto.col.owner'), width: 110, render: (_, i) => i.ownerName ?? '—' },
                  {
                    key: 'tier',
                    title: t('pareto.col.tier'),
                    width: 90,
                    render: (_, i) => <EnumTag group="tier" value={i.tier} />,
                  },
                  {
                    key: 'value',
                    title: t(`pareto.metric.${metric}`),
                    align: 'right',
                    width: 150,
                    render: (_, i) => <MoneyText value={i.value} />,
                  },
                  {
                    key: 'share',
                    title: t('pareto.col.share'),
                    align: 'right',
                    width: 80,
                    render: (_, i) => percent(i.share),
                  },
                  {
                    key: 'cumulative',
                    title: t('pareto.col.cumulative'),
                    align: 'right',
                    width: 90,
                    render: (_, i) => percent(i.cumulativeShare),
                  },
                  {
                    key: 'class',
                    title: t('pareto.col.class'),
                    align: 'center',
                    width: 70,
                    render: (_, i) => <ClassTag cls={i.class} />,
                  },
                ]}
              />
              <LoadMore
                hasMore={!!data.hasNextPage}
                loading={data.isFetchingNextPage}
                onLoad={() => void data.fetchNextPage()}
                count={items.length}
                total={r?.itemsTotal}
              />
            </>
          )}
        </Spin>
      )}
      {me.role === 'admin' && (
        <ParetoSettingsModal
          open={settingsOpen}
          onClose={() => setSettingsOpen(false)}
          preview={r && r.itemsTotal === r.accounts && r.items.length === r.accounts ? r.items : null}
        />
      )}
    </div>
  );
}
