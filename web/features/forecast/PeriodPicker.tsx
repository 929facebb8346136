import { DatePicker, Flex, Segmented } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PERIOD_KINDS, type PeriodKind } from '../../../core/enums.ts';
import { periodKey, periodKindOf, periodStart } from './period.ts';

interface Props {
  value: string;
  onChange: (period: string) => void;
  /** Kinds offered, in this order; the quarter first, since that is what forecasts are judged on. */
  kinds?: readonly PeriodKind[];
  width?: number | string;
  testId?: string;
}

const FORMAT: Record<PeriodKind, string> = { year: 'YYYY', quarter: 'YYYY-[Q]Q', month: 'YYYY-MM' };

/** A period kind and a picker of that kind; switching the kind keeps the period that contains its start. */
export function PeriodPicker({
  value,
  onChange,
  kinds = ['quarter', 'year', 'month'],
  width,
  testId = 'period-picker',
}: Props) {
  const { t } = useTranslation();
  const kind = periodKindOf(value) ?? 'quarter';
  const start = periodStart(value) ?? dayjs();
  return (
    <Flex gap={8} wrap data-testid={testId}>
      <Segmented<PeriodKind>
        value={kind}
        onChange={(k) => onChange(periodKey(k, start))}
        options={kinds
          .filter((k) => PERIOD_KINDS.includes(k))
          .map((k) => ({ value: k, label: <span data-testid={`period-kind-${k}`}>{t(`enum.periodKind.${k}`)}</span> }))}
      />
      <DatePicker
        picker={kind}
        value={start}
        format={FORMAT[kind]}
        allowClear={false}
        onChange={(d) => d && onChange(periodKey(kind, d))}
        style={{ width: width ?? 140 }}
        data-testid={`${testId}-date`}
      />
    </Flex>
  );
}
