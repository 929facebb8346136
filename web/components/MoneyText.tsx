import { useMoney, useMoneyStyle } from './useMoney.ts';

/** An amount in the user's style; compact ones carry the exact amount on hover. */
export function MoneyText({ value }: { value: string | null | undefined }) {
  const money = useMoney();
  const full = useMoney('full');
  const style = useMoneyStyle();
  const exact = style === 'compact' && value ? full(value) : undefined;
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums' }} title={exact} data-money={value ?? undefined}>
      {money(value)}
    </span>
  );
}
