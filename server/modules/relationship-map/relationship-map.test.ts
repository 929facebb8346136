import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { Contact } from '../../../core/schemas/contacts.ts';
import type { OpportunityDetail } from '../../../core/schemas/deals.ts';
import type { RelationshipMap, Stakeholders } from '../../../core/schemas/relationship-map.ts';

let t: TestApp;
let f: Factories;
let rep: Awaited<ReturnType<Factories['user']>>;
let other: Awaited<ReturnType<Factories['user']>>;
let bureau: { id: string };
let boss: Contact;
let chief: Contact;
let clerk: Contact;
let deal: OpportunityDetail;
let linkId: string;

const GOV = {
  govPosition: '分管信息化的副局长',
  govSupplierSelection: '须走公开招标',
  govAchievements: '一网通办上线',
  govCostAwareness: '重视五年总成本',
};
const fieldOf = (res: { json<T>(): T }) => res.json<{ fields: { path: string; code: string }[] }>().fields[0];
const map = async (url: string) => {
  const res = await rep.client.get(url);
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json<RelationshipMap>();
};
const node = (m: RelationshipMap, id: string) => m.nodes.find((n) => n.contactId === id);

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  rep = await f.user({ name: '陈小华' });
  other = await f.user();
  bureau = await f.account(rep.client, { name: '市大数据局', ownershipType: 'government' });
  boss = await f.contact(rep.client, {
    accountId: bureau.id,
    name: '王局长',
    influence: 'high',
    attitude: 0,
    counterpartId: rep.id,
    ...GOV,
  });
  chief = await f.contact(rep.client, {
    accountId: bureau.id,
    name: '李处长',
    influence: 'medium',
    attitude: 3,
    reportsToId: boss.id,
  });
  clerk = await f.contact(rep.client, {
    accountId: bureau.id,
    name: '张科员',
    influence: 'low',
    reportsToId: chief.id,
  });
  linkId = (
    await rep.client.post('/api/contact-links', { fromContactId: clerk.id, toContactId: boss.id, kind: 'social' })
  ).json<{ id: string }>().id;
});
afterAll(() => t.close());

