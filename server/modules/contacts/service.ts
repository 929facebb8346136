import type { Db } from '../../db/client.ts';
import { contactsRepository, type ContactRow, type NewContact } from './repository.ts';
import { visibleAccount } from '../accounts/service.ts';
import { historyWriter } from '../../kernel/history.ts';
import { historyOf } from '../history/service.ts';
import { moveToBin } from '../../db/trash.ts';
import { AppError, fieldError, notFound, staleVersion } from '../../lib/errors.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { newId } from '../../lib/ids.ts';
import { keysetPage } from '../../lib/cursor.ts';
import { contactSearchDocument, searchQuery } from '../../../core/search.ts';
import { diffFields, initialFields } from '../../../core/diff.ts';
import type {
  Contact,
  ContactCreate,
  ContactDuplicatesQuery,
  ContactLink,
  ContactLinkCreate,
  ContactListItem,
  ContactListQuery,
  ContactUpdate,
  OrgChart,
} from '../../../core/schemas/contacts.ts';
import type { DuplicateMatches, ListSummary, PageOf } from '../../../core/schemas/common.ts';
import { contactKeys, emailKeyOf, lockMatchingKeys, mobileKeyOf } from '../../db/duplicate-keys.ts';
import { duplicateError, presentMatch } from '../../kernel/duplicates.ts';
import { findContactDuplicates, type ContactProbe } from './duplicates.repository.ts';

type Listed = { c: ContactRow; accountName: string; reportsToName: string | null; counterpartName: string | null };
type Repo = ReturnType<typeof contactsRepository>;

