import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { accounts, contacts, influences, opportunities, users } from '../../db/schema.ts';
import { accountVisible, type Actor } from '../../access/index.ts';

const counterpart = alias(users, 'counterpart');

/** What every map node reads of a contact. */
const contactColumns = {
  id: contacts.id,
  name: contacts.name,
  title: contacts.title,
  department: contacts.department,
  reportsToId: contacts.reportsToId,
  influence: contacts.influence,
  attitude: contacts.attitude,
  coverage: contacts.coverage,
  power: contacts.power,
  interest: contacts.interest,
  govPosition: contacts.govPosition,
  govSupplierSelection: contacts.govSupplierSelection,
  govAchievements: contacts.govAchievements,
  govCostAwareness: contacts.govCostAwareness,
  version: contacts.version,
};

export function relationshipMapRepository(db: Db) {
  return {
    /** The account if the caller can see it. */
    async account(actor: Actor, id: string) {
      const [row] = await db
        .select({ id: accounts.id, ownershipType: accounts.ownershipType })
        .from(accounts)
        .where(and(accountVisible(actor), eq(accounts.id, id)));
      return row;
    },

    /** The deal if the caller can see its account. */
    async deal(actor: Actor, id: string) {
      const [row] = await db
        .select({
          id: opportunities.id,
          accountId: opportunities.accountId,
          status: opportunities.status,
          ownershipType: accounts.ownershipType,
        })
        .from(opportunities)
        .innerJoin(accounts, and(eq(accounts.orgId, opportunities.orgId), eq(accounts.id, opportunities.accountId)))
        .where(and(eq(opportunities.orgId, actor.orgId), eq(opportunities.id, id), accountVisible(actor)));
      return row;
    },

    /** The account's current contacts with their counterparts on our side. */
    accountContacts: (orgId: string, accountId: string) =>
      db
        .select({ ...contactColumns, counterpartId: contacts.counterpartId, counterpartName: counterpart.name })
        .from(contacts)
        .leftJoin(counterpart, and(eq(counterpart.orgId, contacts.orgId), eq(counterpart.id, contacts.counterpartId)))
        .where(and(eq(contacts.orgId, orgId), eq(contacts.accountId, accountId), isNull(contacts.archivedAt)))
        .orderBy(asc(contacts.name), asc(contacts.id))
        .limit(2000),

    /** What the account's contacts are on its open deals: buying roles, and the deal's coverage and rating of them. */
    openDealInfluences: (orgId: string, accountId: string) =>
      db
        .select({
          contactId: influences.contactId,
          contactName: contacts.name,
          roles: influences.roles,
          coverage: influences.coverage,
          rating: influences.rating,
          dealName: opportunities.name,
        })
        .from(influences)
        .innerJoin(
          opportunities,
          and(eq(opportunities.orgId, influences.orgId), eq(opportunities.id, influences.opportunityId)),
        )
        .innerJoin(contacts, and(eq(contacts.orgId, influences.orgId), eq(contacts.id, influences.contactId)))
        .where(
          and(eq(influences.orgId, orgId), eq(opportunities.accountId, accountId), eq(opportunities.status, 'open')),
        ),

    /** The deal's buying influences, each with its contact. */
    dealInfluences: (orgId: string, opportunityId: string) =>
      db
        .select({
          contact: contactColumns,
          influenceId: influences.id,
          roles: influences.roles,
          influence: influences.influence,
          mode: influences.mode,
          rating: influences.rating,
          coverage: influences.coverage,
          counterpartId: influences.counterpartId,
          counterpartName: counterpart.name,
          version: influences.version,
        })
        .from(influences)
        .innerJoin(contacts, and(eq(contacts.orgId, influences.orgId), eq(contacts.id, influences.contactId)))
        .leftJoin(
          counterpart,
          and(eq(counterpart.orgId, influences.orgId), eq(counterpart.id, influences.counterpartId)),
        )
        .where(and(eq(influences.orgId, orgId), eq(influences.opportunityId, opportunityId)))
        .orderBy(asc(influences.createdAt), asc(influences.id)),
  };
}
