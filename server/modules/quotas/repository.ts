import { and, asc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { bothReads, type Db } from '../../db/client.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { quotas, teams, users } from '../../db/schema.ts';

export type QuotaRow = typeof quotas.$inferSelect;
export type NewQuota = typeof quotas.$inferInsert;

const columns = { q: quotas, userName: users.name, teamName: teams.name };

export function quotasRepository(db: Db) {
  const select = () =>
    db
      .select(columns)
      .from(quotas)
      .leftJoin(users, and(eq(users.orgId, quotas.orgId), eq(users.id, quotas.userId)))
      .leftJoin(teams, and(eq(teams.orgId, quotas.orgId), eq(teams.id, quotas.teamId)));

  return {
    /** Quotas whose period starts in [from, to), optionally of one subject. */
    list(orgId: string, range: { from: string; to: string }, subject: { userId?: string; teamId?: string } = {}) {
      const where: SQL[] = [
        eq(quotas.orgId, orgId),
        gte(quotas.periodStart, range.from),
        lt(quotas.periodStart, range.to),
      ];
      if (subject.userId) where.push(eq(quotas.userId, subject.userId));
      if (subject.teamId) where.push(eq(quotas.teamId, subject.teamId));
      return select()
        .where(and(...where))
        .orderBy(asc(quotas.periodStart), asc(quotas.periodKind), asc(quotas.id));
    },

    async get(orgId: string, id: string) {
      const [row] = await select().where(and(eq(quotas.orgId, orgId), eq(quotas.id, id)));
      return row;
    },

    async lockForWrite(orgId: string, id: string) {
      const [row] = await db
        .select()
        .from(quotas)
        .where(and(eq(quotas.orgId, orgId), eq(quotas.id, id)))
        .for('update');
      return row;
    },

    /** False when the subject already has a quota for the period (the unique index). */
    async insert(row: NewQuota): Promise<boolean> {
      const res = await db.insert(quotas).values(row).onConflictDoNothing().returning({ id: quotas.id });
      return res.length > 0;
    },

    update: (orgId: string, id: string, version: number, patch: Partial<NewQuota>) =>
      updateVersioned(db, quotas, orgId, id, version, patch),

    remove: (orgId: string, id: string) => db.delete(quotas).where(and(eq(quotas.orgId, orgId), eq(quotas.id, id))),

    /** The team tree and who sits where: small (people, not records), read whole. */
    async structure(orgId: string) {
      const [teamRows, userRows] = await bothReads(
        db,
        () =>
          db
            .select({ id: teams.id, name: teams.name, parentId: teams.parentId })
            .from(teams)
            .where(eq(teams.orgId, orgId)),
        () =>
          db
            .select({ id: users.id, name: users.name, teamId: users.teamId, role: users.role, active: users.active })
            .from(users)
            .where(eq(users.orgId, orgId)),
      );
      return { teams: teamRows, users: userRows };
    },
  };
}
