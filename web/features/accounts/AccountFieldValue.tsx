import { Rate, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Account } from '../../../core/schemas/accounts.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { EnumTag } from '../../components/EnumTag.tsx';
import type { FieldDef } from './fields.ts';
import { industryName } from '../../../core/industries.ts';
import { regionText } from './region-text.ts';

export function AccountFieldValue({ def, account }: { def: FieldDef; account: Account }) {
  const { t, i18n } = useTranslation();
  const v = account[def.name];
  const k = def.type.kind;
  // Text typed before the pickers, which matched no code, stays visible as it was typed.
  if (k === 'region') return <>{regionText(account)}</>;
  if (k === 'industry')
    return <>{industryName(account.industryCode, i18n.language === 'en' ? 'en' : 'zh') ?? account.industry ?? '—'}</>;
  if (k === 'account')
    return account.parentId ? (
      <Link to={`/accounts/${account.parentId}`}>{account.parentName ?? account.parentId}</Link>
    ) : (
      <>—</>
    );
  if (k === 'user') return <>{account.ownerName ?? '—'}</>;
  if (v === null || v === undefined || v === '') return <>—</>;
  if (k === 'money') return <MoneyText value={String(v)} />;
  if (k === 'enum') return <EnumTag group={def.name} value={String(v)} />;
  if (k === 'rating') return <Rate disabled value={Number(v)} />;
  if (k === 'tags')
    return <>{Array.isArray(v) && v.length ? v.map((x) => <Tag key={String(x)}>{String(x)}</Tag>) : '—'}</>;
  if (k === 'longtext')
    return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{String(v)}</Typography.Paragraph>;
  if (def.name === 'website') {
    const href = /^https?:\/\//i.test(String(v)) ? String(v) : `https://${String(v)}`;
    return (
      <a href={href} target="_blank" rel="noreferrer noopener">
        {String(v)}
      </a>
    );
  }
  if (k === 'int') return <>{new Intl.NumberFormat(t('common.numberLocale')).format(Number(v))}</>;
  return <>{String(v)}</>;
}