export function presentContact({ c, accountName, reportsToName, counterpartName }: Listed): Contact {
  const {
    orgId: _o,
    searchGrams: _g,
    searchText: _t,
    mobileKey: _m,
    emailKey: _e,
    archivedAt,
    createdBy: _c,
    ...rest
  } = c;
  return {
    ...rest,
    accountName,
    reportsToName,
    counterpartName,
    influence: c.influence as Contact['influence'],
    coverage: c.coverage as Contact['coverage'],
    archived: archivedAt !== null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

const presentLink = (l: { kind: string } & Omit<ContactLink, 'kind'>): ContactLink => ({
  ...l,
  kind: l.kind as ContactLink['kind'],
});

const HISTORY_IGNORED = ['version', 'searchGrams', 'searchText', 'updatedAt'] as const;

export function searchColumns(c: { name: string; phone?: string | null; mobile?: string | null }) {
  const doc = contactSearchDocument(c);
  return { searchGrams: doc.grams, searchText: doc.text };
}

/**
 * 查重 before a contact write: another contact of the organisation (on any account, archived or not;
 * not one in the recycle bin) with the same mobile or e-mail answers 409 duplicate_contact unless the
 * caller confirmed (allowDuplicate). Outside the caller's scope the match names only the account's owner.
 */
async function assertNoDuplicate(tx: Db, actor: Actor, probe: ContactProbe): Promise<void> {
  // Two writers of one mobile or e-mail take turns: the second's check sees the first's row.
  await lockMatchingKeys(tx, [
    ...(probe.mobileKey ? [`contact:${actor.orgId}:mobile:${probe.mobileKey}`] : []),
    ...(probe.emailKey ? [`contact:${actor.orgId}:email:${probe.emailKey}`] : []),
  ]);
  const found = await findContactDuplicates(tx, actor, probe);
  if (!found.length) return;
  const fields = [...new Set(found.map((f) => f.field))].map((path) => ({ path, code: 'contact_taken' as const }));
  throw duplicateError(
    'duplicate_contact',
    fields,
    found.map((f) => presentMatch(actor, f)),
  );
}

export function contactsService(db: Db) {
  const repo = contactsRepository(db);

  async function checkRefs(r: Repo, actor: Actor, accountId: string, input: Partial<ContactCreate>, selfId?: string) {
    if (input.reportsToId) {
      if (input.reportsToId === selfId) throw fieldError('reportsToId', 'cycle');
      const bossAccount = await r.accountOf(actor.orgId, input.reportsToId);
      if (!bossAccount) throw fieldError('reportsToId', 'unknown_contact');
      if (bossAccount !== accountId) throw fieldError('reportsToId', 'other_account_contact');
      if (selfId && (await r.chainAbove(actor.orgId, input.reportsToId)).includes(selfId))
        throw fieldError('reportsToId', 'cycle');
    }
    if (input.counterpartId && !(await r.userExists(actor.orgId, input.counterpartId)))
      throw fieldError('counterpartId', 'unknown_user');
  }

  async function get(actor: Actor, id: string): Promise<Contact> {
    const row = await repo.get(actor, id);
    if (!row) throw notFound();
    return presentContact(row);
  }

  async function setArchived(actor: Actor, id: string, version: number, archived: boolean) {
    assertCan(actor, 'update', 'contact');
    await db.transaction(async (tx) => {
      const r = contactsRepository(tx);
      const current = await r.lockForWrite(actor, id);
      if (!current) throw notFound();
      if (current.version !== version) throw staleVersion();
      // A merged contact comes back only by undoing its merge (merges/), which moves its links back too.
      if (!archived && current.mergedIntoId) throw new AppError(409, 'merge_merged');
      await r.update(actor.orgId, id, version, { archivedAt: archived ? new Date() : null });
      await historyWriter(tx).record(actor.orgId, 'contact', id, archived ? 'archive' : 'restore', actor.userId);
    });
    return get(actor, id);
  }

  return {
    get,

    async list(actor: Actor, query: ContactListQuery): Promise<PageOf<ContactListItem>> {
      const key = (query.sort ?? '-updatedAt').replace('-', '') as 'updatedAt' | 'createdAt' | 'name';
      // The rows are already the API's items (read raw, times as ISO text): the cursor takes its sort value from them.
      const { rows, nextCursor } = await keysetPage(
        query,
        (args) => repo.list(actor, { query, ...args }),
        (c) => [c[key], c.id],
      );
      return { items: rows, nextCursor };
    },

    /** The list's totals for the same filter: every match in scope, not the page. */
    summary: (actor: Actor, query: ContactListQuery): Promise<ListSummary> =>
      repo.summary(actor, query, query.q ? searchQuery(query.q) : null),

    /** 查重 while a form is typed: contacts of the organisation with this mobile or e-mail. */
    async duplicates(actor: Actor, query: ContactDuplicatesQuery): Promise<DuplicateMatches> {
      const found = await findContactDuplicates(db, actor, {
        mobileKey: mobileKeyOf(query.mobile),
        emailKey: emailKeyOf(query.email),
        excludeId: query.excludeId,
      });
      return { matches: found.map((m) => presentMatch(actor, m)) };
    },

    async create(actor: Actor, body: ContactCreate): Promise<Contact> {
      assertCan(actor, 'create', 'contact');
      const { allowDuplicate, ...input } = body;
      const id = newId();
      await db.transaction(async (tx) => {
        const r = contactsRepository(tx);
        if (!(await visibleAccount(tx, actor, input.accountId))) throw fieldError('accountId', 'unknown_account');
        await checkRefs(r, actor, input.accountId, input);
        if (!allowDuplicate) await assertNoDuplicate(tx, actor, contactKeys(input));
        const now = new Date();
        const row: NewContact = {
          ...input,
          name: input.name.trim(),
          orgId: actor.orgId,
          id,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
          ...searchColumns({ ...input, name: input.name.trim() }),
        };
        await r.insert(row);
        const { orgId: _o, id: _i, createdBy: _c, createdAt: _ca, ...fields } = row;
        await historyWriter(tx).record(
          actor.orgId,
          'contact',
          id,
          'create',
          actor.userId,
          initialFields(fields, HISTORY_IGNORED),
        );
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, input: ContactUpdate): Promise<Contact> {
      assertCan(actor, 'update', 'contact');
      await db.transaction(async (tx) => {
        const r = contactsRepository(tx);
        const current = await r.lockForWrite(actor, id);
        if (!current) throw notFound();
        if (current.version !== input.version) throw staleVersion();
        const { version, allowDuplicate, ...fields } = input;
        await checkRefs(r, actor, current.accountId, fields, id);
        // Only a mobile or e-mail that changes is checked: a contact keeps what it already shared.
        const keys = contactKeys(fields);
        const probe = {
          mobileKey: keys.mobileKey !== current.mobileKey ? keys.mobileKey : undefined,
          emailKey: keys.emailKey !== current.emailKey ? keys.emailKey : undefined,
          excludeId: id,
        };
        if (!allowDuplicate) await assertNoDuplicate(tx, actor, probe);
        const patch: Partial<NewContact> = { ...fields };
        if (fields.name !== undefined) patch.name = fields.name.trim();
        if (fields.name !== undefined || fields.phone !== undefined || fields.mobile !== undefined) {
          Object.assign(patch, searchColumns({ ...current, ...patch, name: patch.name ?? current.name }));
        }
        const changes = diffFields(current, patch, HISTORY_IGNORED);
        if (!changes.length) return;
        if (!(await r.update(actor.orgId, id, version, patch))) throw staleVersion();
        await historyWriter(tx).record(actor.orgId, 'contact', id, 'update', actor.userId, changes);
      });
      return get(actor, id);
    },

    archive: (actor: Actor, id: string, version: number) => setArchived(actor, id, version, true),
    restore: (actor: Actor, id: string, version: number) => setArchived(actor, id, version, false),

    async remove(actor: Actor, id: string) {
      assertCan(actor, 'delete', 'contact');
      await db.transaction(async (tx) => {
        const r = contactsRepository(tx);
        const current = await r.lockForWrite(actor, id);
        if (!current) throw notFound();
        await moveToBin(tx, actor.orgId, actor.userId, 'contact', id, {
          name: current.name,
          accountId: current.accountId,
          ownerId: null,
        });
        await historyWriter(tx).record(actor.orgId, 'contact', id, 'delete', actor.userId, [
          { field: 'name', old: current.name, new: null },
        ]);
      });
    },

    async history(actor: Actor, id: string) {
      if (!(await repo.get(actor, id))) throw notFound();
      return historyOf(db, actor.orgId, 'contact', id);
    },

    async links(actor: Actor, id: string) {
      if (!(await repo.get(actor, id))) throw notFound();
      const links = await repo.linksOf(actor.orgId, [id]);
      // The other end may be a contact outside the caller's scope: leave those links out.
      const visible = await repo.visibleIds(actor, [
        ...new Set(links.map((l) => (l.fromContactId === id ? l.toContactId : l.fromContactId))),
      ]);
      return {
        items: links
          .filter((l) => visible.has(l.fromContactId === id ? l.toContactId : l.fromContactId))
          .map(presentLink),
      };
    },

    async addLink(actor: Actor, input: ContactLinkCreate): Promise<ContactLink> {
      assertCan(actor, 'create', 'contactLink');
      if (input.fromContactId === input.toContactId) throw fieldError('toContactId', 'self_link');
      const id = newId();
      await db.transaction(async (tx) => {
        const r = contactsRepository(tx);
        if (!(await r.get(actor, input.fromContactId))) throw fieldError('fromContactId', 'unknown_contact');
        if (!(await r.get(actor, input.toContactId))) throw fieldError('toContactId', 'unknown_contact');
        await r.insertLink({ orgId: actor.orgId, id, ...input });
      });
      const view = await repo.linkView(actor.orgId, id);
      if (!view) throw notFound();
      return presentLink(view);
    },

    async removeLink(actor: Actor, id: string) {
      assertCan(actor, 'delete', 'contactLink');
      const link = await repo.link(actor.orgId, id);
      // The link belongs to whoever can see its first contact.
      if (!link || !(await repo.get(actor, link.fromContactId))) throw notFound();
      await repo.removeLink(actor.orgId, id);
    },

    async orgChart(actor: Actor, accountId: string): Promise<OrgChart> {
      if (!(await visibleAccount(db, actor, accountId))) throw notFound();
      const nodes = await repo.orgChartNodes(actor.orgId, accountId);
      const ids = new Set(nodes.map((n) => n.id));
      const links = (await repo.linksOf(actor.orgId, [...ids])).filter(
        (l) => ids.has(l.fromContactId) && ids.has(l.toContactId),
      );
      return {
        nodes: nodes.map((n) => ({
          ...n,
          influence: n.influence as OrgChart['nodes'][number]['influence'],
          coverage: n.coverage as OrgChart['nodes'][number]['coverage'],
        })),
        links: links.map(presentLink),
      };
    },
  };
}

// ---- For other modules: what they read of contacts (never through the repository) ----

/** The contact, if the caller may see its account. */
export const visibleContact = (db: Db, actor: Actor, id: string) => contactsRepository(db).get(actor, id);

/** The account a contact of the organisation belongs to (undefined for an unknown contact). */
export const contactAccountId = (db: Db, orgId: string, contactId: string) =>
  contactsRepository(db).accountOf(orgId, contactId);

/** Whether the user is one of the organisation's (a Blue Sheet counterpart may be any of them). */
export const orgUserExists = (db: Db, orgId: string, userId: string) =>
  contactsRepository(db).userExists(orgId, userId);

/** The relationship links touching these contacts. */
export const contactLinksOf = (db: Db, orgId: string, contactIds: string[]) =>
  contactsRepository(db).linksOf(orgId, contactIds);
