// The SQL of webhooks and robots (one table, by kind), the event outbox and the deliveries: the queue's
// claims are row locks skipped by other instances (`for update skip locked`) and leases on the row, so
// each outbox row is expanded once and each delivery has one sender at a time across instances.
import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { eventOutbox, orgs, webhookAttempts, webhookDeliveries, webhooks } from '../../db/schema.ts';

export type WebhookRow = typeof webhooks.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
/** An outbox row as the dispatcher reads it. */
export interface OutboxClaim {
  seq: number | string;
  org_id: string;
  entity_type: string;
  entity_id: string;
  action: string;
  actor_id: string | null;
  changes: { field: string; old: unknown; new: unknown }[] | null;
  at: Date | string;
}
export type NewDelivery = typeof webhookDeliveries.$inferInsert;

/** A due delivery claimed by this sender, with what sending it needs. */
export interface ClaimedDelivery {
  orgId: string;
  id: string;
  webhookId: string;
  event: string;
  body: string | null;
  attempts: number;
}

const DAY_MS = 86_400_000;

export function webhooksRepository(db: Db) {
  return {
    list: (orgId: string, kinds: string[]) =>
      db
        .select()
        .from(webhooks)
        .where(and(eq(webhooks.orgId, orgId), inArray(webhooks.kind, kinds)))
        .orderBy(webhooks.createdAt, webhooks.id),

    get: async (orgId: string, id: string): Promise<WebhookRow | undefined> =>
      (
        await db
          .select()
          .from(webhooks)
          .where(and(eq(webhooks.orgId, orgId), eq(webhooks.id, id)))
      )[0],

    insert: (row: typeof webhooks.$inferInsert) => db.insert(webhooks).values(row),

    update: (orgId: string, id: string, version: number, patch: Partial<typeof webhooks.$inferInsert>) =>
      updateVersioned(db, webhooks, orgId, id, version, patch),

    remove: (orgId: string, id: string) =>
      db.delete(webhooks).where(and(eq(webhooks.orgId, orgId), eq(webhooks.id, id))),

    /** Deliveries of the last day per subscription and status, for the list's figures. */
    recentCounts: (orgId: string, now: Date) =>
      rowsOf<{ webhook_id: string; status: string; n: number }>(
        db,
        sql`select webhook_id, status, count(*)::int as n from ${webhookDeliveries}
            where org_id = ${orgId} and created_at >= ${new Date(now.getTime() - DAY_MS)}
            group by webhook_id, status`,
      ),

    /** One subscription's deliveries, newest first, a keyset page at a time. */
    deliveries: (
      orgId: string,
      webhookId: string,
      f: { status?: string; after: [string, string] | null; limit: number },
    ) =>
      db
        .select()
        .from(webhookDeliveries)
        .where(
          and(
            eq(webhookDeliveries.orgId, orgId),
            eq(webhookDeliveries.webhookId, webhookId),
            f.status ? eq(webhookDeliveries.status, f.status) : undefined,
            f.after
              ? or(
                  lt(webhookDeliveries.createdAt, new Date(f.after[0])),
                  and(eq(webhookDeliveries.createdAt, new Date(f.after[0])), lt(webhookDeliveries.id, f.after[1])),
                )
              : undefined,
          ),
        )
        .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
        .limit(f.limit),

    delivery: async (orgId: string, id: string): Promise<DeliveryRow | undefined> =>
      (
        await db
          .select()
          .from(webhookDeliveries)
          .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, id)))
      )[0],

    attempts: (orgId: string, deliveryId: string) =>
      db
        .select()
        .from(webhookAttempts)
        .where(and(eq(webhookAttempts.orgId, orgId), eq(webhookAttempts.deliveryId, deliveryId)))
        .orderBy(webhookAttempts.n),

    /** Sends a delivery again: due now, its attempts starting over, its id and body kept. */
    requeue: async (orgId: string, id: string, now: Date) =>
      (
        await db
          .update(webhookDeliveries)
          .set({
            status: 'pending',
            nextAttemptAt: now,
            attempts: 0,
            deliveredAt: null,
            lockedUntil: null,
            lockedBy: null,
          })
          .where(
            and(
              eq(webhookDeliveries.orgId, orgId),
              eq(webhookDeliveries.id, id),
              // Not while a sender holds it: its result would overwrite the resend.
              or(sql`${webhookDeliveries.lockedUntil} is null`, lt(webhookDeliveries.lockedUntil, now)),
            ),
          )
          .returning({ id: webhookDeliveries.id })
      ).length > 0,

    // --- The dispatcher's queue ---

    /**
     * Outbox rows no other dispatcher holds (or whose holder's claim lapsed), oldest first, claimed for
     * `owner` until `until`: the inner select's row locks make concurrent claims skip each other's rows.
     */
    claimOutbox: (owner: string, now: Date, until: Date, limit: number) =>
      rowsOf<OutboxClaim>(
        db,
        sql`update ${eventOutbox} o set claimed_by = ${owner}, claimed_until = ${until}
            from (select seq from ${eventOutbox}
                  where claimed_until is null or claimed_until < ${now}
                  order by seq limit ${limit} for update skip locked) c
            where o.seq = c.seq
            returning o.seq, o.org_id, o.entity_type, o.entity_id, o.action, o.actor_id, o.changes, o.at`,
      ),

    /** Removes the claimed rows `owner` still holds; returns their seqs (a lapsed claim's rows went to another). */
    async releaseClaimed(owner: string, seqs: number[]): Promise<Set<number>> {
      if (!seqs.length) return new Set();
      const gone = await db
        .delete(eventOutbox)
        .where(and(inArray(eventOutbox.seq, seqs), eq(eventOutbox.claimedBy, owner)))
        .returning({ seq: eventOutbox.seq });
      return new Set(gone.map((g) => Number(g.seq)));
    },

    /** The organisations' active targets (webhooks and robots). */
    activeTargets: (orgIds: string[]) =>
      db
        .select()
        .from(webhooks)
        .where(and(inArray(webhooks.orgId, orgIds), eq(webhooks.active, true))),

    orgNames: (orgIds: string[]) =>
      db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, orgIds)),

    insertDeliveries: (rows: NewDelivery[]) => (rows.length ? db.insert(webhookDeliveries).values(rows) : undefined),

    /** Deliveries whose id may already be queued (a digest's id is its day's): those are left as they are. */
    enqueue: async (rows: NewDelivery[]): Promise<string[]> =>
      rows.length
        ? (
            await db
              .insert(webhookDeliveries)
              .values(rows)
              .onConflictDoNothing()
              .returning({ id: webhookDeliveries.id })
          ).map((r) => r.id)
        : [],

    /** Every organisation's active targets of these kinds that take this event (the morning digest's). */
    subscribed: (kinds: string[], event: string) =>
      db
        .select()
        .from(webhooks)
        .where(
          and(
            eq(webhooks.active, true),
            inArray(webhooks.kind, kinds),
            sql`${webhooks.events} @> ${JSON.stringify([event])}::jsonb`,
          ),
        )
        .orderBy(webhooks.orgId, webhooks.createdAt, webhooks.id),

    /**
     * Due deliveries no sender holds, leased to `owner` until `until`: the inner select's row locks are
     * skipped by other instances, and a lapsed lease (its sender stopped) is taken over.
     */
    claimDue: (owner: string, now: Date, until: Date, limit: number) =>
      rowsOf<{
        org_id: string;
        id: string;
        webhook_id: string;
        event: string;
        body: string | null;
        attempts: number;
      }>(
        db,
        sql`update ${webhookDeliveries} d set locked_until = ${until}, locked_by = ${owner}
            from (select org_id, id from ${webhookDeliveries}
                  where status = 'pending' and next_attempt_at <= ${now}
                    and (locked_until is null or locked_until < ${now})
                  order by next_attempt_at limit ${limit} for update skip locked) due
            where d.org_id = due.org_id and d.id = due.id
            returning d.org_id, d.id, d.webhook_id, d.event, d.body, d.attempts`,
      ),

    /** One attempt's outcome, only while this sender still holds the delivery. */
    async finishAttempt(
      owner: string,
      d: { orgId: string; id: string },
      attempt: Omit<typeof webhookAttempts.$inferInsert, 'n'>,
      outcome: Partial<typeof webhookDeliveries.$inferInsert>,
    ): Promise<boolean> {
      const held = await db
        .update(webhookDeliveries)
        .set({ ...outcome, lockedUntil: null, lockedBy: null })
        .where(
          and(
            eq(webhookDeliveries.orgId, d.orgId),
            eq(webhookDeliveries.id, d.id),
            eq(webhookDeliveries.lockedBy, owner),
          ),
        )
        .returning({ id: webhookDeliveries.id });
      if (!held.length) return false;
      // Numbered across resends: the log keeps every attempt a delivery ever had.
      await db.insert(webhookAttempts).values({
        ...attempt,
        n: sql`(select coalesce(max(n), 0) + 1 from ${webhookAttempts} where org_id = ${d.orgId} and delivery_id = ${d.id})`,
      });
      return true;
    },
  };
}
