import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

const LEVELS = [30, 50, 70];

export function HealthBelowSelect({
  value,
  onChange,
  width,
}: {
  value?: string;
  onChange: (v: string | null) => void;
  width?: number | string;
}) {
  const { t } = useTranslation();
  return (
    <Select<string>
      allowClear
      value={value}
      onChange={(v) => onChange(v ?? null)}
      placeholder={t('deals.healthBelow')}
      aria-label={t('deals.healthBelow')}
      style={{ width }}
      options={LEVELS.map((n) => ({ value: String(n), label: `${t('deals.healthBelow')} ${n}` }))}
      data-testid="filter-health"
    />
  );
}
