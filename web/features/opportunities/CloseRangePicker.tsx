import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

interface Props {
  from?: string;
  to?: string;
  onChange: (from: string | null, to: string | null) => void;
  width?: number | string;
}

/** Expected-close period as two ISO dates (the API's closeFrom / closeTo). */
export function CloseRangePicker({ from, to, onChange, width }: Props) {
  const { t } = useTranslation();
  return (
    <DatePicker.RangePicker
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      onChange={(v) => onChange(v?.[0]?.format('YYYY-MM-DD') ?? null, v?.[1]?.format('YYYY-MM-DD') ?? null)}
      allowEmpty={[true, true]}
      // Each end says what it is: a screen reader announces the placeholder as the field's name.
      placeholder={[t('a11y.closeFrom'), t('a11y.closeTo')]}
      style={{ width }}
      data-testid="filter-close-range"
    />
  );
}
