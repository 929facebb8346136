// The scope matrix over every entity server/access knows (policies.ts's accessEntities): for each, a
// record in the caller's team ("mine", owned by a north rep), one in another team ("theirs", an east
// rep's) and one of another organisation ("foreign"), read by a rep, a manager and a viewer of the
// north team and by the admin. Each sees exactly what the entity's visibility says: lists leave the
// rest out and a detail answers 404. An entity added to the list without a case here fails the
// typecheck and this suite. The finer rules (account teams, attendees, parents, totals) have their
// own tests beside their modules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { build, login, type Client, type TestApp } from '../test/helper.ts';
import { PASSWORD, seedOrg, type Factories } from '../test/factories.ts';
import { pipelineSnapshots, stages } from '../db/schema.ts';
import { newId } from '../lib/ids.ts';
import { createOrg } from '../modules/setup/service.ts';
import { accessEntities, type AccessEntity, type Visibility } from './index.ts';

type Who = 'rep' | 'manager' | 'viewer' | 'admin';
type Where = 'mine' | 'theirs' | 'foreign';
const WHO: Who[] = ['rep', 'manager', 'viewer', 'admin'];

/** What each reader sees of the three records, by the entity's visibility (foreign: never). */
const SEES: Record<Visibility, Record<Who, Where[]>> = {
  scope: { rep: ['mine'], manager: ['mine'], viewer: ['mine'], admin: ['mine', 'theirs'] },
  organisation: {
    rep: ['mine', 'theirs'],
    manager: ['mine', 'theirs'],
    viewer: ['mine', 'theirs'],
    admin: ['mine', 'theirs'],
  },
  // Owned by the north rep: nobody else's, not even the admin's.
  own: { rep: ['mine'], manager: [], viewer: [], admin: [] },
};

interface Case {
  /** The records this entity has (default all three; an organisation's settings have no second one). */
  wheres?: Where[];
  /** Creates the record; returns its id as lists and details name it. */
  make(where: Where): Promise<string>;
  /** Ids the caller's list shows, or its status when the list itself is refused. */
  list(c: Client): Promise<string[] | number>;
  /** The status of the record's own read, for entities that have one. */
  detail?(c: Client, id: string): Promise<number>;
  /** Readers refused the list outright (403). */
  refused?: Who[];
}

let t: TestApp;
let f: Factories;
const as = {} as Record<Who | 'repB' | 'adminB', Client>;
const uid = {} as Record<Who | 'repB' | 'adminB', string>;
const teams = {} as Record<'north' | 'east' | 'foreign', string>;
const made = {} as Record<AccessEntity, Partial<Record<Where, string>>>;

/** The owner of a scoped record: the north rep, the east rep, the other organisation's admin. */
const owner = (w: Where) => as[w === 'mine' ? 'rep' : w === 'theirs' ? 'repB' : 'adminB'];
const ownerId = (w: Where) => uid[w === 'mine' ? 'rep' : w === 'theirs' ? 'repB' : 'adminB'];
/** Who keeps an organisation's shared records: its admin. */
const keeper = (w: Where) => (w === 'foreign' ? as.adminB : f.admin);

function body<T>(res: { statusCode: number; body: string; json(): unknown }): T {
  if (res.statusCode >= 300) throw new Error(`unexpected ${res.statusCode}: ${res.body}`);
  return res.json() as T;
}
const idOf = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>) =>
  body<{ id: string }>(await res).id;
/** The item ids of a list response (a 403 is returned as it is). */
async function ids(c: Client, url: string, key: 'id' | 'key' | 'entityId' = 'id'): Promise<string[] | number> {
  const res = await c.get(url);
  if (res.statusCode === 403) return 403;
  return body<{ items: Record<string, string>[] }>(res).items.map((i) => i[key]);
}
const status = async (c: Client, url: string) => (await c.get(url)).statusCode;
/** Children read through a parent the caller may not see: what the visible parents list. */
async function through(c: Client, urls: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const url of urls) {
    const res = await c.get(url);
    if (res.statusCode === 200) out.push(...res.json<{ items: { id: string }[] }>().items.map((i) => i.id));
  }
  return out;
}

