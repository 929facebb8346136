// server/access: the one place that says who may see and change what. policies.ts lists every
// entity with its rules; visibility.ts and totals.ts hold the SQL each read filters by. Modules
// import from here only.
export {
  acrossOrganisation,
  organisationActor,
  systemActor,
  scopeKey,
  scopeUsers,
  scopeWalks,
  seesWholeOrganisation,
  userInScope,
  type Actor,
} from './actor.ts';
export { resolveScope, scopeUserIds } from './scope.ts';
export {
  accountVisible,
  activityVisible,
  binVisible,
  contactVisible,
  dealVisible,
  ownCalendar,
  parent,
  taskAssignable,
  taskVisible,
  viewVisible,
  visibleParent,
} from './visibility.ts';
export { teamOnlyDeals, teamOnlySnapshotRows, totalsVisible } from './totals.ts';
export { teamsInScope } from './people.ts';
export {
  accessEntities,
  assertCan,
  can,
  type AccessEntity,
  type Action,
  type Subject,
  type Visibility,
} from './policies.ts';
