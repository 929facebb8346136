import { Input, InputNumber, Rate, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from './fields.ts';
import { EnumSelect } from '../../components/EnumSelect.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { AccountSelect } from '../../components/AccountSelect.tsx';
import { IndustryCascader } from '../../components/IndustryCascader.tsx';
import { RegionCascader } from '../../components/RegionCascader.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';

interface Props {
  def: FieldDef;
  /** antd Form.Item injects value/onChange/id into its single child. */
  value?: unknown;
  onChange?: (v: unknown) => void;
  id?: string;
  accountId?: string;
  parentName?: string | null;
}

export function AccountFieldInput({ def, value, onChange, id, accountId, parentName }: Props) {
  const { t } = useTranslation();
  const common = { id, onChange: (v: unknown) => onChange?.(v) };
  const str = typeof value === 'string' ? value : undefined;
  switch (def.type.kind) {
    case 'text':
      return <Input id={id} value={str} onChange={(e) => onChange?.(e.target.value)} maxLength={def.type.max} />;
    case 'longtext':
      return (
        <Input.TextArea
          id={id}
          value={str}
          onChange={(e) => onChange?.(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={10000}
        />
      );
    case 'enum':
      return (
        <EnumSelect
          {...common}
          value={str}
          group={def.name}
          values={def.type.values}
          allowClear={!def.required}
          placeholder={t('common.choose')}
        />
      );
    case 'money':
      return <MoneyInput id={id} value={str} onChange={(v) => onChange?.(v)} />;
    case 'int':
      return (
        <InputNumber<number>
          {...common}
          value={typeof value === 'number' ? value : null}
          min={def.type.min}
          max={def.type.max}
          precision={0}
          style={{ width: '100%' }}
        />
      );
    case 'rating':
      return (
        <Rate
          id={id}
          value={typeof value === 'number' ? value : 0}
          onChange={(v) => onChange?.(v === 0 ? null : v)}
          allowClear
        />
      );
    case 'user':
      return <UserSelect {...common} value={str} placeholder={t('common.choose')} />;
    case 'account':
      return (
        <AccountSelect
          {...common}
          value={str}
          currentLabel={parentName}
          excludeId={accountId}
          placeholder={t('common.searchToChoose')}
        />
      );
    case 'region':
      return <RegionCascader id={id} value={str} onChange={onChange} data-testid="region-picker" />;
    case 'industry':
      return <IndustryCascader id={id} value={str} onChange={onChange} data-testid="industry-picker" />;
    case 'tags':
      return (
        <Select<string[]>
          {...common}
          mode="tags"
          value={Array.isArray(value) ? (value as string[]) : []}
          tokenSeparators={[',', '，']}
          placeholder={t('accounts.tagsHint')}
        />
      );
  }
}
