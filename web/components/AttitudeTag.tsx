import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Blue Sheet rating −5…+5: red for opposition through green for support, grey when nobody knows yet.
 * The tag writes the rating in this colour on a tint of it: each shade reads there at 4.5:1 or more.
 */
export function attitudeColor(attitude: number | null | undefined): string {
  if (attitude === null || attitude === undefined) return '#595959';
  if (attitude <= -3) return '#cf1322';
  if (attitude < 0) return '#ad4e00';
  if (attitude === 0) return '#876800';
  if (attitude < 3) return '#3f6600';
  return '#237804';
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
