import type { ReactNode } from 'react';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { ForecastGroup } from '../../../core/enums.ts';
import type { ForecastRow } from '../../../core/schemas/forecast.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';

type MoneyKey =
  | 'closedWon'
  | 'commit'
  | 'bestCase'
  | 'pipeline'
  | 'weighted'
  | 'commitForecast'
  | 'bestCaseForecast'
  | 'weightedForecast';
const MONEY_COLS: MoneyKey[] = [
  'closedWon',
  'commit',
  'bestCase',
  'pipeline',
  'weighted',
  'commitForecast',
  'bestCaseForecast',
  'weightedForecast',
];

export function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10}%`;
}

/** Coverage reads as a multiple (3.2×): the rule of thumb is 3× the quota still to win. */
export function multiple(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${Math.round(v * 10) / 10}×`;
}

interface Props {
  rows: ForecastRow[];
  totals?: ForecastRow;
  groupBy: ForecastGroup;
  loading?: boolean;
  /** The dashboard shows fewer columns. */
  compact?: boolean;
  testId?: string;
}

/** One row per rep, team, stage or month, with the totals as the table's summary row. */
export function ForecastTable({ rows, totals, groupBy, loading, compact, testId = 'forecast-table' }: Props) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const moneyCols: MoneyKey[] = compact ? ['closedWon', 'commit', 'bestCase', 'weightedForecast'] : MONEY_COLS;
  const columns: ColumnsType<ForecastRow> = [
    {
      key: 'label',
      title: t(`forecast.group.${groupBy}`),
      fixed: 'left',
      width: 140,
      render: (_, r) => (
        <span data-testid="forecast-row-label" style={{ whiteSpace: 'nowrap' }}>
          {r.label}
        </span>
      ),
    },
    ...(compact
      ? []
      : [
          {
            key: 'deals',
            title: t('forecast.col.deals'),
            align: 'right' as const,
            width: 70,
            render: (_: unknown, r: ForecastRow) => r.deals,
          },
        ]),
    ...moneyCols.map((k) => ({
      key: k,
      title: t(`forecast.col.${k}`),
      align: 'right' as const,
      width: 150,
      render: (_: unknown, r: ForecastRow) => <MoneyText value={r[k]} />,
    })),
    {
      key: 'quota',
      title: t('forecast.col.quota'),
      align: 'right',
      width: 150,
      render: (_, r) => <MoneyText value={r.quota?.target} />,
    },
    {
      key: 'attainment',
      title: t('forecast.col.attainment'),
      align: 'right',
      width: 90,
      render: (_, r) => <span data-testid="forecast-attainment">{percent(r.attainment)}</span>,
    },
    ...(compact
      ? []
      : [
          {
            key: 'coverage',
            title: t('forecast.col.coverage'),
            align: 'right' as const,
            width: 90,
            render: (_: unknown, r: ForecastRow) => multiple(r.coverage),
          },
          {
            key: 'remaining',
            title: t('forecast.col.remaining'),
            align: 'right' as const,
            width: 150,
            render: (_: unknown, r: ForecastRow) => <MoneyText value={r.remaining} />,
          },
        ]),
  ];
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0);
  // On a desktop the columns take the width of their figures and headers (which wrap), so the table
  // fits its card at 1440 px; a phone scrolls sideways with the label column held.
  const shown = mobile ? columns : columns.map(({ width: _w, fixed: _f, ...c }) => c);

  return (
    <Table<ForecastRow>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      loading={loading}
      columns={shown}
      scroll={mobile ? { x: width } : undefined}
      data-testid={testId}
      summary={() =>
        totals ? (
          <Table.Summary fixed>
            <Table.Summary.Row data-testid={`${testId}-totals`}>
              {columns.map((c, i) => (
                <Table.Summary.Cell key={String(c.key)} index={i} align={c.align}>
                  {i === 0 ? (
                    <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                      {t('forecast.totals')}
                    </Typography.Text>
                  ) : (
                    <Typography.Text strong>{c.render?.(null, totals, -1) as ReactNode}</Typography.Text>
                  )}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
