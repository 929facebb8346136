import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { listOrExport } from '../../kernel/export.ts';
import { ErrorResponse } from '../../../core/schemas/common.ts';
import { AuditPage, AuditQuery } from '../../../core/schemas/audit.ts';
import { auditService } from './audit.ts';
import { AUDIT_EXPORT } from './audit-export.ts';

const tags = ['audit'];

export async function historyRoutes(app: App) {
  const audit = auditService(app.db);
  const listed = listOrExport(app, AUDIT_EXPORT, audit.list);
  app.get(
    '/audit',
    {
      schema: {
        tags,
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (req, reply) => listed(actorOf(req), req.query, reply),
  );
}
