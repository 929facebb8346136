// The trigger sources (server/db/triggers/*.sql) against the migrated database: a migration that
// changes a trigger or function without its source, a source changed without its migration, or a
// trigger or function with no source fails here. And the migration `npm run db:triggers` writes from
// the differences takes the database to the sources. Then the effects of the triggers no other test
// checks whole: the account's owner and name copied onto deals, contacts and calls, and the change
// notices (docs/triggers.md lists the test of every trigger).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, TransactionRollbackError, type SQL } from 'drizzle-orm';
import { rowsOf } from './client.ts';
import { build, type TestApp } from '../test/helper.ts';
import { seedOrg, type Factories } from '../test/factories.ts';
import {
  BREAKPOINT,
  definitionsIn,
  definitionsOfSources,
  differences,
  migrationFile,
  migrationStatements,
  noDifferences,
  parseSources,
  readSources,
  splitStatements,
  type Definitions,
  type SourceStatement,
} from './trigger-sources.ts';

describe('splitStatements', () => {
  it('splits at top-level semicolons only, dropping the comments before each statement', () => {
    const text = `-- a comment; with a semicolon
CREATE OR REPLACE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT 'a;b' $$;
/* block; comment */
CREATE OR REPLACE FUNCTION g() RETURNS text LANGUAGE plpgsql AS $body$
BEGIN
  RETURN 'it''s; $$ not the end'; -- trailing; comment
END $body$;
CREATE TRIGGER "t;x" AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION f();
-- only a comment at the end;
`;
    expect(splitStatements(text)).toEqual([
      "CREATE OR REPLACE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT 'a;b' $$",
      "CREATE OR REPLACE FUNCTION g() RETURNS text LANGUAGE plpgsql AS $body$\nBEGIN\n  RETURN 'it''s; $$ not the end'; -- trailing; comment\nEND $body$",
      'CREATE TRIGGER "t;x" AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION f()',
    ]);
  });

  it('refuses anything but functions and triggers on unqualified names, and a name defined twice', () => {
    expect(() => parseSources([{ file: 'x.sql', text: 'CREATE INDEX i ON a (b);' }])).toThrow(
      /only CREATE OR REPLACE FUNCTION/,
    );
    expect(() =>
      parseSources([{ file: 'x.sql', text: 'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;' }]),
    ).toThrow(/only/);
    const qualified = 'CREATE OR REPLACE FUNCTION public.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;';
    expect(() => parseSources([{ file: 'x.sql', text: qualified }])).toThrow(/only/);
    const fn = 'CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;';
    expect(() =>
      parseSources([
        { file: 'a.sql', text: fn },
        { file: 'b.sql', text: fn },
      ]),
    ).toThrow(/defined twice/);
  });
});

let t: TestApp;
let f: Factories;
let orgId: string;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  orgId = (await f.admin.get('/api/auth/me')).json<{ orgId: string }>().orgId;
});
afterAll(() => t.close());

