import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  A: 'red',
  B: 'orange',
  C: 'default',
  establish: 'blue',
  deepen: 'cyan',
  alliance: 'green',
  high: 'red',
  medium: 'orange',
  low: 'default',
  good: 'green',
  fair: 'gold',
  poor: 'red',
  none: 'default',
  brief: 'gold',
  multiple: 'blue',
  in_depth: 'green',
};

export function EnumTag({ group, value }: { group: string; value: string | null | undefined }) {
  const { t } = useTranslation();
  if (!value) return <>—</>;
  return <Tag color={COLORS[value] ?? 'default'}>{t(`enum.${group}.${value}`)}</Tag>;
}
