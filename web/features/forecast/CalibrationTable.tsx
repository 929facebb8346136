import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Calibration } from '../../../core/schemas/forecast.ts';
import { stageLabel } from '../stages/stageName.ts';
import { TEXT_SECONDARY } from '../../components/a11y.ts';

type Row = Calibration['stages'][number];

/** Fewer closed deals than this through a stage and its observed rate is more noise than signal. */
const SMALL_SAMPLE = 10;

/** Configured probability beside what closed deals actually did after reaching each stage. */
export function CalibrationTable({ data, loading }: { data: Calibration | undefined; loading: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {data && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('forecast.calibrationHint', { from: data.from, to: data.to, count: data.closedDeals })}
        </Typography.Paragraph>
      )}
      <Table<Row>
        rowKey="stageId"
        size="small"
        pagination={false}
        loading={loading}
        dataSource={data?.stages ?? []}
        scroll={{ x: 520 }}
        data-testid="calibration-table"
        columns={[
          { key: 'name', title: t('forecast.stage'), render: (_, s) => stageLabel(s, i18n.language) },
          {
            key: 'configured',
            title: t('forecast.configured'),
            align: 'right',
            width: 100,
            render: (_, s) => `${s.configured}%`,
          },
          {
            key: 'observed',
            title: t('forecast.observed'),
            align: 'right',
            width: 110,
            render: (_, s) => {
              if (s.observed === null) return '—';
              const gap = s.observed - s.configured;
              // Flag a stage whose configured probability is more than 15 points off what happened.
              const color = Math.abs(gap) > 15 ? (gap < 0 ? 'red' : 'green') : undefined;
              return color ? (
                <Tag color={color} style={{ marginInlineEnd: 0 }}>
                  {s.observed}%
                </Tag>
              ) : (
                `${s.observed}%`
              );
            },
          },
          {
            key: 'reached',
            title: t('forecast.sample'),
            align: 'right',
            width: 110,
            render: (_, s) => (
              <span
                style={{ color: s.reached < SMALL_SAMPLE ? TEXT_SECONDARY : undefined }}
                title={s.reached < SMALL_SAMPLE ? t('forecast.smallSample') : undefined}
              >
                {t('forecast.reachedWon', { won: s.won, reached: s.reached })}
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
