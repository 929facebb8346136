import { useState } from 'react';
import { AutoComplete, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../lib/api.ts';
import { useDebounced } from '../../components/useDebounced.ts';

interface SearchResult {
  accounts: { id: string; name: string; shortName: string | null; city: string | null }[];
  contacts: {
    id: string;
    name: string;
    title: string | null;
    accountId: string;
    accountName: string;
    mobile: string | null;
  }[];
}

export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const result = useQuery({
    queryKey: ['search', q],
    queryFn: () => api.get<SearchResult>('/api/search', { q }),
    enabled: q.length >= 1,
    staleTime: 10_000,
  });

  const data = q.length >= 1 ? result.data : undefined;
  const options = [];
  if (data?.accounts.length) {
    options.push({
      label: t('search.accounts'),
      options: data.accounts.map((a) => ({
        value: `account:${a.id}`,
        label: (
          <div data-testid="search-result-account">
            {a.name}
            <span style={{ color: '#999', marginInlineStart: 8 }}>
              {[a.shortName, a.city].filter(Boolean).join(' · ')}
            </span>
          </div>
        ),
      })),
    });
  }
  if (data?.contacts.length) {
    options.push({
      label: t('search.contacts'),
      options: data.contacts.map((c) => ({
        value: `contact:${c.id}`,
        label: (
          <div data-testid="search-result-contact">
            {c.name}
            <span style={{ color: '#999', marginInlineStart: 8 }}>
              {[c.title, c.accountName, c.mobile].filter(Boolean).join(' · ')}
            </span>
          </div>
        ),
      })),
    });
  }

  return (
    <AutoComplete
      style={{ width: '100%' }}
      value={text}
      options={options}
      onChange={(v: string) => setText(v)}
      onSelect={(v: string) => {
        const [kind, id] = v.split(':');
        setText('');
        navigate(kind === 'account' ? `/accounts/${id}` : `/contacts/${id}`);
      }}
      notFoundContent={data && !result.isFetching ? t('search.noResults') : null}
      popupMatchSelectWidth={false}
    >
      <Input prefix={<SearchOutlined />} placeholder={t('search.placeholder')} allowClear data-testid="global-search" />
    </AutoComplete>
  );
}
