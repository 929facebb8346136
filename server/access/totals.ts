// The data scope over kept totals. pipeline_totals, forecast_totals and pipeline_snapshot_totals are
// summed by triggers per account owner, so a scope reads them in two disjoint parts: the rows of the
// account owners in the scope, and the few records of accounts the caller is only on the team of
// (owned outside the scope, or by nobody), summed from the records themselves. Together they are
// exactly what the record rule (visibility.ts) shows. SQL fragments, here for the same reason.
import { and, eq, inArray, isNull, not, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { opportunities, pipelineSnapshots } from '../db/schema.ts';
import type { Actor } from './actor.ts';

/**
 * The kept rows of the account owners in the caller's scope (all of the organisation's for `all`).
 * The nil uuid (no account owner) is nobody's: such rows count only through the account team.
 */
export function totalsVisible(actor: Actor, table: { orgId: PgColumn; accountOwnerId: PgColumn }): SQL {
  const org = eq(table.orgId, actor.orgId);
  return actor.scopeUserIds === null ? org : and(org, inArray(table.accountOwnerId, actor.scopeUserIds))!;
}

/**
 * The records the kept totals leave out of a scope: those of accounts the caller is on the team of
 * but that are owned outside the scope, or by nobody. Null when there are none: the whole
 * organisation, or a caller on no account team.
 */
function teamOnly(actor: Actor, ownerColumn: PgColumn, accountIdColumn: PgColumn): SQL | null {
  if (actor.scopeUserIds === null || !actor.teamAccountIds.length) return null;
  return and(
    inArray(accountIdColumn, actor.teamAccountIds),
    or(isNull(ownerColumn), not(inArray(ownerColumn, actor.scopeUserIds))),
  )!;
}

/** Deals the board's and the forecast's kept totals leave out of the caller's scope (see `teamOnly`). */
export function teamOnlyDeals(actor: Actor): SQL | null {
  return teamOnly(actor, opportunities.accountOwnerId, opportunities.accountId);
}

/**
 * Snapshot rows the snapshot totals leave out of the caller's scope, with the organisation: a
 * snapshot keeps its own copy of the account owner (so it counts a deal for whoever owned its
 * account on that date), while account-team membership is current.
 */
export function teamOnlySnapshotRows(actor: Actor): SQL | null {
  const onTeamOnly = teamOnly(actor, pipelineSnapshots.accountOwnerId, pipelineSnapshots.accountId);
  return onTeamOnly && and(eq(pipelineSnapshots.orgId, actor.orgId), onTeamOnly)!;
}
