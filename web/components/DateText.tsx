import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

export function DateText({ value, withTime = false }: { value: string | null | undefined; withTime?: boolean }) {
  useTranslation(); // dayjs locale follows the UI language; re-render on switch
  if (!value) return <>—</>;
  return <span title={value}>{dayjs(value).format(withTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD')}</span>;
}
