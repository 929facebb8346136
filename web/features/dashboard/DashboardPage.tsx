import { Card, Col, Flex, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { parsePeriod } from '../../../core/period.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { TeamSelect } from '../../components/TeamSelect.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useMe } from '../../lib/session.ts';
import { useUrlParams } from '../../lib/url-params.ts';
import { useForecast } from '../forecast/api.ts';
import { ForecastChart } from '../forecast/ForecastChart.tsx';
import { ForecastTable } from '../forecast/ForecastTable.tsx';
import { currentQuarter } from '../forecast/period.ts';
import { PipelineSummaryCard } from '../forecast/PipelineSummaryCard.tsx';
import { usePlanActual } from '../planner/api.ts';
import { PeoplePlanTable } from '../planner/PlanActualTable.tsx';
import { ChangesCard } from './ChangesCard.tsx';
import { RiskDealsCard } from './RiskDealsCard.tsx';
import { WinLossCard } from './WinLossCard.tsx';

/** 经理看板: the team's quarter on one page — funnel, forecast vs quota, risks, slips, plan vs actual, won/lost. */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const p = useUrlParams(['teamId'] as const);
  const teamId = p.values.teamId;
  const quarter = currentQuarter();
  const range = parsePeriod(quarter);
  const forecast = useForecast({ period: quarter, groupBy: 'owner', teamId });
  const actual = usePlanActual({ year: dayjs().year(), teamId });

  return (
    <div data-testid="dashboard-page" style={{ minWidth: 0 }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.dashboard')}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }}>
            {quarter}
          </Typography.Text>
        </Typography.Title>
        {(me.role === 'admin' || me.role === 'manager') && (
          <TeamSelect
            value={teamId}
            onChange={(v) => p.set('teamId', v)}
            placeholder={t('forecast.allTeams')}
            style={{ width: mobile ? '100%' : 220 }}
            data-testid="dashboard-team"
          />
        )}
      </Flex>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          <PipelineSummaryCard teamId={teamId} />
        </Col>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={t('dashboard.forecastTitle')}
            extra={
              <Link to={`/forecast?period=${quarter}${teamId ? `&teamId=${teamId}` : ''}`}>
                {t('dashboard.details')}
              </Link>
            }
            data-testid="dashboard-forecast"
          >
            {forecast.isError ? (
              <FullPageError error={forecast.error} onRetry={() => void forecast.refetch()} />
            ) : (
              <>
                <ForecastChart rows={forecast.data?.rows ?? []} height={260} />
                <ForecastTable
                  rows={forecast.data?.rows ?? []}
                  totals={forecast.data?.totals}
                  groupBy="owner"
                  loading={forecast.isPending}
                  compact
                  testId="dashboard-forecast-table"
                />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <RiskDealsCard teamId={teamId} />
        </Col>
        <Col xs={24} xl={12}>
          <ChangesCard teamId={teamId} />
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('dashboard.planTitle')}
            extra={<Link to="/planner">{t('nav.planner')}</Link>}
            data-testid="dashboard-plan"
          >
            {actual.isError ? (
              <FullPageError error={actual.error} onRetry={() => void actual.refetch()} />
            ) : (
              <PeoplePlanTable data={actual.data} loading={actual.isPending} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          {range && <WinLossCard from={range.start} to={range.last} teamId={teamId} />}
        </Col>
      </Row>
    </div>
  );
}
