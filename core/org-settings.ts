// The organisation's settings (orgs.settings, one jsonb): one schema for every key, the defaults of
// an organisation that never saved one, and the one rule that reads what is stored. Each key is read
// on its own: a missing or unreadable key falls back to its default and leaves the others alone, so a
// key added later needs no migration of the stored settings.
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { DEFAULT_RED_FLAG_OPTIONS } from './blue-sheet.ts';
import { cleanList, DEFAULT_DEAL_LISTS, DealLists } from './deal-lists.ts';
import { DEFAULT_THRESHOLDS } from './pareto.ts';
import { DEFAULT_PROSPECT_SETTINGS } from './prospects.ts';
import { DEFAULT_SCORING_MODEL } from './scoring.ts';
import { ActivitySettings } from './schemas/activities.ts';
import { ParetoSettings, ScoringModel } from './schemas/key-accounts.ts';
import { ProspectSettings } from './schemas/pool.ts';
import { SSO_JIT_ROLES, SsoConfig } from './schemas/sso.ts';
import { DEFAULT_RETENTION_DAYS, RecycleBinSettings } from './schemas/recycle-bin.ts';
import { OutboundSettings } from './schemas/webhooks.ts';
import { DEFAULT_TIME_ZONE, isTimeZone } from './time.ts';

export const ORG_LANGUAGES = ['zh', 'en'] as const;

export const OrgSettings = Type.Object({
  /** IANA zone the organisation names its days, weeks, months and quarters in. */
  timeZone: Type.String(),
  /** The language of texts the server writes for the organisation (after-sales call subjects). */
  language: Type.Enum([...ORG_LANGUAGES]),
  /** Days without activity after which an open deal is flagged stale. */
  staleDays: Type.Number(),
  /** Points a deal's probability may differ from its stage's before it is flagged. */
  probabilityTolerance: Type.Number(),
  afterSalesCadenceDays: ActivitySettings.properties.afterSalesCadenceDays,
  pareto: ParetoSettings,
  prospects: ProspectSettings,
  scoring: ScoringModel,
  recycleBin: RecycleBinSettings,
  /** Lost reasons and deal sources reps pick from (core/deal-lists.ts); "其他" is always offered too. */
  dealLists: DealLists,
  /** Where webhooks and group robots may send (issue 23): private networks refused unless allowed. */
  outbound: OutboundSettings,
  /** Single sign-on with the organisation's OpenID Connect provider (server/modules/sso). */
  sso: SsoConfig,
});
export type OrgSettings = Static<typeof OrgSettings>;

const DEFAULT_CADENCE_DAYS = [7, 30, 90];

export const DEFAULT_ORG_SETTINGS: Readonly<OrgSettings> = Object.freeze<OrgSettings>({
  timeZone: DEFAULT_TIME_ZONE,
  language: 'zh',
  staleDays: DEFAULT_RED_FLAG_OPTIONS.staleDays,
  probabilityTolerance: DEFAULT_RED_FLAG_OPTIONS.probabilityTolerance,
  afterSalesCadenceDays: DEFAULT_CADENCE_DAYS,
  pareto: { thresholds: DEFAULT_THRESHOLDS, effort: { mode: 'revenue' } },
  prospects: DEFAULT_PROSPECT_SETTINGS,
  scoring: DEFAULT_SCORING_MODEL,
  recycleBin: { retentionDays: DEFAULT_RETENTION_DAYS },
  dealLists: DEFAULT_DEAL_LISTS,
  outbound: { allowPrivateNetworks: false },
  sso: {
    enabled: false,
    issuer: '',
    clientId: '',
    clientSecret: '',
    passwordLoginDisabled: false,
    jitEnabled: false,
    jitTeamId: null,
    jitRole: 'rep',
    domains: [],
  },
});

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isIntegers = (x: unknown): x is number[] => Array.isArray(x) && x.every((n) => Number.isInteger(n));

