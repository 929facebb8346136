// One schema for PGlite and PostgreSQL, split by domain. Every business table carries org_id and
// leads its primary key with it, and every foreign key includes org_id, so each table can later be
// distributed by org_id (Citus) with co-located joins.
export * from './schema/org.ts';
export * from './schema/archive.ts';
export * from './schema/deals.ts';
export * from './schema/blue-sheet.ts';
export * from './schema/activities.ts';
export * from './schema/forecast.ts';
export * from './schema/analysis.ts';
export * from './schema/recycle-bin.ts';
export * from './schema/imports.ts';
export * from './schema/merges.ts';
export * from './schema/integrations.ts';
