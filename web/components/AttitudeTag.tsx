import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Blue Sheet rating −5…+5: red for opposition through green for support, grey when nobody knows yet. */
export function attitudeColor(attitude: number | null | undefined): string {
  if (attitude === null || attitude === undefined) return '#bfbfbf';
  if (attitude <= -3) return '#cf1322';
  if (attitude < 0) return '#fa8c16';
  if (attitude === 0) return '#faad14';
  if (attitude < 3) return '#7cb305';
  return '#389e0d';
}

export function formatAttitude(attitude: number | null | undefined): string {
  if (attitude === null || attitude === undefined) return '?';
  return attitude > 0 ? `+${attitude}` : String(attitude);
}

export function AttitudeTag({ value }: { value: number | null | undefined }) {
  const { t } = useTranslation();
  return (
    <Tag color={attitudeColor(value)} title={t('field.contact.attitude')}>
      {value === null || value === undefined ? t('common.unknown') : formatAttitude(value)}
    </Tag>
  );
}
