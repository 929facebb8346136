// The audit log (issue 23, item 7): the organisation's history — every change, sign-in and failed
// sign-in, token use, export and import — for admins, filtered by who, what, which action and when,
// newest first, and as a file through the lists' export.
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { orgTimeZone } from '../../kernel/settings.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { fieldError } from '../../lib/errors.ts';
import { addDays, dayStart } from '../../../core/time.ts';
import type { AuditEntry, AuditPage, AuditQuery } from '../../../core/schemas/audit.ts';
import type { FieldChange } from '../../../core/diff.ts';
import { auditRepository, type AuditRow } from './audit-repository.ts';

const present = (r: AuditRow): AuditEntry => ({
  ...r,
  at: r.at.toISOString(),
  changes: r.changes as FieldChange[],
});

export function auditService(db: Db) {
  const repo = auditRepository(db);
  return {
    async list(actor: Actor, q: AuditQuery): Promise<AuditPage> {
      assertCan(actor, 'read', 'auditLog');
      if (q.from && q.to && q.from > q.to) throw fieldError('query.to', 'invalid');
      const zone = await orgTimeZone(db, actor.orgId);
      const limit = q.limit ?? 50;
      const after = q.cursor ? decodeCursor(q.cursor) : null;
      if (after && typeof after[0] !== 'string') throw fieldError('query.cursor', 'invalid');
      const rows = await repo.page(actor.orgId, {
        userId: q.userId,
        entity: q.entity,
        action: q.action,
        from: q.from ? dayStart(q.from, zone) : undefined,
        before: q.to ? dayStart(addDays(q.to, 1), zone) : undefined,
        after: after as [string, string] | null,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(present),
        nextCursor: rows.length > limit && last ? encodeCursor(last.at.toISOString(), last.id) : null,
      };
    },
  };
}