function paretoOf(p: unknown): ParetoSettings {
  const t = isObject(p) ? p.thresholds : undefined;
  const e = isObject(p) ? p.effort : undefined;
  if (!isObject(t) || !isNumber(t.a) || !isNumber(t.b) || !(t.a < t.b) || !isObject(e))
    return DEFAULT_ORG_SETTINGS.pareto;
  const thresholds = { a: t.a, b: t.b };
  const shares = e.shares;
  if (e.mode === 'fixed' && isObject(shares) && isNumber(shares.A) && isNumber(shares.B) && isNumber(shares.C)) {
    return { thresholds, effort: { mode: 'fixed', shares: { A: shares.A, B: shares.B, C: shares.C } } };
  }
  return { thresholds, effort: { mode: 'revenue' } };
}

function prospectsOf(p: unknown): ProspectSettings {
  const s = isObject(p) ? p : {};
  const { dropShare, claimLimit } = s;
  return {
    dropShare: isNumber(dropShare) && dropShare > 0 && dropShare < 1 ? dropShare : DEFAULT_PROSPECT_SETTINGS.dropShare,
    claimLimit:
      isNumber(claimLimit) && Number.isInteger(claimLimit) && claimLimit >= 1
        ? claimLimit
        : DEFAULT_PROSPECT_SETTINGS.claimLimit,
  };
}

const text = (x: unknown): string => (typeof x === 'string' ? x : '');
const isRole = (x: unknown): x is SsoConfig['jitRole'] => (SSO_JIT_ROLES as readonly unknown[]).includes(x);

/** Field by field, so a setting saved before a field existed keeps the rest (and never turns SSO on by itself). */
function ssoOf(x: unknown): SsoConfig {
  if (!isObject(x)) return DEFAULT_ORG_SETTINGS.sso;
  return {
    enabled: x.enabled === true,
    issuer: text(x.issuer),
    clientId: text(x.clientId),
    clientSecret: text(x.clientSecret),
    passwordLoginDisabled: x.enabled === true && x.passwordLoginDisabled === true,
    jitEnabled: x.jitEnabled === true,
    jitTeamId: typeof x.jitTeamId === 'string' ? x.jitTeamId : null,
    jitRole: isRole(x.jitRole) ? x.jitRole : 'rep',
    domains: Array.isArray(x.domains) ? x.domains.filter((d): d is string => typeof d === 'string') : [],
  };
}

/** The settings an organisation works with: each stored key when readable, its default otherwise. */
export function readOrgSettings(stored: unknown): OrgSettings {
  const s = isObject(stored) ? stored : {};
  const d = DEFAULT_ORG_SETTINGS;
  const retention = isObject(s.recycleBin) ? s.recycleBin.retentionDays : undefined;
  return {
    timeZone: isTimeZone(s.timeZone) ? s.timeZone : d.timeZone,
    language: s.language === 'en' ? 'en' : 'zh',
    staleDays: isNumber(s.staleDays) ? s.staleDays : d.staleDays,
    probabilityTolerance: isNumber(s.probabilityTolerance) ? s.probabilityTolerance : d.probabilityTolerance,
    afterSalesCadenceDays: isIntegers(s.afterSalesCadenceDays) ? s.afterSalesCadenceDays : d.afterSalesCadenceDays,
    pareto: paretoOf(s.pareto),
    prospects: prospectsOf(s.prospects),
    scoring: Value.Check(ScoringModel, s.scoring) ? s.scoring : d.scoring,
    recycleBin: {
      retentionDays: isNumber(retention) && Number.isInteger(retention) ? retention : d.recycleBin.retentionDays,
    },
    dealLists: Value.Check(DealLists, s.dealLists)
      ? { lostReasons: cleanList(s.dealLists.lostReasons), dealSources: cleanList(s.dealLists.dealSources) }
      : d.dealLists,
    outbound: { allowPrivateNetworks: isObject(s.outbound) && s.outbound.allowPrivateNetworks === true },
    sso: ssoOf(s.sso),
  };
}
