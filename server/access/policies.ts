// Who may do what to which entity: every entity the API serves, how far its records are seen, and
// the rule for each action. Services open a write with `assertCan`, which answers as the API always
// has: a record out of the caller's sight is 404 (nothing leaked), a forbidden action 403 with its
// code. Reads of records are filtered by the SQL predicates (visibility.ts); the rules here decide
// what needs more than the caller's role (a quota's subject, a closed deal, a prospect's owner).
import { AppError, forbidden, notFound } from '../lib/errors.ts';
import { canWrite, isAdmin, isManagerOrAdmin, seesWholeOrganisation, userInScope, type Actor } from './actor.ts';
import { planKeepable, quotaReadable, quotaWritable, type QuotaSubject, type TeamStructure } from './people.ts';

/**
 * How far an entity's records are seen: `scope` by the caller's data scope (visibility.ts; quotas and
 * plans by people.ts), `organisation` by everyone in the organisation, `own` by the user they belong to.
 */
export type Visibility = 'scope' | 'organisation' | 'own';

export type Action =
  | 'read'
  | 'create'
  | 'update'
  | 'delete'
  | 'restore'
  | 'purge'
  | 'claim'
  | 'review'
  | 'handover'
  | 'merge';

export type AccessEntity =
  | 'account'
  | 'contact'
  | 'contactLink'
  | 'deal'
  | 'activity'
  | 'task'
  | 'swotItem'
  | 'binEntry'
  | 'quota'
  | 'plan'
  | 'snapshot'
  | 'pool'
  | 'user'
  | 'team'
  | 'competitor'
  | 'product'
  | 'stage'
  | 'activityType'
  | 'settings'
  | 'savedView'
  | 'token'
  | 'auditLog'
  | 'webhook'
  | 'sso';

/** A record an action needs to know about (most rules need only the caller). */
export type Subject =
  | { entity: 'account'; ownerId: string | null }
  | { entity: 'deal'; status: string }
  | ({ entity: 'quota'; teams: TeamStructure } & QuotaSubject)
  | { entity: 'plan'; userId: string }
  | { entity: 'user'; userId: string }
  | { entity: 'token'; userId: string };

type Verdict = 'allowed' | 'hidden' | 'forbidden' | 'closed_deal_delete';
type Rule = (actor: Actor, subject: Subject | undefined) => Verdict;

const allowIf = (ok: boolean): Verdict => (ok ? 'allowed' : 'forbidden');
const everyone: Rule = () => 'allowed';
const writers: Rule = (actor) => allowIf(canWrite(actor));
const managers: Rule = (actor) => allowIf(isManagerOrAdmin(actor));
const admins: Rule = (actor) => allowIf(isAdmin(actor));

/**
 * A prospect decision (keep, drop to the pool, archive) gives the account away: only its owner or
 * someone whose scope holds the owner decides; being on the account team lets you work an account,
 * not give it away.
 */
const review: Rule = (actor, s) => {
  if (!canWrite(actor)) return 'forbidden';
  if (s?.entity !== 'account' || seesWholeOrganisation(actor)) return 'allowed';
  return allowIf(s.ownerId !== null && userInScope(actor, s.ownerId));
};

/** Won and lost deals are the win/loss history: a rep's mistake there is a manager's to undo. */
const dealDelete: Rule = (actor, s) => {
  if (!canWrite(actor)) return 'forbidden';
  return s?.entity === 'deal' && actor.role === 'rep' && s.status !== 'open' ? 'closed_deal_delete' : 'allowed';
};

const quotaRead: Rule = (actor, s) =>
  s?.entity === 'quota' && quotaReadable(actor, s.teams, s) ? 'allowed' : 'hidden';
const quotaWrite: Rule = (actor, s) => {
  if (s?.entity !== 'quota' || !quotaReadable(actor, s.teams, s)) return 'hidden';
  return allowIf(quotaWritable(actor, s.teams, s));
};

/**
 * An API token acts as its user, so it is its user's: they alone see it; an admin may revoke anyone's
 * (a leaked secret, a leaver) and list them all (`read`), but never sees a secret.
 */
const tokenRevoke: Rule = (actor, s) =>
  s?.entity === 'token' && (s.userId === actor.userId || isAdmin(actor)) ? 'allowed' : 'hidden';

/** A plan is read by whoever has its person in scope, and kept by the person or their manager. */
const planRead: Rule = (actor, s) => (s?.entity === 'plan' && userInScope(actor, s.userId) ? 'allowed' : 'hidden');
const planKeep: Rule = (actor, s) => {
  if (s?.entity !== 'plan' || !userInScope(actor, s.userId)) return 'hidden';
  return allowIf(planKeepable(actor, s.userId));
};

