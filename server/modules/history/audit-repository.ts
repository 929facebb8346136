// The SQL of the audit log (audit.ts): the organisation's history newest first, one keyset page at a
// time, with who did it and the record's current name (each entity's table joined on its own type).
import { and, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { accounts, activities, apiTokens, contacts, history, opportunities, users, webhooks } from '../../db/schema.ts';

export interface AuditFilter {
  userId?: string;
  entity?: string;
  action?: string;
  from?: Date;
  before?: Date;
  after: [string, string] | null;
  limit: number;
}

/** The entity's own row for a history entry of its type. */
const named = (table: { orgId: PgColumn; id: PgColumn }, type: string): SQL | undefined =>
  and(eq(history.entityType, type), eq(table.orgId, history.orgId), eq(table.id, history.entityId));

export function auditRepository(db: Db) {
  // The users table again, as the user a sign-in (or a failed one) is about.
  const subject = alias(users, 'subject_user');
  return {
    page: (orgId: string, f: AuditFilter) =>
      db
        .select({
          id: history.id,
          at: history.at,
          actorId: history.actorId,
          actorName: users.name,
          entityType: history.entityType,
          entityId: history.entityId,
          entityName: sql<string | null>`coalesce(${accounts.name}, ${contacts.name}, ${opportunities.name},
            ${activities.subject}, ${apiTokens.name}, ${subject.name}, ${webhooks.name})`,
          action: history.action,
          changes: history.changes,
          importId: history.importId,
        })
        .from(history)
        .leftJoin(users, and(eq(users.orgId, history.orgId), eq(users.id, history.actorId)))
        .leftJoin(accounts, named(accounts, 'account'))
        .leftJoin(contacts, named(contacts, 'contact'))
        .leftJoin(opportunities, named(opportunities, 'opportunity'))
        .leftJoin(activities, named(activities, 'activity'))
        .leftJoin(apiTokens, named(apiTokens, 'token'))
        .leftJoin(subject, named(subject, 'user'))
        // Webhooks and the group robots are rows of one table.
        .leftJoin(webhooks, or(named(webhooks, 'webhook'), named(webhooks, 'robot')))
        .where(
          and(
            eq(history.orgId, orgId),
            f.userId ? eq(history.actorId, f.userId) : undefined,
            f.entity ? eq(history.entityType, f.entity) : undefined,
            f.action ? eq(history.action, f.action) : undefined,
            f.from ? gte(history.at, f.from) : undefined,
            f.before ? lt(history.at, f.before) : undefined,
            f.after
              ? or(
                  lt(history.at, new Date(f.after[0])),
                  and(eq(history.at, new Date(f.after[0])), lt(history.id, f.after[1])),
                )
              : undefined,
          ),
        )
        .orderBy(desc(history.at), desc(history.id))
        .limit(f.limit),
  };
}

export type AuditRow = Awaited<ReturnType<ReturnType<typeof auditRepository>['page']>>[number];
