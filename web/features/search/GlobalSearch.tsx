import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Input, type InputRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../lib/api.ts';
import { useDebounced } from '../../components/useDebounced.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { TEXT_SECONDARY } from '../../components/a11y.ts';

/** ⌘ on a Mac, Ctrl elsewhere: the key people already press for "search" in other tools. */
const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const SHORTCUT = MAC ? '⌘ K' : 'Ctrl K';

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
  const mobile = useIsMobile();
  const input = useRef<InputRef>(null);
  const [text, setText] = useState('');
  // Enter pressed before the typed text's hits arrived: open the first hit once they do.
  const [enterFor, setEnterFor] = useState<string | null>(null);
  const q = useDebounced(text.trim(), 250);
  const result = useQuery({
    queryKey: ['search', q],
    queryFn: () => api.get<SearchResult>('/api/search', { q }),
    enabled: q.length >= 1,
    staleTime: 10_000,
  });

  const data = q.length >= 1 ? result.data : undefined;
  const open = (kind: string, id: string) => {
    setText('');
    setEnterFor(null);
    input.current?.blur();
    navigate(kind === 'account' ? `/accounts/${id}` : `/contacts/${id}`);
  };
  const firstHit = (r: SearchResult | undefined): [string, string] | null => {
    if (r?.accounts[0]) return ['account', r.accounts[0].id];
    if (r?.contacts[0]) return ['contact', r.contacts[0].id];
    return null;
  };

  // Ctrl-K / ⌘-K from anywhere in the app focuses the search box (and keeps the browser's own binding away).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        input.current?.focus({ cursor: 'all' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (enterFor === null || enterFor !== q || result.isFetching || !result.data) return;
    const hit = firstHit(result.data);
    setEnterFor(null);
    if (hit) open(...hit);
  }, [enterFor, q, result.isFetching, result.data]);
  const options = [];
  if (data?.accounts.length) {
    options.push({
      label: t('search.accounts'),
      options: data.accounts.map((a) => ({
        value: `account:${a.id}`,
        label: (
          <div data-testid="search-result-account">
            {a.name}
            <span style={{ color: TEXT_SECONDARY, marginInlineStart: 8 }}>
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
            <span style={{ color: TEXT_SECONDARY, marginInlineStart: 8 }}>
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
        open(kind, id);
      }}
      // The first hit is active, so Enter opens it; Enter typed faster than the search waits for it.
      defaultActiveFirstOption
      onInputKeyDown={(e) => {
        if (e.key === 'Enter' && options.length === 0 && text.trim()) setEnterFor(text.trim());
        if (e.key === 'Escape') input.current?.blur();
      }}
      notFoundContent={data && !result.isFetching ? t('search.noResults') : null}
      popupMatchSelectWidth={false}
    >
      <Input
        ref={input}
        prefix={<SearchOutlined />}
        placeholder={t('search.placeholder')}
        allowClear
        aria-label={t('search.placeholder')}
        aria-keyshortcuts="Control+K Meta+K"
        suffix={
          !mobile && !text ? (
            <kbd title={t('navigation.searchShortcut', { keys: SHORTCUT })} data-testid="search-shortcut" style={KBD}>
              {SHORTCUT}
            </kbd>
          ) : undefined
        }
        data-testid="global-search"
      />
    </AutoComplete>
  );
}

const KBD = {
  fontFamily: 'inherit',
  fontSize: 11,
  lineHeight: '16px',
  padding: '0 5px',
  border: '1px solid #d9d9d9',
  borderRadius: 4,
  color: '#595959',
  background: '#fafafa',
} as const;