describe('account relationship map', () => {
  it('lists contacts with reporting lines, links, counterparts and government intelligence', async () => {
    const m = await map(`/api/accounts/${bureau.id}/relationship-map`);
    expect(m.government).toBe(true);
    expect(m.nodes.map((n) => n.contactId).sort()).toEqual([boss.id, chief.id, clerk.id].sort());
    expect(node(m, boss.id)).toMatchObject({
      influence: 'high',
      attitude: 0,
      roles: [],
      counterpart: { id: rep.id, name: '陈小华' },
      keyPlayer: true,
      supportive: false,
      decisionMaker: true,
      version: 1,
      gov: {
        position: GOV.govPosition,
        supplierSelection: GOV.govSupplierSelection,
        achievements: GOV.govAchievements,
        costAwareness: GOV.govCostAwareness,
      },
    });
    expect(node(m, chief.id)).toMatchObject({
      keyPlayer: false,
      supportive: true,
      counterpart: null,
      reportsToId: boss.id,
    });
    expect(m.edges).toEqual(
      expect.arrayContaining([
        { id: `r-${chief.id}`, source: boss.id, target: chief.id, kind: 'reports_to', linkId: null },
        { id: `r-${clerk.id}`, source: chief.id, target: clerk.id, kind: 'reports_to', linkId: null },
        { id: `l-${linkId}`, source: clerk.id, target: boss.id, kind: 'social', linkId },
      ]),
    );
    expect(m.edges).toHaveLength(3);
    // The only key player (the high-influence director) is neutral.
    expect(m).toMatchObject({ status: 'red', statusReason: '没有关键人物支持我们' });
  });

  it("takes roles from the account's open deals and turns amber, then green as the decision maker comes round", async () => {
    deal = await f.deal(rep.client, { accountId: bureau.id });
    expect(
      (
        await rep.client.post(`/api/opportunities/${deal.id}/influences`, {
          contactId: chief.id,
          roles: ['technical', 'coach'],
          rating: 2,
        })
      ).statusCode,
    ).toBe(201);
    let m = await map(`/api/accounts/${bureau.id}/relationship-map`);
    expect(node(m, chief.id)).toMatchObject({ roles: ['coach', 'technical'], keyPlayer: true, supportive: true });
    expect(m).toMatchObject({ status: 'amber', statusReason: '有关键人物支持，但决策者王局长尚未支持' });

    expect((await rep.client.patch(`/api/contacts/${boss.id}`, { version: 1, attitude: 2 })).statusCode).toBe(200);
    m = await map(`/api/accounts/${bureau.id}/relationship-map`);
    expect(m.status).toBe('green');
    const en = (
      await rep.client.get(`/api/accounts/${bureau.id}/relationship-map`, { 'accept-language': 'en' })
    ).json<RelationshipMap>();
    expect(en.statusReason).toBe('Supporters include every decision maker (王局长)');
  });

  it('leaves out the roles people played on deals that are closed', async () => {
    const lost = await f.deal(rep.client, { accountId: bureau.id });
    expect(
      (await rep.client.post(`/api/opportunities/${lost.id}/influences`, { contactId: clerk.id, roles: ['economic'] }))
        .statusCode,
    ).toBe(201);
    expect(node(await map(`/api/accounts/${bureau.id}/relationship-map`), clerk.id)?.roles).toEqual(['economic']);
    const stages = (await rep.client.get('/api/stages')).json<{ items: { id: string; kind: string }[] }>().items;
    const lostStage = stages.find((s) => s.kind === 'lost');
    const moved = await rep.client.patch(`/api/opportunities/${lost.id}`, {
      version: lost.version,
      stageId: lostStage?.id,
      lostReason: '价格',
    });
    expect(moved.json()).toMatchObject({ status: 'lost' });
    const m = await map(`/api/accounts/${bureau.id}/relationship-map`);
    expect(node(m, clerk.id)).toMatchObject({ roles: [], decisionMaker: false });
    expect(m.status).toBe('green');
  });

  it('shows the intelligence on 事业单位 too: hospitals and universities buy on the same 政绩 logic', async () => {
    const hospital = await f.account(rep.client, { name: '市第一人民医院', ownershipType: 'institution' });
    const dean = await f.contact(rep.client, { accountId: hospital.id, name: '孙院长', influence: 'high', ...GOV });
    const m = await map(`/api/accounts/${hospital.id}/relationship-map`);
    expect(m.government).toBe(true);
    expect(node(m, dean.id)?.gov).toEqual({
      position: GOV.govPosition,
      supplierSelection: GOV.govSupplierSelection,
      achievements: GOV.govAchievements,
      costAwareness: GOV.govCostAwareness,
    });
    const his = await f.deal(rep.client, { accountId: hospital.id });
    expect(
      (await rep.client.post(`/api/opportunities/${his.id}/influences`, { contactId: dean.id, roles: ['economic'] }))
        .statusCode,
    ).toBe(201);
    const dm = await map(`/api/opportunities/${his.id}/relationship-map`);
    expect(dm.government).toBe(true);
    expect(node(dm, dean.id)?.gov?.achievements).toBe(GOV.govAchievements);
  });

  it('leaves government intelligence off other accounts', async () => {
    const firm = await f.account(rep.client, { ownershipType: 'soe' });
    await f.contact(rep.client, { accountId: firm.id, name: '赵总', ...GOV });
    const m = await map(`/api/accounts/${firm.id}/relationship-map`);
    expect(m.government).toBe(false);
    expect(m.nodes[0]).not.toHaveProperty('gov');
    expect(m.status).toBe('red');
  });
});

describe('deal relationship map', () => {
  it("maps the deal's buying influences with their ratings, roles and the reporting lines among them", async () => {
    expect(
      (
        await rep.client.post(`/api/opportunities/${deal.id}/influences`, {
          contactId: boss.id,
          roles: ['economic'],
          influence: 'high',
          rating: -1,
          mode: 'trouble',
          counterpartId: other.id,
        })
      ).statusCode,
    ).toBe(201);
    const m = await map(`/api/opportunities/${deal.id}/relationship-map`);
    expect(m.nodes.map((n) => n.contactId)).toEqual([chief.id, boss.id]);
    expect(node(m, boss.id)).toMatchObject({
      attitude: -1,
      roles: ['economic'],
      mode: 'trouble',
      decisionMaker: true,
      supportive: false,
      influenceVersion: 1,
      gov: { position: GOV.govPosition },
    });
    expect(node(m, boss.id)?.counterpart?.id).toBe(other.id);
    expect(node(m, chief.id)).toMatchObject({
      attitude: 2,
      influence: 'medium',
      decisionMaker: false,
      keyPlayer: true,
    });
    // The clerk is not on the deal: their reporting line and link stay off this map.
    expect(m.edges).toEqual([
      { id: `r-${chief.id}`, source: boss.id, target: chief.id, kind: 'reports_to', linkId: null },
    ]);
    expect(m.status).toBe('amber');

    const influenceId = node(m, boss.id)?.influenceId;
    expect(
      (await rep.client.patch(`/api/opportunities/${deal.id}/influences/${influenceId}`, { version: 1, rating: 4 }))
        .statusCode,
    ).toBe(200);
    // Won over, but never met: the Blue Sheet says so, and the map must not say green.
    expect(await map(`/api/opportunities/${deal.id}/relationship-map`)).toMatchObject({
      status: 'amber',
      statusReason: '在途商机的关键决策者尚未接触：王局长',
    });
    expect(
      (
        await rep.client.patch(`/api/opportunities/${deal.id}/influences/${influenceId}`, {
          version: 2,
          coverage: 'brief',
        })
      ).statusCode,
    ).toBe(200);
    expect((await map(`/api/opportunities/${deal.id}/relationship-map`)).status).toBe('green');
  });
});

