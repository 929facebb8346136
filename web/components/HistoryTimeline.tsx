import { Empty, Spin, Timeline, Typography } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../core/schemas/common.ts';
import { DateText } from './DateText.tsx';
import { useMoney } from './useMoney.ts';
import { useUsers } from '../lib/org.ts';
import { industryName, industryText } from '../../core/industries.ts';

const MONEY_FIELDS = new Set(['annualRevenue', 'ourRevenue', 'potential']);
const USER_FIELDS = new Set(['ownerId', 'counterpartId', 'managerId', 'userId']);
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENUM_GROUPS = new Set([
  'ownershipType',
  'scope',
  'financialStatus',
  'relationshipStage',
  'tier',
  'influence',
  'coverage',
  'role',
  'dataScope',
]);

/** Fields whose codes are worded elsewhere than enum.<field>: the prospect review's keep / pool / archive. */
const CODE_LABELS: Record<string, string> = { prospectReview: 'pool.decision' };

export const ACTION_COLORS: Record<HistoryEntry['action'], string> = {
  create: 'green',
  update: 'blue',
  archive: 'gray',
  restore: 'cyan',
  delete: 'red',
  undelete: 'cyan',
  purge: 'red',
  export: 'purple',
  import: 'purple',
  merge: 'purple',
  unmerge: 'purple',
};

/** Who changed what, when: field labels and enum values in the reader's language. */
export function HistoryTimeline({
  entity,
  query,
}: {
  entity: 'account' | 'contact';
  query: UseQueryResult<HistoryEntry[]>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const users = useUsers();
  const money = useMoney();
  if (query.isPending) return <Spin />;
  if (query.isError) return <Typography.Text type="danger">{query.error.message}</Typography.Text>;
  if (query.data.length === 0) return <Empty description={t('history.empty')} />;

  const show = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '∅';
    if (MONEY_FIELDS.has(field) && typeof v === 'string') return money(v);
    if (ENUM_GROUPS.has(field) && typeof v === 'string') return t(`enum.${field}.${v}`, { defaultValue: v });
    if (CODE_LABELS[field] && typeof v === 'string') return t(`${CODE_LABELS[field]}.${v}`, { defaultValue: v });
    if (typeof v === 'boolean') return v ? t('deals.yes') : t('deals.no');
    // Industries are stored as GB/T 4754 codes and the standard's Chinese names: shown in the reader's language.
    if (field === 'industryCode' && typeof v === 'string') return industryName(v, lang) ?? v;
    if (field === 'industry' && typeof v === 'string') return industryText(v, lang);
    if (typeof v === 'string' && UUID_RE.test(v)) {
      // History stores ids; show the person's name when we know it, else a short id rather than 36 characters.
      const u = USER_FIELDS.has(field) ? users.data?.find((x) => x.id === v) : undefined;
      return u ? u.name : `#${v.slice(-6)}`;
    }
    if (Array.isArray(v)) return v.map(String).join(', ');
    if (typeof v === 'object') return JSON.stringify(v);
    const s = String(v);
    return s.length > 120 ? `${s.slice(0, 120)}…` : s;
  };

  return (
    <Timeline
      data-testid="history"
      items={query.data.map((h) => ({
        key: h.id,
        color: ACTION_COLORS[h.action],
        content: (
          <div data-testid="history-entry">
            <div>
              <strong>{h.actorName ?? t('history.system')}</strong> {t(`history.action.${h.action}`)} ·{' '}
              <DateText value={h.at} withTime />
            </div>
            {h.changes.map((c) => (
              <div key={c.field} style={{ fontSize: 13, color: '#555' }}>
                {t(`field.${entity}.${c.field}`, {
                  defaultValue: t(`field.common.${c.field}`, { defaultValue: c.field }),
                })}
                : {show(c.field, c.old)} → {show(c.field, c.new)}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