/** Parents of the records made through them (a link's first contact, a SWOT item's account). */
const parents = { contactLink: [] as string[], swotItem: [] as string[] };
/** Snapshot rows are read as sums: each record's amount is one bit, so a sum names the rows in it. */
const SNAPSHOT_DATE = '2021-03-01';
const snapshotBits: Record<string, number> = {};
const BIT: Record<Where, number> = { mine: 1, theirs: 2, foreign: 4 };

const cases: Record<AccessEntity, Case> = {
  account: {
    make: async (w) => (await f.account(owner(w))).id,
    list: (c) => ids(c, '/api/accounts?limit=200'),
    detail: (c, id) => status(c, `/api/accounts/${id}`),
  },
  contact: {
    make: async (w) => (await f.contact(owner(w))).id,
    list: (c) => ids(c, '/api/contacts?limit=200'),
    detail: (c, id) => status(c, `/api/contacts/${id}`),
  },
  contactLink: {
    async make(w) {
      const from = await f.contact(owner(w));
      const to = await f.contact(owner(w), { accountId: from.accountId });
      parents.contactLink.push(`/api/contacts/${from.id}/links`);
      return idOf(owner(w).post('/api/contact-links', { fromContactId: from.id, toContactId: to.id, kind: 'peer' }));
    },
    list: (c) => through(c, parents.contactLink),
  },
  deal: {
    make: async (w) => (await f.deal(owner(w))).id,
    list: (c) => ids(c, '/api/opportunities?limit=200'),
    detail: (c, id) => status(c, `/api/opportunities/${id}`),
  },
  activity: {
    async make(w) {
      const account = await f.account(owner(w));
      const at = { plannedStart: '2031-03-04T09:00:00+08:00', plannedEnd: '2031-03-04T10:00:00+08:00' };
      return idOf(owner(w).post('/api/activities', { type: 'visit', subject: '拜访', accountId: account.id, ...at }));
    },
    list: (c) => ids(c, '/api/activities?limit=200'),
    detail: (c, id) => status(c, `/api/activities/${id}`),
  },
  task: {
    async make(w) {
      const account = await f.account(owner(w));
      return idOf(owner(w).post('/api/tasks', { title: '跟进', dueDate: '2031-06-01', accountId: account.id }));
    },
    list: (c) => ids(c, '/api/tasks?limit=200'),
    detail: (c, id) => status(c, `/api/tasks/${id}`),
  },
  swotItem: {
    async make(w) {
      const account = await f.account(owner(w));
      parents.swotItem.push(`/api/accounts/${account.id}/swot`);
      return idOf(owner(w).post(`/api/accounts/${account.id}/swot`, { quadrant: 'strengths', text: '渠道强' }));
    },
    list: (c) => through(c, parents.swotItem),
  },
  binEntry: {
    async make(w) {
      const contact = await f.contact(owner(w));
      expect((await owner(w).delete(`/api/contacts/${contact.id}`)).statusCode).toBe(204);
      return contact.id;
    },
    list: (c) => ids(c, '/api/recycle-bin?limit=200'),
  },
  quota: {
    make: (w) => idOf(keeper(w).post('/api/quotas', { userId: ownerId(w), period: '2031', target: '1000000' })),
    list: (c) => ids(c, '/api/quotas?year=2031'),
    detail: (c, id) => status(c, `/api/quotas/${id}`),
  },
  plan: {
    // A plan is its person's for the year: named by the person.
    make: async (w) =>
      body<{ userId: string }>(
        await owner(w).put('/api/planner/plans/2031', { quota: '1200000', averageDealSize: '100000', startMonth: 1 }),
      ).userId,
    async list(c) {
      const people = body<{ people: { userId: string; planSource: string | null }[] }>(
        await c.get('/api/planner/actual?year=2031'),
      ).people;
      return people.filter((p) => p.planSource === 'saved').map((p) => p.userId);
    },
    detail: (c, id) => status(c, `/api/planner/plans/2031?userId=${id}`),
  },
  snapshot: {
    async make(w) {
      const account = await f.account(owner(w));
      const [stage] = await t.database.db
        .select({ id: stages.id, orgId: stages.orgId })
        .from(stages)
        .where(eq(stages.orgId, body<{ orgId: string }>(await owner(w).get('/api/auth/me')).orgId))
        .limit(1);
      const id = newId();
      snapshotBits[id] = BIT[w];
      await t.database.db.insert(pipelineSnapshots).values({
        orgId: stage.orgId,
        snapshotDate: SNAPSHOT_DATE,
        opportunityId: id,
        accountId: account.id,
        ownerId: ownerId(w),
        accountOwnerId: ownerId(w),
        stageId: stage.id,
        amount: String(BIT[w]),
        probability: 10,
        forecastCategory: 'pipeline',
      });
      return id;
    },
    async list(c) {
      const items = body<{ items: { date: string; amount: string }[] }>(await c.get('/api/pipeline/snapshots')).items;
      const sum = Number(items.find((i) => i.date === SNAPSHOT_DATE)?.amount ?? 0);
      return Object.keys(snapshotBits).filter((id) => sum & snapshotBits[id]);
    },
  },
  pool: {
    make: (w) => idOf(keeper(w).post('/api/accounts', { name: `公海客户${w}`, ownershipType: 'soe', ownerId: null })),
    list: (c) => ids(c, '/api/pool?limit=200'),
    refused: ['viewer'],
  },
  user: {
    make: async (w) => ownerId(w),
    list: (c) => ids(c, '/api/users'),
    detail: (c, id) => status(c, `/api/users/${id}`),
  },
  team: {
    make: async (w) => teams[w === 'mine' ? 'north' : w === 'theirs' ? 'east' : 'foreign'],
    list: (c) => ids(c, '/api/teams'),
    detail: (c, id) => status(c, `/api/teams/${id}`),
  },
  competitor: {
    make: (w) => idOf(keeper(w).post('/api/competitors', { name: `竞争对手${w}` })),
    list: (c) => ids(c, '/api/competitors'),
    detail: (c, id) => status(c, `/api/competitors/${id}`),
  },
  product: {
    make: (w) => idOf(keeper(w).post('/api/products', { name: `产品${w}`, category: '软件', listPrice: '100' })),
    list: (c) => ids(c, '/api/products'),
    detail: (c, id) => status(c, `/api/products/${id}`),
  },
  stage: {
    async make(w) {
      const funnel = body<{ items: { id: string }[] }>(await keeper(w).get('/api/stages')).items;
      return funnel[w === 'theirs' ? 1 : 0].id;
    },
    list: (c) => ids(c, '/api/stages'),
  },
  activityType: {
    async make(w) {
      const key = `matrix_${w}`;
      body(await keeper(w).post('/api/activity-types', { key, name: `类型${w}` }));
      return key;
    },
    list: (c) => ids(c, '/api/activity-types', 'key'),
  },
  settings: {
    // One per organisation: the recycle bin's retention, told apart by its value.
    wheres: ['mine', 'foreign'],
    make: async (w) =>
      String(
        body<{ retentionDays: number }>(
          await keeper(w).put('/api/settings/recycle-bin', { retentionDays: w === 'mine' ? 31 : 45 }),
        ).retentionDays,
      ),
    list: async (c) => [
      String(body<{ retentionDays: number }>(await c.get('/api/settings/recycle-bin')).retentionDays),
    ],
  },
  savedView: {
    make: (w) => idOf(owner(w).post('/api/views', { list: 'accounts', name: `视图${w}`, query: {} })),
    list: (c) => ids(c, '/api/views'),
  },
  token: {
    make: (w) => idOf(owner(w).post('/api/tokens', { name: `令牌${w}` })),
    list: (c) => ids(c, '/api/tokens'),
  },
  auditLog: {
    // An account's creation, as the log lists it (by the account's id).
    make: (w) => idOf(owner(w).post('/api/accounts', { name: `审计${w}医院`, ownershipType: 'institution' })),
    list: (c) => ids(c, '/api/audit?entity=account&action=create&limit=200', 'entityId'),
    refused: ['rep', 'manager', 'viewer'],
  },
  webhook: {
    // A documentation address (TEST-NET-3): public, so the default outbound setting takes it; paused, so
    // nothing is queued for it in the worker's database.
    make: (w) =>
      idOf(keeper(w).post('/api/webhooks', { url: `https://203.0.113.10/${w}`, events: ['*'], active: false })),
    list: (c) => ids(c, '/api/webhooks'),
    detail: (c, id) => status(c, `/api/webhooks/${id}`),
    refused: ['rep', 'manager', 'viewer'],
  },
  sso: {
    // One per organisation, told apart by its client id; only its admin reads it.
    wheres: ['mine', 'foreign'],
    make: async (w) =>
      body<{ clientId: string }>(
        await keeper(w).put('/api/settings/sso', {
          enabled: false,
          issuer: '',
          clientId: `matrix-${w}`,
          passwordLoginDisabled: false,
          jitEnabled: false,
          jitTeamId: null,
          jitRole: 'rep',
          domains: [],
        }),
      ).clientId,
    async list(c) {
      const res = await c.get('/api/settings/sso');
      return res.statusCode === 403 ? 403 : [body<{ clientId: string }>(res).clientId];
    },
    refused: ['rep', 'manager', 'viewer'],
  },
};