describe('an account map answers to its open deals’ Blue Sheets', () => {
  it('is not green while an open deal’s economic buyer is unmet or strongly against us; the grid gives them high power', async () => {
    const bank = await f.account(rep.client, { name: '城市商业银行' });
    const cfo = await f.contact(rep.client, { accountId: bank.id, name: '周行长', influence: 'high', attitude: 3 });
    const buyer = await f.contact(rep.client, { accountId: bank.id, name: '吴总监', influence: 'low', attitude: 2 });
    const url = `/api/accounts/${bank.id}/relationship-map`;
    expect((await map(url)).status).toBe('green');

    const core = await f.deal(rep.client, { accountId: bank.id, name: '核心系统' });
    const added = await rep.client.post(`/api/opportunities/${core.id}/influences`, {
      contactId: buyer.id,
      roles: ['economic'],
      rating: 2,
    });
    expect(added.statusCode).toBe(201);
    // 吴总监 supports us on the account (+2) and on the deal (+2), but the deal's Blue Sheet says never met.
    expect(await map(url)).toMatchObject({
      status: 'amber',
      statusReason: '在途商机的关键决策者尚未接触：吴总监 · 核心系统',
    });
    const en = (await rep.client.get(url, { 'accept-language': 'en' })).json<RelationshipMap>();
    expect(en.statusReason).toBe('The economic buyer of an open deal has not been met: 吴总监 · 核心系统');
    const { id, version } = added.json<{ id: string; version: number }>();
    const met = await rep.client.patch(`/api/opportunities/${core.id}/influences/${id}`, {
      version,
      coverage: 'multiple',
    });
    expect((await map(url)).status).toBe('green');
    // Strongly against us on the deal, whatever the contact's attitude says.
    expect(
      (
        await rep.client.patch(`/api/opportunities/${core.id}/influences/${id}`, {
          version: met.json<{ version: number }>().version,
          rating: -4,
        })
      ).statusCode,
    ).toBe(200);
    expect(await map(url)).toMatchObject({
      status: 'amber',
      statusReason: '在途商机的关键决策者强烈反对我们：吴总监 · 核心系统',
    });

    // Low influence, but the deal's economic buyer: high power on the grid (until someone places them).
    const items = (await rep.client.get(`/api/accounts/${bank.id}/stakeholders`)).json<Stakeholders>().items;
    expect(items.find((i) => i.contactId === buyer.id)).toMatchObject({
      influence: 'low',
      power: 5,
      powerDerived: true,
    });
    expect(items.find((i) => i.contactId === cfo.id)).toMatchObject({ power: 5 });

    // Once the deal is lost it no longer holds the map back.
    const lostStage = (await rep.client.get('/api/stages'))
      .json<{ items: { id: string; kind: string }[] }>()
      .items.find((s) => s.kind === 'lost');
    const now = (await rep.client.get(`/api/opportunities/${core.id}`)).json<OpportunityDetail>();
    expect(
      (
        await rep.client.patch(`/api/opportunities/${core.id}`, {
          version: now.version,
          stageId: lostStage?.id,
          lostReason: '预算',
        })
      ).statusCode,
    ).toBe(200);
    expect((await map(url)).status).toBe('green');
  });
});

