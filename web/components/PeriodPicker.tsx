import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useIsMobile } from './useIsMobile.ts';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = 'YYYY-MM-DD';

/**
 * An analysis window of days kept in the URL: `to` defaults to today, `from` to what the page
 * chooses (it may count back from `to`); a malformed date in a hand-edited URL counts as missing.
 */
export function urlPeriod(
  values: { from?: string; to?: string },
  defaultFrom: (to: string) => string,
): { from: string; to: string } {
  const to = values.to && DATE_RE.test(values.to) ? values.to : dayjs().format(DAY);
  const from = values.from && DATE_RE.test(values.from) ? values.from : defaultFrom(to);
  return { from, to };
}

interface Props {
  from: string;
  to: string;
  onChange: (from: string | null, to: string | null) => void;
  testId: string;
}

/** Both ends always set (no clearing): the analysis pages need a window. Full width on phones. */
export function PeriodPicker({ from, to, onChange, testId }: Props) {
  const mobile = useIsMobile();
  return (
    <DatePicker.RangePicker
      value={[dayjs(from), dayjs(to)]}
      allowClear={false}
      onChange={(v) => onChange(v?.[0]?.format(DAY) ?? null, v?.[1]?.format(DAY) ?? null)}
      style={{ width: mobile ? '100%' : 260 }}
      data-testid={testId}
    />
  );
}
