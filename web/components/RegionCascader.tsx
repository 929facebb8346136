// Province → city → district (GB/T 2260) for a form or a filter. The division data is a chunk of its
// own (core/region-data.ts, ~60 kB compressed), fetched when the first picker shows, not with the app.
import { useQuery } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { useTranslation } from 'react-i18next';
import { ownName } from './a11y.ts';
import { regionPath, type RegionIndex, type RegionNode } from '../../core/regions.ts';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

const toOptions = (nodes: RegionNode[], depth: number): Option[] =>
  nodes.map((n) =>
    n.children && depth > 1
      ? { value: n.code, label: n.name, children: toOptions(n.children, depth - 1) }
      : { value: n.code, label: n.name },
  );

/** The division index, loaded once per page (a chunk of its own) and kept. */
export function useRegionIndex() {
  return useQuery<RegionIndex>({
    queryKey: ['region-index'],
    queryFn: async () => (await import('../../core/region-data.ts')).REGION_INDEX,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (code: string | null) => void;
  /** 3 (province → city → district) in forms; 2 for a filter by province or city. */
  depth?: 2 | 3;
  placeholder?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
  'aria-label'?: string;
}

export function RegionCascader({ id, value, onChange, depth = 3, placeholder, style, ...rest }: Props) {
  const { t } = useTranslation();
  const index = useRegionIndex();
  const options = index.data ? toOptions(index.data.tree, depth) : [];
  const path = index.data ? regionPath(index.data, value).map((e) => e.code) : [];
  return (
    <Cascader<Option>
      id={id}
      options={options}
      value={path}
      loading={index.isPending}
      // Any level may be chosen: a province alone is an answer when the city is not known.
      changeOnSelect
      showSearch={{ filter: (input, opts) => opts.some((o) => o.label.includes(input.trim())) }}
      onChange={(codes) => onChange?.(codes?.length ? String(codes[codes.length - 1]) : null)}
      placeholder={index.isPending ? t('pickers.regionLoading') : (placeholder ?? t('pickers.regionPlaceholder'))}
      allowClear
      style={style ?? { width: '100%' }}
      data-testid={rest['data-testid']}
      aria-label={ownName({ id, placeholder, 'aria-label': rest['aria-label'] })}
    />
  );
}
