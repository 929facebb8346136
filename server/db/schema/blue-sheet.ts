// The Blue Sheet around a deal: its buying influences, the manual red flags and strengths, the competitors
// in it; the SWOT boards of accounts and deals; and a user's saved list filters.
import {
  pgTable,
  uuid,
  text,
  integer,
  smallint,
  jsonb,
  boolean,
  primaryKey,
  index,
  foreignKey,
  check,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { created, updated } from './columns.ts';
import { users } from './org.ts';
import { contacts } from './archive.ts';
import { competitors, opportunities } from './deals.ts';

export const influences = pgTable(
  'influences',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    opportunityId: uuid('opportunity_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    influence: text('influence').notNull().default('medium'),
    mode: text('mode'),
    rating: smallint('rating'),
    coverage: text('coverage').notNull().default('none'),
    counterpartId: uuid('counterpart_id'),
    result: text('result'),
    personalWin: text('personal_win'),
    evidence: text('evidence'),
    /** Whom this person favours: us (null competitor and prefersUs) or a competitor. */
    prefersUs: boolean('prefers_us'),
    preferredCompetitorId: uuid('preferred_competitor_id'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.opportunityId],
      foreignColumns: [opportunities.orgId, opportunities.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.counterpartId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({
      columns: [t.orgId, t.preferredCompetitorId],
      foreignColumns: [competitors.orgId, competitors.id],
    }).onDelete('set null'),
    index('influences_opp_idx').on(t.orgId, t.opportunityId),
    index('influences_contact_idx').on(t.orgId, t.contactId),
    check('influences_rating_ck', sql`${t.rating} between -5 and 5`),
  ],
);

/** Manual red flags and strengths (优势; the course's 小红旗) a user adds to a deal. */
export const dealNotes = pgTable(
  'deal_notes',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    opportunityId: uuid('opportunity_id').notNull(),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    createdBy: uuid('created_by'),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.opportunityId],
      foreignColumns: [opportunities.orgId, opportunities.id],
    }).onDelete('cascade'),
    index('deal_notes_opp_idx').on(t.orgId, t.opportunityId),
  ],
);

export const opportunityCompetitors = pgTable(
  'opportunity_competitors',
  {
    orgId: uuid('org_id').notNull(),
    opportunityId: uuid('opportunity_id').notNull(),
    competitorId: uuid('competitor_id').notNull(),
    /** Our relative position against this competitor on this deal: ahead / even / behind. */
    position: text('position').notNull().default('even'),
    ourAdvantages: text('our_advantages'),
    notes: text('notes'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.opportunityId, t.competitorId] }),
    foreignKey({
      columns: [t.orgId, t.opportunityId],
      foreignColumns: [opportunities.orgId, opportunities.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.competitorId], foreignColumns: [competitors.orgId, competitors.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** SWOT boards of accounts and deals: four quadrants of items. */
export const swotItems = pgTable(
  'swot_items',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    quadrant: text('quadrant').notNull(),
    text: text('text').notNull(),
    position: integer('position').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('swot_entity_idx').on(t.orgId, t.entityType, t.entityId)],
);

/** A user's saved filters for a list (the opportunities list's saved views). */
export const savedViews = pgTable(
  'saved_views',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    list: text('list').notNull(),
    name: text('name').notNull(),
    query: jsonb('query').notNull().default({}),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
    index('saved_views_user_idx').on(t.orgId, t.userId, t.list),
  ],
);
