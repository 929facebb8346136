// The import jobs' SQL: the job row, its stored file, its rejected rows, the users' saved mappings, and
// the claim that lets exactly one instance run a job (a lapsed claim is taken over: resumable).
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { importFiles, importMappings, importRejects, imports, users } from '../../db/schema.ts';

export type ImportRowRecord = typeof imports.$inferSelect;
export type NewImport = typeof imports.$inferInsert;
export type ImportReject = typeof importRejects.$inferInsert;

const withUser = {
  job: imports,
  userName: users.name,
};

export function importsRepository(db: Db) {
  return {
    async create(job: NewImport, content: Buffer) {
      await db.transaction(async (tx) => {
        await tx.insert(imports).values(job);
        await tx.insert(importFiles).values({ orgId: job.orgId, importId: job.id, content });
      });
    },

    get: async (orgId: string, id: string) =>
      (
        await db
          .select(withUser)
          .from(imports)
          .leftJoin(users, and(eq(users.orgId, imports.orgId), eq(users.id, imports.userId)))
          .where(and(eq(imports.orgId, orgId), eq(imports.id, id)))
      )[0],

    /** The newest imports, of one user or (null) of the whole organisation. */
    list: (orgId: string, userId: string | null, limit: number) =>
      db
        .select(withUser)
        .from(imports)
        .leftJoin(users, and(eq(users.orgId, imports.orgId), eq(users.id, imports.userId)))
        .where(and(eq(imports.orgId, orgId), userId ? eq(imports.userId, userId) : undefined))
        .orderBy(desc(imports.createdAt))
        .limit(limit),

    file: async (orgId: string, id: string) =>
      (
        await db
          .select({ content: importFiles.content })
          .from(importFiles)
          .where(and(eq(importFiles.orgId, orgId), eq(importFiles.importId, id)))
      )[0]?.content,

    /** Takes the job if it is queued or its runner's claim has lapsed; exactly one caller gets it. */
    async claim(orgId: string, id: string, owner: string, until: Date, now: Date) {
      const rows = await db
        .update(imports)
        .set({ status: 'running', leaseOwner: owner, leaseUntil: until })
        .where(
          and(
            eq(imports.orgId, orgId),
            eq(imports.id, id),
            or(eq(imports.status, 'queued'), and(eq(imports.status, 'running'), lt(imports.leaseUntil, now))),
          ),
        )
        .returning();
      return rows[0];
    },

    /** Jobs no instance is running: queued, or running under a lapsed claim (its instance stopped). */
    orphans: (now: Date) =>
      db
        .select({ orgId: imports.orgId, id: imports.id })
        .from(imports)
        .where(
          or(
            and(eq(imports.status, 'queued'), or(isNull(imports.leaseUntil), lt(imports.leaseUntil, now))),
            and(eq(imports.status, 'running'), lt(imports.leaseUntil, now)),
          ),
        )
        .orderBy(asc(imports.createdAt))
        .limit(20),

    /** Progress and the claim's renewal, only while this runner still holds it. */
    progress: (orgId: string, id: string, owner: string, set: Partial<NewImport>) =>
      db
        .update(imports)
        .set(set)
        .where(and(eq(imports.orgId, orgId), eq(imports.id, id), eq(imports.leaseOwner, owner)))
        .returning({ id: imports.id }),

    addRejects: (rows: ImportReject[]) => (rows.length ? db.insert(importRejects).values(rows) : Promise.resolve()),

    /** A restarted all-or-nothing run begins again from its first row: the earlier attempt wrote nothing. */
    clearRejects: (orgId: string, id: string) =>
      db.delete(importRejects).where(and(eq(importRejects.orgId, orgId), eq(importRejects.importId, id))),

    rejects: (orgId: string, id: string) =>
      db
        .select()
        .from(importRejects)
        .where(and(eq(importRejects.orgId, orgId), eq(importRejects.importId, id)))
        .orderBy(asc(importRejects.row)),

    dropFile: (orgId: string, id: string) =>
      db.delete(importFiles).where(and(eq(importFiles.orgId, orgId), eq(importFiles.importId, id))),

    mapping: async (orgId: string, userId: string, entity: string) =>
      (
        await db
          .select({ mapping: importMappings.mapping })
          .from(importMappings)
          .where(
            and(eq(importMappings.orgId, orgId), eq(importMappings.userId, userId), eq(importMappings.entity, entity)),
          )
      )[0]?.mapping as Record<string, string | null> | undefined,

    saveMapping: (orgId: string, userId: string, entity: string, mapping: Record<string, string | null>) =>
      db
        .insert(importMappings)
        .values({ orgId, userId, entity, mapping })
        .onConflictDoUpdate({
          target: [importMappings.orgId, importMappings.userId, importMappings.entity],
          set: { mapping, updatedAt: sql`now()` },
        }),

    /**
     * Fresh statistics for the tables an import is filling. A table created empty keeps the plans made
     * for it empty — above all the foreign-key checks' cached seq scans — until it is analysed, and a
     * first import in one transaction gives autovacuum nothing to see: 30k rows into a new database took
     * a batch from 0.15 s to 3 s. ANALYZE counts the transaction's own rows.
     */
    analyze: (tables: readonly string[]) =>
      db.execute(sql.raw(`analyze ${tables.map((t) => `"${t.replaceAll('"', '')}"`).join(', ')}`)),

    /** Active users of the organisation named (by name or e-mail, compared lower case) in a batch's owner column. */
    usersNamed: (orgId: string, words: string[]) =>
      words.length
        ? db
            .select({ id: users.id, name: users.name, email: users.email })
            .from(users)
            .where(
              and(
                eq(users.orgId, orgId),
                eq(users.active, true),
                or(inArray(sql`lower(${users.name})`, words), inArray(sql`lower(${users.email})`, words)),
              ),
            )
        : Promise.resolve([]),
  };
}
