// 查重 in the forms (issue 22): the matches of what is being typed, shown under the field, and the
// "仍要创建？" question when a save answers 409 for a match the user may override (a name, a mobile or
// an e-mail — never a credit code). Outside the user's scope a match is only whose it is.
import { useMemo, type ReactNode } from 'react';
import { App, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateMatch, DuplicateMatches } from '../../core/schemas/common.ts';
import { api, ApiError } from '../lib/api.ts';
import { useDebounced } from './useDebounced.ts';

export type DuplicateKind = 'account' | 'contact' | 'deal';

const PATHS: Record<DuplicateKind, string> = {
  account: '/api/accounts/duplicates',
  contact: '/api/contacts/duplicates',
  deal: '/api/opportunities/duplicates',
};
const PAGES: Record<DuplicateKind, string> = { account: '/accounts', contact: '/contacts', deal: '/opportunities' };

/**
 * The matches of the values being typed, asked for once typing pauses. `probe` holds the query
 * (name, creditCode, mobile, email, accountId, excludeId); `needs` names the values of which at least
 * one must be filled for a check to be worth a request.
 */
export function useDuplicates(
  kind: DuplicateKind,
  probe: Record<string, string | null | undefined>,
  needs: string[],
): DuplicateMatch[] {
  // A string key: a new object each render would restart the debounce for ever.
  const key = JSON.stringify(
    Object.fromEntries(Object.entries(probe).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : undefined])),
  );
  const settled = useDebounced(key, 400);
  const query = useMemo(() => JSON.parse(settled) as Record<string, string | undefined>, [settled]);
  const enabled = needs.some((n) => !!query[n]);
  const { data } = useQuery({
    queryKey: ['duplicates', kind, settled],
    queryFn: () => api.get<DuplicateMatches>(PATHS[kind], query),
    enabled,
    staleTime: 30_000,
    // A failed check (a half-typed value the server refuses) shows nothing rather than an error.
    retry: false,
  });
  return enabled ? (data?.matches ?? []) : [];
}

/** One match in words: the record in scope, else only whose it is ("已由 张三 登记") or the pool. */
function matchText(t: TFunction, kind: DuplicateKind, m: DuplicateMatch): string {
  const owner = m.ownerName ?? '—';
  if (!m.inScope) return m.pool ? t('duplicates.inPool') : t('duplicates.registeredBy', { owner });
  const archived = m.archived ? ` · ${t('duplicates.archived')}` : '';
  if (kind === 'contact')
    return t('duplicates.contactMatch', { name: m.name, account: m.accountName ?? '', owner }) + archived;
  if (kind === 'deal') return t('duplicates.dealMatch', { name: m.name, owner });
  return t('duplicates.accountMatch', { name: m.name, owner: m.pool ? t('duplicates.inPoolShort') : owner }) + archived;
}

/** The matches under a field; links to the records in scope unless `links` is off (outside the router). */
export function DuplicateHint({
  kind,
  matches,
  links = true,
}: {
  kind: DuplicateKind;
  matches: DuplicateMatch[];
  links?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  if (!matches.length) return null;
  return (
    <div data-testid={`duplicate-hint-${kind}`} role="status">
      {matches.map((m, i) => {
        const text = `${t(`duplicates.field.${m.field}`)} · ${matchText(t, kind, m)}`;
        return (
          <div key={m.id ?? `${m.field}-${i}`}>
            <Typography.Text type={m.field === 'creditCode' ? 'danger' : 'warning'}>
              {links && m.inScope && m.id ? (
                <Link to={`${PAGES[kind]}/${m.id}`} target="_blank">
                  {text}
                </Link>
              ) : (
                text
              )}
            </Typography.Text>
          </div>
        );
      })}
    </div>
  );
}

/** The matches of a save's 409, when the user may override them (no credit code among them). */
export function overridableMatches(err: unknown): DuplicateMatch[] | null {
  if (!(err instanceof ApiError) || err.status !== 409 || !err.code.startsWith('duplicate_')) return null;
  const matches = err.body?.matches ?? [];
  return matches.length && !matches.some((m) => m.field === 'creditCode') ? matches : null;
}

/**
 * Asks "仍要创建？" for a save refused by an overridable match; resolves true when the user confirms
 * (the caller resends with the flag), false when they do not or the refusal is not one to override.
 */
export function useConfirmDuplicate() {
  const { modal } = App.useApp();
  const { t } = useTranslation();
  return (err: unknown, kind: DuplicateKind, creating: boolean): Promise<boolean> => {
    const matches = overridableMatches(err);
    if (!matches) return Promise.resolve(false);
    return new Promise((resolve) => {
      modal.confirm({
        title: creating ? t('duplicates.confirmTitle') : t('duplicates.confirmSaveTitle'),
        content: (
          <div data-testid="duplicate-confirm">
            <p>{t(`duplicates.confirm${kind === 'account' ? 'Account' : kind === 'contact' ? 'Contact' : 'Deal'}`)}</p>
            <DuplicateHint kind={kind} matches={matches} links={false} />
          </div>
        ),
        okText: t('duplicates.confirmOk'),
        cancelText: t('common.cancel'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
  };
}
