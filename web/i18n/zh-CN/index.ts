// Chinese is the primary language. Each feature's strings live in their own file (a namespace named
// like the feature); en/ has the same files, typed from these, and i18n.test.ts checks both have the
// same keys per namespace. The namespaces merge into one tree, so a key reads t('deals.new') whichever
// file holds it; a top-level key belongs to exactly one namespace.
import type { Widen } from '../types.ts';
import { common } from './common.ts';
import { fields } from './fields.ts';
import { enums } from './enums.ts';
import { auth } from './auth.ts';
import { setup } from './setup.ts';
import { search } from './search.ts';
import { accounts } from './accounts.ts';
import { contacts } from './contacts.ts';
import { opportunities } from './opportunities.ts';
import { activities } from './activities.ts';
import { activityTypes } from './activity-types.ts';
import { tasks } from './tasks.ts';
import { calendar } from './calendar.ts';
import { reminders } from './reminders.ts';
import { timeline } from './timeline.ts';
import { analysis } from './analysis.ts';
import { keyAccounts } from './key-accounts.ts';
import { accountHealth } from './account-health.ts';
import { catalog } from './catalog.ts';
import { forecast } from './forecast.ts';
import { quotas } from './quotas.ts';
import { planner } from './planner.ts';
import { dashboard } from './dashboard.ts';
import { pool } from './pool.ts';
import { scoring } from './scoring.ts';
import { relationshipMap } from './relationship-map.ts';
import { recycleBin } from './recycle-bin.ts';
import { admin } from './admin.ts';
import { handover } from './handover.ts';
import { merges } from './merges.ts';
import { navigation } from './navigation.ts';
import { pickers } from './pickers.ts';
import { preferences } from './preferences.ts';
import { a11y } from './a11y.ts';
import { feedback } from './feedback.ts';
import { lists } from './lists.ts';
import { duplicates } from './duplicates.ts';
import { imports } from './imports.ts';
import { audit } from './audit.ts';
import { webhooks } from './webhooks.ts';
import { sso } from './sso.ts';
import { robots } from './robots.ts';

export const zhCN = {
  ...common,
  ...fields,
  ...enums,
  ...auth,
  ...setup,
  ...search,
  ...accounts,
  ...contacts,
  ...opportunities,
  ...activities,
  ...activityTypes,
  ...tasks,
  ...calendar,
  ...reminders,
  ...timeline,
  ...analysis,
  ...keyAccounts,
  ...accountHealth,
  ...catalog,
  ...forecast,
  ...quotas,
  ...planner,
  ...dashboard,
  ...pool,
  ...scoring,
  ...relationshipMap,
  ...recycleBin,
  ...admin,
  ...handover,
  ...merges,
  ...navigation,
  ...pickers,
  ...preferences,
  ...a11y,
  ...feedback,
  ...lists,
  ...duplicates,
  ...imports,
  ...audit,
  ...webhooks,
  ...sso,
  ...robots,
};

export type Resources = Widen<typeof zhCN>;