describe('trigger sources', () => {
  let sources: SourceStatement[];
  let migrated: Definitions;
  beforeAll(async () => {
    sources = readSources();
    migrated = await definitionsIn(t.database.db, 'public');
  });

  it('define every trigger and function of the migrated database, exactly as migrated', async () => {
    const fromSources = await definitionsOfSources(t.database.db, sources);
    // Every source defines something, and the database holds functions and triggers at all.
    expect(fromSources.functions.size + fromSources.triggers.size).toBe(sources.length);
    expect(migrated.triggers.size).toBeGreaterThan(0);
    const d = differences(migrated, fromSources);
    const message =
      'server/db/triggers/*.sql and the migrations disagree: a migration changed a trigger or function (write the ' +
      `change into its source) or a source changed (run npm run db:triggers): ${JSON.stringify(d, null, 2)}`;
    expect(noDifferences(d), message).toBe(true);
    expect(fromSources).toEqual(migrated);
  });

  it('notice a trigger with no source, a changed source and a new one, and the generated migration makes them equal', async () => {
    const edited = sources
      .filter((s) => s.name !== 'accounts.accounts_facts_row' && s.name !== 'okam_account_facts_row')
      .map((s) => (s.name === 'okam_count_add' ? { ...s, text: s.text.replace('= 0 THEN', '<= 0 THEN') } : s))
      .map((s) =>
        s.name === 'stages.okam_stages_changed'
          ? { ...s, text: s.text.replace('INSERT OR UPDATE OR DELETE', 'INSERT OR DELETE') }
          : s,
      );
    const added = parseSources([
      {
        file: 'new.sql',
        text: `CREATE OR REPLACE FUNCTION okam_test_noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
               CREATE TRIGGER okam_test_noop AFTER INSERT ON orgs FOR EACH ROW EXECUTE FUNCTION okam_test_noop();`,
      },
    ]);
    const wanted = [...edited, ...added];
    const target = await definitionsOfSources(t.database.db, wanted);
    const d = differences(migrated, target);
    expect(d).toEqual({
      added: { functions: ['okam_test_noop()'], triggers: ['orgs.okam_test_noop'] },
      changed: { functions: ['okam_count_add(m jsonb, k text, d integer)'], triggers: ['stages.okam_stages_changed'] },
      removed: { functions: ['okam_account_facts_row()'], triggers: ['accounts.accounts_facts_row'] },
    });

    // The file applied as the migrator applies one (its chunks in one transaction), then rolled back.
    const chunks = migrationFile(migrationStatements(d, wanted)).split(BREAKPOINT);
    let after: Definitions | undefined;
    await t.database.db
      .transaction(async (tx) => {
        for (const chunk of chunks) await tx.execute(sql.raw(chunk));
        after = await definitionsIn(tx, 'public');
        tx.rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof TransactionRollbackError)) throw e;
      });
    expect(after).toEqual(target);
    expect(await definitionsIn(t.database.db, 'public')).toEqual(migrated);
  });
});

