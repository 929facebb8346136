import { useState } from 'react';
import { Select, type SelectProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { AccountListItem } from '../../core/schemas/accounts.ts';
import type { PageOf } from '../../core/schemas/common.ts';
import { api } from '../lib/api.ts';
import { useDebounced } from './useDebounced.ts';
import { ownName } from './a11y.ts';

type Props = Omit<SelectProps<string>, 'options' | 'showSearch' | 'loading'> & {
  /** Label for the current value, which may not be in the first page of results. */
  currentLabel?: string | null;
  excludeId?: string;
};

/** Searches accounts on the server, since an organisation can have far more than fit in one list. */
export function AccountSelect({ currentLabel, excludeId, ...rest }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 250);
  const list = useQuery({
    queryKey: ['accounts', 'picker', q],
    queryFn: () => api.get<PageOf<AccountListItem>>('/api/accounts', { q, limit: 20, sort: 'name', health: false }),
    staleTime: 30_000,
  });
  const options = (list.data?.items ?? [])
    .filter((a) => a.id !== excludeId)
    .map((a) => ({ value: a.id, label: a.name }));
  if (typeof rest.value === 'string' && currentLabel && !options.some((o) => o.value === rest.value)) {
    options.unshift({ value: rest.value, label: currentLabel });
  }
  return (
    <Select<string>
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.isFetching}
      {...rest}
      aria-label={ownName(rest)}
      options={options}
    />
  );
}
