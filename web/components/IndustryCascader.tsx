// GB/T 4754-2017 section (门类) → division (大类), named in the current language (core/industries.ts).
import { Cascader } from 'antd';
import { useTranslation } from 'react-i18next';
import { ownName } from './a11y.ts';
import { INDUSTRY_SECTIONS, industryPath } from '../../core/industries.ts';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (code: string | null) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
  'aria-label'?: string;
}

export function IndustryCascader({ id, value, onChange, placeholder, style, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const options: Option[] = INDUSTRY_SECTIONS.map((s) => ({
    value: s.code,
    label: `${s.code} ${s[lang]}`,
    children: s.divisions.map((d) => ({ value: d.code, label: `${d.code} ${d[lang]}` })),
  }));
  return (
    <Cascader<Option>
      id={id}
      options={options}
      value={industryPath(value)}
      changeOnSelect
      showSearch={{
        filter: (input, opts) => opts.some((o) => o.label.toLowerCase().includes(input.trim().toLowerCase())),
      }}
      onChange={(codes) => onChange?.(codes?.length ? String(codes[codes.length - 1]) : null)}
      placeholder={placeholder ?? t('pickers.industryPlaceholder')}
      allowClear
      style={style ?? { width: '100%' }}
      data-testid={rest['data-testid']}
      aria-label={ownName({ id, placeholder, 'aria-label': rest['aria-label'] })}
    />
  );
}