/** A second organisation with its own admin, as set-up would make it (set-up itself runs once). */
async function otherOrganisation(): Promise<Client> {
  const email = `matrix-${newId()}@example.com`;
  await t.database.db.transaction((tx) =>
    createOrg(tx, { orgName: '另一家公司', name: '乙方管理员', email, password: PASSWORD }),
  );
  return login(t.app, email, PASSWORD);
}

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  teams.north = (await f.team({ name: '华北区' })).id;
  teams.east = (await f.team({ name: '华东区' })).id;
  const add = async (who: Who | 'repB', input: Parameters<Factories['user']>[0]) => {
    const u = await f.user({ name: who, ...input });
    as[who] = u.client;
    uid[who] = u.id;
  };
  as.admin = f.admin;
  uid.admin = body<{ id: string }>(await f.admin.get('/api/auth/me')).id;
  await add('rep', { role: 'rep', teamId: teams.north });
  await add('manager', { role: 'manager', teamId: teams.north });
  await add('viewer', { role: 'viewer', teamId: teams.north });
  await add('repB', { role: 'rep', teamId: teams.east });
  as.adminB = await otherOrganisation();
  uid.adminB = body<{ id: string }>(await as.adminB.get('/api/auth/me')).id;
  teams.foreign = await idOf(as.adminB.post('/api/teams', { name: '乙方团队', parentId: null }));

  for (const entity of Object.keys(accessEntities) as AccessEntity[]) {
    made[entity] = {};
    const c = cases[entity];
    for (const w of c?.wheres ?? (['mine', 'theirs', 'foreign'] as const)) made[entity][w] = await c.make(w);
  }
});
afterAll(() => t.close());

describe.each(Object.keys(accessEntities) as AccessEntity[])('%s', (entity) => {
  it('has a scope case', () => {
    expect(cases[entity], `add a scope case for ${entity} to access/scope-matrix.test.ts`).toBeDefined();
  });

  it.each(WHO)('%s lists exactly what the entity’s visibility shows, and gets 404 on the rest', async (who) => {
    const c = cases[entity];
    const records = made[entity];
    const expected = SEES[accessEntities[entity].visibility][who].filter((w) => records[w] !== undefined);
    const listed = await c.list(as[who]);
    if (c.refused?.includes(who)) {
      expect(listed).toBe(403);
      return;
    }
    expect(Array.isArray(listed), `list status ${String(listed)}`).toBe(true);
    const seen = (Object.keys(records) as Where[]).filter((w) => (listed as string[]).includes(records[w]!));
    expect(seen).toEqual(expected);
    if (!c.detail) return;
    for (const w of Object.keys(records) as Where[])
      expect(await c.detail(as[who], records[w]!), w).toBe(expected.includes(w) ? 200 : 404);
  });
});
