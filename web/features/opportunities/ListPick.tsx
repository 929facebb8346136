// A lost reason or deal source: one of the administrator's items, or 其他 with text typed beside it
// (core/deal-lists.ts). A stored value no longer in the list still shows, as it was saved.
import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { listValue, OTHER, otherText } from '../../../core/deal-lists.ts';

interface Props {
  items: readonly string[];
  /** antd Form.Item injects value/onChange/id. */
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  'data-testid'?: string;
}

export function ListPick({ items, value, onChange, id, ...rest }: Props) {
  const { t } = useTranslation();
  const other = value ? otherText(value) : null;
  const picked = !value ? undefined : other !== null ? OTHER : value;
  const options = [
    ...items.map((i) => ({ value: i, label: i })),
    // A saved value the list no longer has (renamed or removed by the administrator).
    ...(picked && picked !== OTHER && !items.includes(picked) ? [{ value: picked, label: picked }] : []),
    { value: OTHER, label: t('pickers.other') },
  ];
  const testId = rest['data-testid'];
  return (
    <Flex vertical gap={6}>
      <Select<string>
        id={id}
        value={picked}
        options={options}
        allowClear
        placeholder={t('common.choose')}
        onChange={(v) => onChange?.(v ? listValue(v, v === OTHER ? other : null) : null)}
        data-testid={testId}
      />
      {picked === OTHER && (
        <Input
          value={other ?? ''}
          maxLength={200}
          placeholder={t('pickers.otherText')}
          aria-label={t('pickers.otherText')}
          onChange={(e) => onChange?.(listValue(OTHER, e.target.value))}
          data-testid={testId ? `${testId}-other` : undefined}
        />
      )}
    </Flex>
  );
}

/** A stored value as shown: "其他：…" in the reader's language. */
export function useListValueText() {
  const { t } = useTranslation();
  return (value: string | null | undefined): string => {
    if (!value) return '—';
    const other = otherText(value);
    if (other === null) return value;
    return other ? `${t('pickers.other')}: ${other}` : t('pickers.other');
  };
}
