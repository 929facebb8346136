import { Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WinLoss } from '../../../core/schemas/forecast.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { useWinLoss } from '../forecast/api.ts';
import { OTHER } from '../../../core/deal-lists.ts';
import { percent } from '../forecast/ForecastTable.tsx';
import { OutcomeTable } from './OutcomeTable.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';

type Reason = WinLoss['reasons'][number];
type Rival = WinLoss['competitors'][number];

/** Won and lost in the period, why deals were lost and to whom, and the win rate by deal source and by province. */
export function WinLossCard({ from, to, teamId }: { from: string; to: string; teamId?: string }) {
  const { t } = useTranslation();
  // Sized by their content on a desktop, within the card; a phone scrolls sideways.
  const mobile = useIsMobile();
  const wl = useWinLoss({ from, to, teamId });
  const d = wl.data;
  return (
    <Card size="small" title={t('dashboard.winLossTitle')} data-testid="win-loss" loading={wl.isPending}>
      {wl.isError ? (
        <FullPageError error={wl.error} onRetry={() => void wl.refetch()} />
      ) : (
        d && (
          <>
            <Flex wrap gap={32} style={{ marginBottom: 12 }}>
              <Statistic
                title={t('dashboard.won')}
                value={d.won.count}
                suffix={
                  <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                    <MoneyText value={d.won.amount} />
                  </Typography.Text>
                }
                data-testid="won-count"
              />
              <Statistic
                title={t('dashboard.lost')}
                value={d.lost.count}
                suffix={
                  <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                    <MoneyText value={d.lost.amount} />
                  </Typography.Text>
                }
                data-testid="lost-count"
              />
              <Statistic title={t('dashboard.winRate')} value={percent(d.winRate)} data-testid="win-rate" />
            </Flex>
            <Row gutter={[12, 12]}>
              <Col xs={24} md={12}>
                <Table<Reason>
                  rowKey="reason"
                  size="small"
                  pagination={false}
                  dataSource={d.reasons}
                  locale={{ emptyText: t('dashboard.noReasons') }}
                  scroll={mobile ? { x: 310 } : undefined}
                  data-testid="lost-reasons"
                  columns={[
                    {
                      key: 'reason',
                      title: t('dashboard.lostReason'),
                      render: (_, r) => (r.reason === OTHER ? t('pickers.other') : r.reason || t('dashboard.noReason')),
                    },
                    {
                      key: 'count',
                      title: t('forecast.col.deals'),
                      align: 'right',
                      render: (_, r) => r.count,
                    },
                    {
                      key: 'amount',
                      title: t('forecast.amount'),
                      align: 'right',
                      render: (_, r) => <MoneyText value={r.amount} />,
                    },
                  ]}
                />
              </Col>
              <Col xs={24} md={12}>
                <Table<Rival>
                  rowKey="competitorId"
                  size="small"
                  pagination={false}
                  dataSource={d.competitors}
                  locale={{ emptyText: t('dashboard.noCompetitors') }}
                  scroll={mobile ? { x: 310 } : undefined}
                  data-testid="lost-to"
                  columns={[
                    { key: 'name', title: t('dashboard.lostTo'), render: (_, r) => r.name },
                    {
                      key: 'count',
                      title: t('forecast.col.deals'),
                      align: 'right',
                      render: (_, r) => r.count,
                    },
                    {
                      key: 'amount',
                      title: t('forecast.amount'),
                      align: 'right',
                      render: (_, r) => <MoneyText value={r.amount} />,
                    },
                  ]}
                />
              </Col>
              <Col xs={24} md={12}>
                <OutcomeTable
                  rows={d.sources}
                  title={t('dashboard.bySource')}
                  rowKey={(r) => r.source}
                  label={(r) => (r.source === OTHER ? t('pickers.other') : r.source)}
                  testId="win-loss-sources"
                />
              </Col>
              <Col xs={24} md={12}>
                <OutcomeTable
                  rows={d.provinces}
                  title={t('pickers.byProvince')}
                  rowKey={(r) => r.provinceCode ?? ''}
                  label={(r) => r.name ?? r.provinceCode ?? t('pickers.noRegion')}
                  testId="win-loss-provinces"
                />
              </Col>
            </Row>
          </>
        )
      )}
    </Card>
  );
}
