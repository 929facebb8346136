import { Input, type InputProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseMoney } from '../../core/money-format.ts';
import { formatMoney } from '../lib/money.ts';

type Props = Omit<InputProps, 'value' | 'onChange'> & {
  /** antd Form.Item injects value/onChange/id into its single child. */
  value?: string | null;
  onChange?: (value: string) => void;
  'data-testid'?: string;
};

/**
 * An amount field that reads what people type ("12亿", "300万", "1,250,000", "125.5万") and shows the
 * exact amount it understood under the field as they type. The form keeps the typed text; submits
 * turn it into the decimal string (lib/money.ts normaliseMoney), the same parse as shown here.
 */
export function MoneyInput({ value, onChange, 'data-testid': testId, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const typed = value ?? '';
  const parsed = parseMoney(typed);
  // Always the full amount: "300万" is exactly ¥3,000,000.00, whatever the display preference.
  const echo = parsed.ok ? formatMoney(parsed.value, i18n.language, 'full') : null;
  return (
    <>
      <Input
        prefix="¥"
        // Text, not decimal: a numeric keypad cannot type 万 or 亿.
        inputMode="text"
        placeholder={t('money.hint')}
        {...rest}
        data-testid={testId}
        value={typed}
        onChange={(e) => onChange?.(e.target.value)}
      />
      {echo && (
        <Typography.Text
          type="secondary"
          style={{ display: 'block', fontSize: 12, fontVariantNumeric: 'tabular-nums' }}
          data-testid={testId ? `${testId}-parsed` : 'money-parsed'}
          aria-live="polite"
        >
          {t('money.parsed', { value: echo })}
        </Typography.Text>
      )}
    </>
  );
}
