import { useTranslation } from 'react-i18next';
import { formatMoney } from '../lib/money.ts';

export function MoneyText({ value }: { value: string | null | undefined }) {
  const { i18n } = useTranslation();
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatMoney(value, i18n.language === 'en' ? 'en-US' : 'zh-CN')}
    </span>
  );
}
