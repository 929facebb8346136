import { App, Button, Card, Col, Flex, Row, Segmented, Statistic, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { ExportButton } from '../../components/ExportButton.tsx';
import { useTranslation } from 'react-i18next';
import {
  FORECAST_GROUPS,
  PROBABILITY_SOURCES,
  type ForecastGroup,
  type ProbabilitySource,
} from '../../../core/enums.ts';
import { parsePeriod } from '../../../core/period.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { TeamSelect } from '../../components/TeamSelect.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useMe } from '../../lib/session.ts';
import { useUrlParams } from '../../lib/url-params.ts';
import { useAccuracy, useCalibration, useForecast, useTakeSnapshot } from './api.ts';
import { AccuracyTable } from './AccuracyTable.tsx';
import { CalibrationTable } from './CalibrationTable.tsx';
import { ForecastChart } from './ForecastChart.tsx';
import { ForecastTable, multiple, percent } from './ForecastTable.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { PipelineSummaryCard } from './PipelineSummaryCard.tsx';
import { ProvincePipelineCard } from './ProvincePipelineCard.tsx';
import { currentQuarter } from './period.ts';

const KEYS = ['period', 'groupBy', 'teamId', 'probabilities'] as const;

/** 销售预测: the period's deals rolled up against quota, the open funnel, and how good past forecasts were. */
export function ForecastPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const fail = useApiFeedback();
  const p = useUrlParams(KEYS);
  const period = p.values.period && parsePeriod(p.values.period) ? p.values.period : currentQuarter();
  const groupBy: ForecastGroup = FORECAST_GROUPS.includes(p.values.groupBy as ForecastGroup)
    ? (p.values.groupBy as ForecastGroup)
    : 'owner';
  const probabilities: ProbabilitySource = PROBABILITY_SOURCES.includes(p.values.probabilities as ProbabilitySource)
    ? (p.values.probabilities as ProbabilitySource)
    : 'configured';
  const teamId = p.values.teamId;

  const forecast = useForecast({ period, groupBy, teamId, probabilities });
  // The month view beside the chosen grouping: forecast vs quota by rep and by month at once.
  const byMonth = useForecast({ period, groupBy: 'month', teamId, probabilities }, groupBy !== 'month');
  const calibration = useCalibration({ teamId });
  const accuracy = useAccuracy({ period, teamId });
  const snapshot = useTakeSnapshot();
  const data = forecast.data;
  const totals = data?.totals;

  const takeSnapshot = async () => {
    try {
      await snapshot.mutateAsync();
      message.success(t('forecast.snapshotTaken'));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div data-testid="forecast-page" style={{ minWidth: 0 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('nav.forecast')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('forecast.hint')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="forecast-filters">
        <PeriodPicker value={period} onChange={(v) => p.set('period', v)} />
        <Segmented<ForecastGroup>
          value={groupBy}
          onChange={(v) => p.set('groupBy', v)}
          options={FORECAST_GROUPS.map((g) => ({
            value: g,
            label: <span data-testid={`forecast-group-${g}`}>{t(`forecast.groupBy.${g}`)}</span>,
          }))}
        />
        {me.role !== 'rep' && (
          <TeamSelect
            value={teamId}
            onChange={(v) => p.set('teamId', v)}
            placeholder={t('forecast.allTeams')}
            style={{ width: mobile ? '100%' : 200 }}
            data-testid="forecast-team"
          />
        )}
        <Segmented<ProbabilitySource>
          value={probabilities}
          onChange={(v) => p.set('probabilities', v)}
          options={PROBABILITY_SOURCES.map((s) => ({
            value: s,
            label: <span data-testid={`forecast-prob-${s}`}>{t(`forecast.probabilities.${s}`)}</span>,
          }))}
        />
        {!mobile && <ExportButton path="/api/forecast" query={{ period, groupBy, teamId, probabilities }} />}
      </Flex>

      {forecast.isError ? (
        <FullPageError error={forecast.error} onRetry={() => void forecast.refetch()} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 12 }} loading={forecast.isPending} data-testid="forecast-totals">
            {totals && (
              <Flex wrap gap={mobile ? 16 : 32}>
                <Statistic
                  title={t('forecast.col.closedWon')}
                  valueRender={() => <MoneyText value={totals.closedWon} />}
                  data-testid="total-closed-won"
                />
                <Statistic
                  title={t('forecast.col.commitForecast')}
                  valueRender={() => <MoneyText value={totals.commitForecast} />}
                />
                <Statistic
                  title={t('forecast.col.bestCaseForecast')}
                  valueRender={() => <MoneyText value={totals.bestCaseForecast} />}
                />
                <Statistic
                  title={t('forecast.col.weightedForecast')}
                  valueRender={() => <MoneyText value={totals.weightedForecast} />}
                  data-testid="total-weighted-forecast"
                />
                <Statistic
                  title={t('forecast.col.quota')}
                  valueRender={() => <MoneyText value={totals.quota?.target} />}
                  data-testid="total-quota"
                />
                <Statistic
                  title={t('forecast.col.attainment')}
                  value={percent(totals.attainment)}
                  data-testid="total-attainment"
                />
                <Statistic title={t('forecast.col.coverage')} value={multiple(totals.coverage)} />
              </Flex>
            )}
          </Card>
          <Card
            size="small"
            title={t('forecast.chartTitle', { group: t(`forecast.groupBy.${groupBy}`) })}
            style={{ marginBottom: 12 }}
          >
            <ForecastChart rows={data?.rows ?? []} />
          </Card>
          <Card size="small" title={t('forecast.tableTitle')} style={{ marginBottom: 12 }}>
            <ForecastTable rows={data?.rows ?? []} totals={totals} groupBy={groupBy} loading={forecast.isFetching} />
          </Card>
          {groupBy !== 'month' && (
            <Card
              size="small"
              title={t('forecast.chartTitle', { group: t('forecast.groupBy.month') })}
              style={{ marginBottom: 12 }}
            >
              <ForecastChart rows={byMonth.data?.rows ?? []} height={260} testId="forecast-month-chart" />
            </Card>
          )}
        </>
      )}

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Flex vertical gap={12}>
            <PipelineSummaryCard teamId={teamId} />
            <ProvincePipelineCard teamId={teamId} />
          </Flex>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('forecast.calibrationTitle')}
            data-testid="calibration"
            style={{ marginBottom: 12 }}
          >
            {calibration.isError ? (
              <FullPageError error={calibration.error} onRetry={() => void calibration.refetch()} />
            ) : (
              <CalibrationTable data={calibration.data} loading={calibration.isPending} />
            )}
          </Card>
          <Card
            size="small"
            title={t('forecast.accuracyTitle')}
            data-testid="accuracy"
            extra={
              me.role === 'admin' && (
                <Button
                  size="small"
                  icon={<CameraOutlined />}
                  loading={snapshot.isPending}
                  onClick={() => void takeSnapshot()}
                  data-testid="take-snapshot"
                >
                  {t('forecast.takeSnapshot')}
                </Button>
              )
            }
          >
            {accuracy.isError ? (
              <FullPageError error={accuracy.error} onRetry={() => void accuracy.refetch()} />
            ) : (
              <AccuracyTable data={accuracy.data} loading={accuracy.isPending} />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
