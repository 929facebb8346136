import { Card, Flex, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../core/schemas/forecast.ts';
import { DateText } from '../../components/DateText.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { stageLabel } from '../stages/stageName.ts';
import { PlanChart } from './PlanChart.tsx';

interface Row {
  key: string;
  label: string;
  counts: Record<string, number>;
  total: number;
  backlog?: boolean;
}

interface Props {
  plan: Plan;
  /** Which inputs were left to the server, so the figures it chose are marked as defaults. */
  defaulted: { quota: boolean; averageDealSize: boolean };
  /** Whose plan it is when not the caller's own (the average's source names them). */
  personName?: string;
}

/** Where a default average came from: the person's won deals, their team's or the organisation's. */
function averageFrom(
  t: (key: string, options?: Record<string, string>) => string,
  plan: Plan,
  personName: string | undefined,
): string | null {
  const source = plan.averageDealSizeSource;
  if (!source || source === 'input') return null;
  if (personName && source !== 'org') return t(`planner.averageFrom.${source}Of`, { name: personName });
  return t(`planner.averageFrom.${source}`);
}

/** A plan: deals needed and the stage totals, then the month × stage schedule as a table and a chart. */
export function PlanResult({ plan, defaulted, personName }: Props) {
  const { t, i18n } = useTranslation();
  const rows: Row[] = [
    ...(plan.backlog.total > 0
      ? [
          {
            key: 'backlog',
            label: t('planner.backlog'),
            counts: plan.backlog.counts,
            total: plan.backlog.total,
            backlog: true,
          },
        ]
      : []),
    ...plan.months.map((m) => ({ key: m.month, label: m.month, counts: m.counts, total: m.total })),
  ];
  const columns: ColumnsType<Row> = [
    {
      key: 'month',
      title: t('planner.month'),
      fixed: 'left',
      width: 110,
      render: (_, r) =>
        r.backlog ? (
          <Tag color="orange" title={t('planner.backlogHint')}>
            {r.label}
          </Tag>
        ) : (
          r.label
        ),
    },
    ...plan.stageTotals.map((s) => ({
      key: s.stageId,
      title: stageLabel(s, i18n.language),
      align: 'right' as const,
      width: 100,
      render: (_: unknown, r: Row) => r.counts[s.stageId] || '',
    })),
    {
      key: 'total',
      title: t('planner.total'),
      align: 'right',
      width: 80,
      render: (_, r) => <Typography.Text strong={r.total === plan.peakMonthlyTotal}>{r.total}</Typography.Text>,
    },
  ];
  const grand = plan.stageTotals.reduce((n, s) => n + s.count, 0);
  const defaultTag = <Tag style={{ marginInlineStart: 4 }}>{t('planner.default')}</Tag>;
  const source = averageFrom(t, plan, personName);

  return (
    <div data-testid="plan-result">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={32}>
          <Statistic
            title={
              <>
                {t('planner.quota')}
                {defaulted.quota && defaultTag}
              </>
            }
            valueRender={() => (
              <span data-testid="plan-quota">
                <MoneyText value={plan.quota} />
              </span>
            )}
          />
          <div>
            <Statistic
              title={
                <>
                  {t('planner.averageDealSize')}
                  {defaulted.averageDealSize && defaultTag}
                </>
              }
              valueRender={() => (
                <span data-testid="plan-average">
                  <MoneyText value={plan.averageDealSize} />
                </span>
              )}
            />
            {source && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="plan-average-source">
                {source}
              </Typography.Text>
            )}
          </div>
          <Statistic title={t('planner.dealsNeeded')} value={plan.dealsNeeded} data-testid="plan-deals-needed" />
          <Statistic
            title={t('planner.leadIn')}
            value={plan.leadInMonths}
            suffix={t('planner.monthsUnit')}
            data-testid="plan-lead-in"
          />
          <Statistic
            title={t('planner.peak')}
            value={plan.peakMonthlyTotal}
            suffix={t('planner.perMonth')}
            data-testid="plan-peak"
          />
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="plan-window">
          {t('planner.window', { from: plan.startMonth, to: plan.endMonth })}
        </Typography.Paragraph>
        {plan.savedAt && (
          <Typography.Text type="secondary" data-testid="plan-saved-at">
            {t('planner.savedAt')} <DateText value={plan.savedAt} withTime />
          </Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('planner.stageTotals')} style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} data-testid="plan-stage-totals">
          {plan.stageTotals.map((s) => (
            <Tag
              key={s.stageId}
              color="blue"
              data-testid="plan-stage-total"
              style={{ fontSize: 14, padding: '4px 8px' }}
            >
              {stageLabel(s, i18n.language)} × <b>{s.count}</b>
            </Tag>
          ))}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('planner.ratioLine', { ratios: plan.ratios.join(' : '), deals: plan.dealsNeeded, total: grand })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="plan-stage-weeks">
          {t('planner.weeksLine', {
            weeks: plan.stageTotals.map((s, k) => `${stageLabel(s, i18n.language)} ${plan.stageWeeks[k]}`).join(' · '),
          })}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('planner.schedule')} style={{ marginBottom: 12 }}>
        <PlanChart plan={plan} />
        <Table<Row>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={columns}
          scroll={{ x: 190 + plan.stageTotals.length * 100 }}
          data-testid="plan-table"
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('planner.total')}</Typography.Text>
              </Table.Summary.Cell>
              {plan.stageTotals.map((s, i) => (
                <Table.Summary.Cell key={s.stageId} index={i + 1} align="right">
                  <Typography.Text strong>{s.count}</Typography.Text>
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={plan.stageTotals.length + 1} align="right">
                <Typography.Text strong>{grand}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Card>
    </div>
  );
}
