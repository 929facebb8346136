import { useState } from 'react';
import { Button, Card, DatePicker, Flex, List, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry } from '../../../core/schemas/audit.ts';
import { auditValue, changeLine } from '../../../core/audit.ts';
import { useUsers } from '../../lib/org.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { type AuditFilters, useAuditLog } from './api.ts';

/** Record types and actions the log holds, in the order an admin looks for them. */
const ENTITIES = [
  'account',
  'contact',
  'opportunity',
  'activity',
  'user',
  'token',
  'export',
  'import',
  'sso',
  'webhook',
  'robot',
  'settings',
] as const;
const ACTIONS = [
  'create',
  'update',
  'delete',
  'archive',
  'restore',
  'merge',
  'unmerge',
  'login',
  'login_failed',
  'token_used',
  'export',
  'import',
] as const;
const PAGES: Partial<Record<string, string>> = {
  account: '/accounts',
  contact: '/contacts',
  opportunity: '/opportunities',
};

/**
 * 审计日志 (admins): every change, sign-in, failed sign-in, token use and export in the organisation,
 * newest first, filtered by who, what, which action and when; the same view as a file (导出).
 */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const mobile = useIsMobile();
  const users = useUsers();
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters);
  const set = (patch: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const label = (group: 'entity' | 'action', key: string) => t(`audit.${group}.${key}`, { defaultValue: key });
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  const changes = (e: AuditEntry) =>
    e.changes
      .filter((c) => c.field !== 'address' || e.entityType !== 'user')
      .map(changeLine)
      .join('；') || (e.changes[0] ? auditValue(e.changes[0].new) : '');
  const record = (e: AuditEntry) => {
    // An export or import is named by what it took out or brought in (its first detail: the list, the entity).
    const name =
      e.entityName ??
      (e.entityType === 'export' || e.entityType === 'import'
        ? auditValue(e.changes[0]?.new)
        : // The organisation's SSO: a refused sign-in is known by the e-mail the provider gave.
          e.entityType === 'sso'
          ? auditValue(e.changes.find((c) => c.field === 'email')?.new)
          : e.entityId.slice(0, 8));
    const base = PAGES[e.entityType];
    return base && e.action !== 'delete' ? <Link to={`${base}/${e.entityId}`}>{name}</Link> : name;
  };

  const columns: ColumnsType<AuditEntry> = [
    { key: 'at', title: t('audit.at'), width: 170, render: (_, e) => when(e.at) },
    { key: 'actor', title: t('audit.actor'), width: 110, render: (_, e) => e.actorName ?? '—' },
    { key: 'action', title: t('audit.actionLabel'), width: 110, render: (_, e) => label('action', e.action) },
    { key: 'type', title: t('audit.entityLabel'), width: 100, render: (_, e) => label('entity', e.entityType) },
    { key: 'record', title: t('audit.record'), render: (_, e) => record(e) },
    { key: 'changes', title: t('audit.changes'), ellipsis: true, render: (_, e) => changes(e) },
  ];

  if (log.isError) return <FullPageError error={log.error} />;
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <ExportButton path="/api/audit" query={filters} />
      </Flex>
      <Flex gap={8} wrap data-testid="audit-filters">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('audit.actor')}
          style={{ minWidth: 140 }}
          options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          onChange={(v?: string) => set({ userId: v })}
          data-testid="audit-user"
        />
        <Select
          allowClear
          placeholder={t('audit.entityLabel')}
          style={{ minWidth: 120 }}
          options={ENTITIES.map((k) => ({ value: k, label: label('entity', k) }))}
          onChange={(v?: string) => set({ entity: v })}
          data-testid="audit-entity"
        />
        <Select
          allowClear
          placeholder={t('audit.actionLabel')}
          style={{ minWidth: 120 }}
          options={ACTIONS.map((k) => ({ value: k, label: label('action', k) }))}
          onChange={(v?: string) => set({ action: v })}
          data-testid="audit-action"
        />
        <DatePicker.RangePicker
          onChange={(r) =>
            set({ from: r?.[0]?.format('YYYY-MM-DD') ?? undefined, to: r?.[1]?.format('YYYY-MM-DD') ?? undefined })
          }
          data-testid="audit-dates"
        />
      </Flex>
      {mobile ? (
        <List
          loading={log.isLoading}
          dataSource={items}
          renderItem={(e) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="audit-card">
              <Typography.Text type="secondary">{when(e.at)}</Typography.Text>
              <div>
                {e.actorName ?? '—'} · {label('action', e.action)} · {label('entity', e.entityType)}
              </div>
              <div style={{ overflowWrap: 'anywhere' }}>{record(e)}</div>
              <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                {changes(e)}
              </Typography.Text>
            </Card>
          )}
        />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={log.isLoading}
          columns={columns}
          dataSource={items}
          pagination={false}
          data-testid="audit-table"
        />
      )}
      {log.hasNextPage && (
        <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage} data-testid="audit-more">
          {t('audit.more')}
        </Button>
      )}
    </Flex>
  );
}