describe('stakeholder grid', () => {
  it('derives power and interest, then keeps what someone placed', async () => {
    const grid = async () =>
      (await rep.client.get(`/api/accounts/${bureau.id}/stakeholders`)).json<Stakeholders>().items;
    const byId = (items: Stakeholders['items'], id: string) => items.find((i) => i.contactId === id);
    let items = await grid();
    // Director: high influence → power 5; attitude +2 → interest 3.
    expect(byId(items, boss.id)).toMatchObject({
      power: 5,
      interest: 3,
      powerDerived: true,
      interestDerived: true,
      quadrant: 'manage_closely',
    });
    expect(byId(items, clerk.id)).toMatchObject({ power: 1, interest: 2, quadrant: 'monitor' });
    const chiefRow = byId(items, chief.id);
    expect(chiefRow).toMatchObject({ power: 3, interest: 4, quadrant: 'manage_closely' });

    const moved = await rep.client.patch(`/api/contacts/${clerk.id}`, {
      version: byId(items, clerk.id)?.version,
      power: 2,
      interest: 4,
    });
    expect(moved.json<Contact>()).toMatchObject({ power: 2, interest: 4 });
    items = await grid();
    expect(byId(items, clerk.id)).toMatchObject({
      power: 2,
      interest: 4,
      powerDerived: false,
      interestDerived: false,
      quadrant: 'keep_informed',
    });

    const reset = await rep.client.patch(`/api/contacts/${clerk.id}`, {
      version: moved.json<Contact>().version,
      power: null,
      interest: null,
    });
    expect(reset.statusCode).toBe(200);
    expect(byId(await grid(), clerk.id)).toMatchObject({ powerDerived: true, quadrant: 'monitor' });
  });

  it('refuses power and interest outside 1–5 and over-long intelligence, naming the field', async () => {
    const version = (await rep.client.get(`/api/contacts/${chief.id}`)).json<Contact>().version;
    const high = await rep.client.patch(`/api/contacts/${chief.id}`, { version, power: 6 });
    expect(high.statusCode).toBe(400);
    expect(fieldOf(high)).toMatchObject({ path: 'power', code: 'maximum' });
    expect(fieldOf(await rep.client.patch(`/api/contacts/${chief.id}`, { version, interest: 0 }))).toMatchObject({
      path: 'interest',
      code: 'minimum',
    });
    expect(fieldOf(await rep.client.patch(`/api/contacts/${chief.id}`, { version, interest: 2.5 }))).toMatchObject({
      path: 'interest',
    });
    const long = await rep.client.post('/api/contacts', {
      accountId: bureau.id,
      name: '刘',
      govAchievements: 'x'.repeat(2001),
    });
    expect(fieldOf(long)).toMatchObject({ path: 'govAchievements', code: 'max_length' });
    expect((await rep.client.get(`/api/contacts/${chief.id}`)).json<Contact>().version).toBe(version);
  });
});

describe('scope', () => {
  it("answers 404 for an account or deal outside the caller's scope", async () => {
    for (const url of [
      `/api/accounts/${bureau.id}/relationship-map`,
      `/api/opportunities/${deal.id}/relationship-map`,
      `/api/accounts/${bureau.id}/stakeholders`,
    ]) {
      expect((await other.client.get(url)).statusCode, url).toBe(404);
      expect((await f.admin.get(url)).statusCode, url).toBe(200);
    }
    expect(
      (await rep.client.get('/api/accounts/00000000-0000-7000-8000-000000000000/relationship-map')).statusCode,
    ).toBe(404);
  });

  it('shows the map to a member of the account team', async () => {
    const teammate = await f.user();
    expect(
      (
        await rep.client.put(`/api/accounts/${bureau.id}/members`, {
          members: [{ userId: teammate.id, role: 'member' }],
        })
      ).statusCode,
    ).toBeLessThan(300);
    const m = (await teammate.client.get(`/api/accounts/${bureau.id}/relationship-map`)).json<RelationshipMap>();
    expect(m.nodes).toHaveLength(3);
  });
});

describe('OpenAPI', () => {
  it('documents the maps and the grid, and the contact fields they edit', async () => {
    const doc = (await f.admin.get('/api/openapi.json')).json();
    for (const path of [
      '/api/accounts/{id}/relationship-map',
      '/api/opportunities/{id}/relationship-map',
      '/api/accounts/{id}/stakeholders',
    ]) {
      expect(doc.paths[path]?.get?.tags, path).toEqual(['relationship-map']);
    }
    const update = JSON.stringify(doc.paths['/api/contacts/{id}'].patch.requestBody);
    for (const field of [
      'power',
      'interest',
      'govPosition',
      'govSupplierSelection',
      'govAchievements',
      'govCostAwareness',
    ])
      expect(update).toContain(`"${field}"`);
  });
});
