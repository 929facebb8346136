import type { ReactNode } from 'react';
import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface Crumb {
  label: ReactNode;
  /** Where the crumb leads; the last crumb (this page) has none. */
  to?: string;
}

/**
 * Where a detail page sits: 客户 / 北京市卫生健康委员会 / 商机 / …, every crumb but the page itself a
 * link back. The trail is the account's, since that is how people file their work.
 */
export function PageCrumbs({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('navigation.breadcrumb')} data-testid="breadcrumbs">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={items.map((c, i) => ({
          key: i,
          title: c.to ? (
            <Link to={c.to} data-testid="crumb-link">
              {c.label}
            </Link>
          ) : (
            <span aria-current="page" data-testid="crumb-current">
              {c.label}
            </span>
          ),
        }))}
      />
    </nav>
  );
}

/** The trail's head for anything filed under an account: 客户 / <account>. */
export function accountCrumbs(t: (k: string) => string, account: { id: string; name: string }): Crumb[] {
  return [
    { label: t('navigation.crumbs.accounts'), to: '/accounts' },
    { label: account.name, to: `/accounts/${account.id}` },
  ];
}

/** An activity's trail: 客户 / <account> / [商机 / <deal>] / 活动 — the deal's when it has one. */
export function activityCrumbs(
  t: (k: string) => string,
  a: { accountId: string; accountName: string; opportunityId: string | null; opportunityName: string | null },
): Crumb[] {
  return [
    ...accountCrumbs(t, { id: a.accountId, name: a.accountName }),
    ...(a.opportunityId && a.opportunityName
      ? [{ label: a.opportunityName, to: `/opportunities/${a.opportunityId}` }]
      : []),
    { label: t('navigation.crumbs.activities'), to: `/accounts/${a.accountId}?tab=timeline` },
  ];
}