/**
 * A handover (交接) moves one person's accounts and open work to another: an admin's for anyone, a
 * manager's for the people in their scope. Someone outside it is not there to hand over (404).
 */
const handover: Rule = (actor, s) => {
  if (!isManagerOrAdmin(actor)) return 'forbidden';
  if (s?.entity !== 'user') return 'allowed';
  return userInScope(actor, s.userId) ? 'allowed' : 'hidden';
};

/**
 * A merge (合并) makes two accounts or contacts one and moves the source's work: an admin's, or a
 * manager's when both records are in their scope (the repositories' predicates answer 404 otherwise).
 */
const merge: Rule = managers;

/** Records (in the caller's scope, which the repositories' predicates check) are written by everyone but viewers. */
const writes = { create: writers, update: writers, delete: writers };
/** What the whole organisation shares (its teams, funnel, call types and products) only admins curate. */
const catalogue = { create: admins, update: admins, delete: admins };

/**
 * Every entity and its rules; an action without a rule is refused. The scope matrix test
 * (access/scope-matrix.test.ts) walks this list, so an entity added here needs its scope case there.
 */
export const accessEntities: Record<AccessEntity, { visibility: Visibility; rules: Partial<Record<Action, Rule>> }> = {
  account: { visibility: 'scope', rules: { ...writes, review, merge } },
  contact: { visibility: 'scope', rules: { ...writes, merge } },
  // A link is the first contact's: whoever sees that contact sees and removes it.
  contactLink: { visibility: 'scope', rules: writes },
  // The Blue Sheet (influences, notes, competition) and the exit criteria are updates of the deal.
  deal: { visibility: 'scope', rules: { ...writes, delete: dealDelete } },
  activity: { visibility: 'scope', rules: writes },
  task: { visibility: 'scope', rules: writes },
  // A SWOT board is its account's or deal's.
  swotItem: { visibility: 'scope', rules: writes },
  binEntry: { visibility: 'scope', rules: { restore: writers, purge: admins } },
  quota: {
    visibility: 'scope',
    rules: { read: quotaRead, create: quotaWrite, update: quotaWrite, delete: quotaWrite },
  },
  plan: { visibility: 'scope', rules: { read: planRead, update: planKeep } },
  // Snapshots are read as sums over the caller's deals (totals.ts); taking one copies every open deal.
  snapshot: { visibility: 'scope', rules: { create: admins } },
  // The shared pool is org-wide by definition: everyone who can write sees and claims all of it.
  pool: { visibility: 'organisation', rules: { read: writers, claim: writers } },
  user: { visibility: 'organisation', rules: { create: admins, update: admins, handover } },
  team: { visibility: 'organisation', rules: catalogue },
  // The competitor catalogue is kept by managers and admins; removing one is an admin's.
  competitor: { visibility: 'organisation', rules: { create: managers, update: managers, delete: admins } },
  product: { visibility: 'organisation', rules: catalogue },
  stage: { visibility: 'organisation', rules: catalogue },
  activityType: { visibility: 'organisation', rules: catalogue },
  settings: { visibility: 'organisation', rules: { update: admins } },
  // A saved view holds only list filters, which read through each list's scope: every role keeps its own.
  savedView: { visibility: 'own', rules: { create: everyone, delete: everyone } },
  // Anyone may give an integration their own access; a viewer's token reads, as the viewer does.
  token: { visibility: 'own', rules: { create: everyone, delete: tokenRevoke, read: admins } },
  // Every change, sign-in and download in the organisation, whoever's scope it is in: an admin's to read.
  auditLog: { visibility: 'organisation', rules: { read: admins } },
  // Webhooks and group robots send the organisation's records out of it, signed with its secrets: an admin's.
  webhook: { visibility: 'organisation', rules: { read: admins, create: admins, update: admins, delete: admins } },
  // The organisation's identity provider decides who signs in: an admin's to read (no secret ever) and set.
  sso: { visibility: 'organisation', rules: { read: admins, update: admins } },
};

function verdict(actor: Actor, action: Action, target: AccessEntity | Subject): Verdict {
  const [entity, subject] = typeof target === 'string' ? [target, undefined] : [target.entity, target];
  const rule = accessEntities[entity].rules[action];
  return rule ? rule(actor, subject) : 'forbidden';
}

/** May the caller do this (for flags such as a quota's `editable`)? */
export const can = (actor: Actor, action: Action, target: AccessEntity | Subject): boolean =>
  verdict(actor, action, target) === 'allowed';

/** Throws unless the caller may do this: 404 for a record out of their sight, else 403 with the rule's code. */
export function assertCan(actor: Actor, action: Action, target: AccessEntity | Subject): void {
  const v = verdict(actor, action, target);
  if (v === 'allowed') return;
  if (v === 'hidden') throw notFound();
  throw v === 'forbidden' ? forbidden() : new AppError(403, v);
}
