// The audit log as a file (issue 23, item 7): one row per entry, its changes as "field: old → new".
import { dayOf, timeOf, type ExportSpec } from '../../kernel/export.ts';
import type { AuditEntry } from '../../../core/schemas/audit.ts';
import { changeLine } from '../../../core/audit.ts';

export const AUDIT_EXPORT: ExportSpec<AuditEntry> = {
  list: 'audit',
  title: { zh: '审计日志', en: 'Audit log' },
  columns: [
    { zh: '日期', en: 'Date', kind: 'date', value: (e, c) => dayOf(e.at, c) },
    { zh: '时间', en: 'Time', kind: 'text', width: 8, value: (e, c) => timeOf(e.at, c) },
    { zh: '操作人', en: 'By', kind: 'text', width: 12, value: (e) => e.actorName },
    { zh: '对象类型', en: 'Record type', kind: 'text', width: 12, value: (e) => e.entityType },
    { zh: '对象', en: 'Record', kind: 'text', width: 32, value: (e) => e.entityName ?? e.entityId },
    { zh: '操作', en: 'Action', kind: 'text', width: 12, value: (e) => e.action },
    {
      zh: '变更',
      en: 'Changes',
      kind: 'text',
      width: 60,
      value: (e) => e.changes.map(changeLine).join('; '),
    },
  ],
};