describe("the account's owner and name on its deals, contacts and calls (account-copies.sql)", () => {
  /** Rows whose copy differs from their account, and how many rows there are. */
  async function drift() {
    const [r] = await rowsOf<Record<string, number>>(
      t.database.db,
      sql`select
        (select count(*) from opportunities o join accounts a on a.org_id = o.org_id and a.id = o.account_id
          where o.org_id = ${orgId} and (o.account_owner_id is distinct from a.owner_id or o.account_name <> a.name))::int as deals,
        (select count(*) from contacts c join accounts a on a.org_id = c.org_id and a.id = c.account_id
          where c.org_id = ${orgId} and c.account_owner_id is distinct from a.owner_id)::int as contacts,
        (select count(*) from activities x join accounts a on a.org_id = x.org_id and a.id = x.account_id
          where x.org_id = ${orgId} and x.account_name <> a.name)::int as calls,
        (select count(*) from opportunities where org_id = ${orgId})::int + (select count(*) from contacts where org_id = ${orgId})::int
          + (select count(*) from activities where org_id = ${orgId})::int as rows`,
    );
    return r;
  }
  const none = { deals: 0, contacts: 0, calls: 0 };

  it('follow every write of the account or of the row, however it is made', async () => {
    const [repA, repB] = [await f.user({ role: 'rep' }), await f.user({ role: 'rep' })];
    const a = await f.account(repA.client, { name: '复制甲' });
    const b = await f.account(repB.client, { name: '复制乙' });
    const start = Date.now() + 86_400_000;
    const written = async (accountId: string, client: Factories['admin']) => {
      const when = {
        plannedStart: new Date(start).toISOString(),
        plannedEnd: new Date(start + 3_600_000).toISOString(),
      };
      const call = await client.post('/api/activities', { type: 'visit', subject: '拜访', accountId, ...when });
      expect(call.statusCode, call.body).toBe(201);
      return {
        deal: await f.deal(client, { accountId }),
        contact: await f.contact(client, { accountId }),
        call: call.json<{ id: string }>(),
      };
    };
    const onA = await written(a.id, repA.client);
    await written(b.id, repB.client);
    expect(await drift()).toMatchObject({ ...none, rows: 6 });

    // Renamed and handed over through the API.
    const renamed = await f.admin.patch(`/api/accounts/${a.id}`, { version: a.version, name: '复制甲（新）' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await drift()).toMatchObject(none);
    const version = renamed.json<{ version: number }>().version;
    expect((await f.admin.patch(`/api/accounts/${a.id}`, { version, ownerId: repB.id })).statusCode).toBe(200);
    expect(await drift()).toMatchObject(none);

    // Straight to the database: no owner, then a new owner and name at once.
    await t.database.db.execute(sql`update accounts set owner_id = null where id = ${a.id}`);
    expect(await drift()).toMatchObject(none);
    await t.database.db.execute(
      sql`update accounts set owner_id = ${repA.id}, name = '复制甲（再改）' where id = ${a.id}`,
    );
    expect(await drift()).toMatchObject(none);

    // Rows moved to another account by hand take that account's copy.
    await t.database.db.execute(sql`update opportunities set account_id = ${b.id} where id = ${onA.deal.id}`);
    await t.database.db.execute(sql`update contacts set account_id = ${b.id} where id = ${onA.contact.id}`);
    await t.database.db.execute(sql`update activities set account_id = ${b.id} where id = ${onA.call.id}`);
    expect(await drift()).toMatchObject(none);

    // A call's copy cannot be written apart from its account.
    await t.database.db.execute(sql`update activities set account_name = 'x' where id = ${onA.call.id}`);
    expect(await drift()).toMatchObject(none);
  });
});

describe('change notices (change-notices.sql)', () => {
  const heard: string[] = [];
  let stop: () => Promise<void>;
  let markers = 0;
  beforeAll(async () => {
    stop = await t.database.listen(
      'okam_org_changed',
      (payload) => heard.push(payload),
      () => undefined,
    );
  });
  afterAll(() => stop());

  /**
   * Sends a marker notice and waits for it: notices arrive in the order their transactions committed,
   * so once the marker is heard, so is every notice of what committed before it.
   */
  async function heardAll() {
    const marker = `marker-${++markers}`;
    await t.database.db.execute(sql`select pg_notify('okam_org_changed', ${marker})`);
    for (let i = 0; i < 500 && !heard.includes(marker); i++) await new Promise((r) => setTimeout(r, 10));
    expect(heard).toContain(marker);
  }

  /** The notices a write straight to the database sends (not those of the set-up before it). */
  async function notices(write: SQL): Promise<string[]> {
    await heardAll();
    heard.length = 0;
    await t.database.db.execute(write);
    await heardAll();
    return heard.filter((p) => !p.startsWith('marker-'));
  }

  it("announce a session's end or shortening, never its extension", async () => {
    const u = await f.user();
    const [{ id }] = await rowsOf<{ id: string }>(t.database.db, sql`select id from sessions where user_id = ${u.id}`);
    expect(
      await notices(
        sql`update sessions set expires_at = expires_at + interval '1 hour', last_seen_at = now() where id = ${id}`,
      ),
    ).toEqual([]);
    expect(
      await notices(sql`update sessions set expires_at = expires_at - interval '2 hours' where id = ${id}`),
    ).toEqual([orgId]);
    expect(await notices(sql`delete from sessions where id = ${id}`)).toEqual([orgId]);
  });

  it('announce a user added or removed, and a change of what they may see, not of their name', async () => {
    const u = await f.user();
    const m = await f.user({ role: 'manager' });
    const id = crypto.randomUUID();
    const insert = sql`insert into users (org_id, id, email, name, password_hash, role, data_scope)
                       values (${orgId}, ${id}, ${`n-${id}@example.com`}, '新人', 'x', 'rep', 'own')`;
    expect(await notices(insert)).toEqual([orgId]);
    expect(await notices(sql`delete from users where id = ${id}`)).toEqual([orgId]);
    expect(
      await notices(sql`update users set name = '改名', locale = 'en', last_login_at = now() where id = ${u.id}`),
    ).toEqual([]);
    const seen = [
      sql`role = 'manager'`,
      sql`data_scope = 'all'`,
      sql`team_id = ${m.teamId}`,
      sql`manager_id = ${m.id}`,
      sql`active = false`,
    ];
    for (const change of seen) {
      expect(await notices(sql`update users set ${change} where id = ${u.id}`)).toEqual([orgId]);
    }
  });

  it('announce a team moved or removed, not a new or renamed one', async () => {
    const parent = await f.team();
    const id = crypto.randomUUID();
    expect(await notices(sql`insert into teams (org_id, id, name) values (${orgId}, ${id}, '新团队')`)).toEqual([]);
    expect(await notices(sql`update teams set name = '改名团队' where id = ${id}`)).toEqual([]);
    expect(await notices(sql`update teams set parent_id = ${parent.id} where id = ${id}`)).toEqual([orgId]);
    expect(await notices(sql`delete from teams where id = ${id}`)).toEqual([orgId]);
  });

  it('announce every change of an account team or of the funnel, one notice a statement', async () => {
    const u = await f.user();
    const acc = await f.account();
    expect(
      await notices(
        sql`insert into account_members (org_id, account_id, user_id) values (${orgId}, ${acc.id}, ${u.id})`,
      ),
    ).toEqual([orgId]);
    expect(await notices(sql`update account_members set role = 'support' where account_id = ${acc.id}`)).toEqual([
      orgId,
    ]);
    expect(await notices(sql`delete from account_members where account_id = ${acc.id}`)).toEqual([orgId]);
    const id = crypto.randomUUID();
    expect(
      await notices(
        sql`insert into stages (org_id, id, name, position, probability) values (${orgId}, ${id}, '新阶段', 99, 5)`,
      ),
    ).toEqual([orgId]);
    expect(await notices(sql`update stages set name = name || '' where org_id = ${orgId}`)).toEqual([orgId]);
    expect(await notices(sql`delete from stages where id = ${id}`)).toEqual([orgId]);
  });
});

describe('data versions of won deals (data-versions.sql)', () => {
  // analysis-cache.test.ts checks accounts and updated deals; here a deal inserted or deleted, open and won.
  it('bump once for a statement that inserts or deletes a won deal, never for an open one', async () => {
    const deals = async () =>
      Number(
        (
          await rowsOf<{ deals: number }>(t.database.db, sql`select deals from data_versions where org_id = ${orgId}`)
        )[0]?.deals ?? 0,
      );
    const deal = await f.deal();
    const [{ row }] = await rowsOf<{ row: unknown }>(
      t.database.db,
      sql`select to_jsonb(o) as row from opportunities o where id = ${deal.id}`,
    );
    const remove = sql`delete from opportunities where id = ${deal.id}`;
    // The row put back as the recycle bin restores one, open or won.
    const reinsert = (status: 'open' | 'won') => {
      const record = sql`${JSON.stringify(row)}::jsonb || jsonb_build_object('status', ${status}::text)`;
      return sql`insert into opportunities select * from jsonb_populate_record(null::opportunities, ${record})`;
    };

    const before = await deals();
    await t.database.db.execute(remove);
    await t.database.db.execute(reinsert('open'));
    expect(await deals()).toBe(before);
    await t.database.db.execute(remove);
    await t.database.db.execute(reinsert('won'));
    expect(await deals()).toBe(before + 1);
    await t.database.db.execute(remove);
    expect(await deals()).toBe(before + 2);
  });
});
