// The lists' team filter (`?teamId=`), shared by accounts, contacts, deals and calls: a filter the
// caller chose, not a scope (server/access decides what they may see at all).
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { users } from './schema.ts';

/** Records owned by members of a team; the members as an id array so the owner index is used. */
export function ownedByTeam(ownerColumn: PgColumn, orgId: string, teamId: string): SQL {
  return sql`${ownerColumn} = any(array(select u.id from ${users} u where u.org_id = ${orgId} and u.team_id = ${teamId}))`;
}
