import { describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import { build, login } from '../../test/helper.ts';
import { isValidCreditCode } from '../../../core/credit-code.ts';
import { OWNERSHIP_TYPES, ROLES } from '../../../core/enums.ts';
import { searchQuery } from '../../../core/search.ts';
import { seedDemo, DEMO_PASSWORD } from './seed.ts';

describe('seedDemo', () => {
  it('fills an empty database with a complete demo organisation', async () => {
    // The project's harness: a cloned PGlite template, or PostgreSQL with TEST_DATABASE_URL.
    // The demo seed fills an empty database (its logins are fixed addresses).
    const t = await build({}, { database: 'fresh' });
    const { db } = t.database;
    try {
      const logins = await seedDemo(db);
      expect(logins.length).toBeGreaterThanOrEqual(8);
      expect(new Set(logins.map((l) => l.role))).toEqual(new Set(ROLES));
      expect(logins.every((l) => l.password === DEMO_PASSWORD && l.email.endsWith('@demo.openkam.cn'))).toBe(true);

      const teams = await rowsOf<{ id: string; parent_id: string | null; depth: number }>(
        db,
        sql`with recursive t as (
              select id, parent_id, 0 as depth from teams where parent_id is null
              union all select c.id, c.parent_id, t.depth + 1 from teams c join t on c.parent_id = t.id)
            select * from t`,
      );
      expect(teams.length).toBeGreaterThanOrEqual(3);
      expect(teams.filter((t) => t.parent_id === null)).toHaveLength(1);
      expect(Math.max(...teams.map((t) => t.depth))).toBeGreaterThanOrEqual(2);

      const users = await rowsOf<{ role: string; manager_id: string | null }>(
        db,
        sql`select role, manager_id from users`,
      );
      expect(users.length).toBeGreaterThanOrEqual(8);
      expect(new Set(users.map((u) => u.role))).toEqual(new Set(ROLES));
      expect(users.filter((u) => u.role === 'rep').every((u) => u.manager_id)).toBe(true);

      const accounts = await rowsOf<{
        id: string;
        ownership_type: string;
        credit_code: string | null;
        parent_id: string | null;
        owner_id: string | null;
        search_grams: string[];
      }>(db, sql`select id, ownership_type, credit_code, parent_id, owner_id, search_grams from accounts`);
      expect(accounts).toHaveLength(60);
      expect(new Set(accounts.map((a) => a.ownership_type))).toEqual(new Set(OWNERSHIP_TYPES));
      const codes = accounts.map((a) => a.credit_code).filter((c): c is string => !!c);
      expect(codes.length).toBeGreaterThan(50);
      expect(codes.every(isValidCreditCode)).toBe(true);
      expect(new Set(codes).size).toBe(codes.length);
      expect(accounts.every((a) => a.owner_id && a.search_grams.length > 0)).toBe(true);
      expect(new Set(accounts.map((a) => a.owner_id)).size).toBeGreaterThanOrEqual(5);
      const subsidiaries = new Map<string, number>();
      for (const a of accounts)
        if (a.parent_id) subsidiaries.set(a.parent_id, (subsidiaries.get(a.parent_id) ?? 0) + 1);
      expect(Math.max(...subsidiaries.values())).toBeGreaterThanOrEqual(3);

      const contacts = await rowsOf<{ n: number; bad_reports: number; no_grams: number; bad_mobile: number }>(
        db,
        sql`select count(*)::int as n,
                   count(*) filter (where r.id is not null and r.account_id <> c.account_id)::int as bad_reports,
                   count(*) filter (where cardinality(c.search_grams) = 0)::int as no_grams,
                   count(*) filter (where c.mobile is not null and c.mobile !~ '^1[3-9][0-9]{9}$')::int as bad_mobile
            from contacts c left join contacts r on r.org_id = c.org_id and r.id = c.reports_to_id`,
      );
      expect(contacts[0]).toEqual({ n: 300, bad_reports: 0, no_grams: 0, bad_mobile: 0 });
      const [{ with_reports }] = await rowsOf<{ with_reports: number }>(
        db,
        sql`select count(reports_to_id)::int as with_reports from contacts`,
      );
      expect(with_reports).toBeGreaterThan(200);
      const [{ cycles }] = await rowsOf<{ cycles: number }>(
        db,
        sql`with recursive up as (
              select id as start, reports_to_id as cur, 1 as steps from contacts where reports_to_id is not null
              union all select up.start, c.reports_to_id, up.steps + 1 from up join contacts c on c.id = up.cur
              where c.reports_to_id is not null and up.steps < 20)
            select count(*)::int as cycles from up where cur = start`,
      );
      expect(cycles).toBe(0);
      // Government intelligence on government accounts' top officials only.
      const [gov] = await rowsOf<{ gov: number; other: number }>(
        db,
        sql`select count(*) filter (where a.ownership_type = 'government')::int as gov, count(*) filter (where a.ownership_type <> 'government')::int as other
            from contacts c join accounts a on a.org_id = c.org_id and a.id = c.account_id where c.gov_position is not null`,
      );
      expect(gov.gov).toBeGreaterThanOrEqual(8 * 3);
      expect(gov.other).toBe(0);

      const [links] = await rowsOf<{ n: number; kinds: number }>(
        db,
        sql`select count(*)::int as n, count(distinct kind)::int as kinds from contact_links`,
      );
      expect(links.n).toBeGreaterThan(10);
      expect(links.kinds).toBeGreaterThanOrEqual(4);
      const [members] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from account_members`);
      expect(members.n).toBeGreaterThan(10);

      // The stored grams make the records findable the way the search module queries them.
      const q = searchQuery('医院');
      const [hits] = await rowsOf<{ n: number }>(
        db,
        sql`select count(*)::int as n from accounts where search_grams @> string_to_array(${(q?.grams ?? []).join(',')}, ',') and search_text like ${`%${q?.needle}%`}`,
      );
      expect(hits.n).toBeGreaterThanOrEqual(5);

      await expect(seedDemo(db)).rejects.toThrow(/already/);

      // The printed logins work, and data scopes differ: the admin sees everything, a rep their own.
      const admin = await login(t.app, 'admin@demo.openkam.cn', DEMO_PASSWORD);
      const all = (await admin.get('/api/accounts?limit=200')).json<{ items: { ownerName: string | null }[] }>();
      expect(all.items).toHaveLength(60);
      const rep = await login(t.app, 'north.rep1@demo.openkam.cn', DEMO_PASSWORD);
      const own = (await rep.get('/api/accounts?limit=200')).json<{ items: unknown[] }>();
      expect(own.items.length).toBeGreaterThan(0);
      expect(own.items.length).toBeLessThan(20);
      const search = await admin.get(`/api/search?q=${encodeURIComponent('医院')}`);
      expect(search.statusCode).toBe(200);
      expect(search.json<{ accounts: unknown[] }>().accounts.length).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  }, 60_000);
});
