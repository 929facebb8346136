// Quotas (配额) per person or team and month, quarter or year, with three levels: target, stretch
// (冲刺) and challenge (挑战). A quota is set from above: a manager keeps those of the people and
// teams they manage, an admin everyone's; a rep reads their own and their teams' but sets none.
import type { Db } from '../../db/client.ts';
import { quotasRepository, type NewQuota, type QuotaRow } from './repository.ts';
import { loadQuotaBook, type QuotaBook } from './book.ts';
import { AppError, fieldError, notFound, staleVersion } from '../../lib/errors.ts';
import { assertCan, can, type Actor, type Subject } from '../../access/index.ts';
import { newId } from '../../lib/ids.ts';
import { orgTimeZone } from '../../kernel/settings.ts';
import { parsePeriod } from '../../../core/period.ts';
import { localDate } from '../../../core/time.ts';
import { toCents } from '../../../core/funnel.ts';
import type { Quota, QuotaCreate, QuotaList, QuotaListQuery, QuotaUpdate } from '../../../core/schemas/forecast.ts';

type Listed = { q: QuotaRow; userName: string | null; teamName: string | null };

const present = ({ q, userName, teamName }: Listed, editable: boolean): Quota => ({
  id: q.id,
  userId: q.userId,
  userName,
  teamId: q.teamId,
  teamName,
  period: q.period,
  periodKind: q.periodKind as Quota['periodKind'],
  target: q.target,
  stretch: q.stretch,
  challenge: q.challenge,
  version: q.version,
  updatedAt: q.updatedAt.toISOString(),
  editable,
});

/** Stretch at least the target, challenge at least the stretch (or the target without one). */
function checkLevels(target: string, stretch: string | null, challenge: string | null) {
  if (stretch !== null && toCents(stretch) < toCents(target)) throw fieldError('stretch', 'below_target');
  if (challenge !== null && toCents(challenge) < toCents(stretch ?? target))
    throw fieldError('challenge', stretch === null ? 'below_target' : 'below_stretch');
}

/** The quota as access rules see it: its subject and the team tree that places it (server/access). */
const subject = (book: QuotaBook, q: Pick<QuotaRow, 'userId' | 'teamId'>): Subject => ({
  entity: 'quota',
  userId: q.userId,
  teamId: q.teamId,
  teams: book,
});

export function quotasService(db: Db) {
  const repo = quotasRepository(db);
  const book = (actor: Actor, year: number, on: Db = db) => loadQuotaBook(on, actor.orgId, [year]);

  async function get(actor: Actor, id: string): Promise<Quota> {
    const row = await repo.get(actor.orgId, id);
    if (!row) throw notFound();
    const b = await book(actor, Number(row.q.period.slice(0, 4)));
    assertCan(actor, 'read', subject(b, row.q));
    return present(row, can(actor, 'update', subject(b, row.q)));
  }

  /**
   * The row, when the caller may see it (else 404) and change it (else 403). Reads on the caller's
   * transaction: PGlite has one connection, so a query outside it would wait forever.
   */
  async function writable(tx: Db, actor: Actor, action: 'update' | 'delete', row: QuotaRow | undefined) {
    if (!row) throw notFound();
    const b = await book(actor, Number(row.period.slice(0, 4)), tx);
    assertCan(actor, action, subject(b, row));
    return row;
  }

  return {
    get,

    async list(actor: Actor, q: QuotaListQuery): Promise<QuotaList> {
      // This year on the organisation's calendar (not the server's).
      const year = q.year ?? Number(localDate(new Date(), await orgTimeZone(db, actor.orgId)).slice(0, 4));
      const [b, rows] = await Promise.all([
        book(actor, year),
        repo.list(actor.orgId, { from: `${year}-01-01`, to: `${year + 1}-01-01` }, q),
      ]);
      return {
        items: rows
          .filter((r) => can(actor, 'read', subject(b, r.q)))
          .map((r) => present(r, can(actor, 'update', subject(b, r.q)))),
      };
    },

    async create(actor: Actor, input: QuotaCreate): Promise<Quota> {
      if (!input.userId === !input.teamId) throw fieldError(input.userId ? 'teamId' : 'userId', 'quota_subject');
      const period = parsePeriod(input.period);
      if (!period) throw fieldError('period', 'pattern');
      const b = await book(actor, period.year);
      const of = { userId: input.userId ?? null, teamId: input.teamId ?? null };
      const readable = can(actor, 'read', subject(b, of));
      if (of.userId && (!b.people.has(of.userId) || !readable)) throw fieldError('userId', 'unknown_user');
      if (of.teamId && (!b.teamNames.has(of.teamId) || !readable)) throw fieldError('teamId', 'unknown_team');
      assertCan(actor, 'create', subject(b, of));
      checkLevels(input.target, input.stretch ?? null, input.challenge ?? null);
      const id = newId();
      const row: NewQuota = {
        orgId: actor.orgId,
        id,
        ...of,
        period: period.key,
        periodKind: period.kind,
        periodStart: period.start,
        target: input.target,
        stretch: input.stretch ?? null,
        challenge: input.challenge ?? null,
      };
      if (!(await repo.insert(row))) throw new AppError(409, 'quota_exists');
      return get(actor, id);
    },

    async update(actor: Actor, id: string, input: QuotaUpdate): Promise<Quota> {
      await db.transaction(async (tx) => {
        const r = quotasRepository(tx);
        const current = await writable(tx, actor, 'update', await r.lockForWrite(actor.orgId, id));
        if (current.version !== input.version) throw staleVersion();
        const patch: Partial<NewQuota> = {};
        if (input.target !== undefined) patch.target = input.target;
        if (input.stretch !== undefined) patch.stretch = input.stretch;
        if (input.challenge !== undefined) patch.challenge = input.challenge;
        checkLevels(
          patch.target ?? current.target,
          patch.stretch !== undefined ? patch.stretch : current.stretch,
          patch.challenge !== undefined ? patch.challenge : current.challenge,
        );
        if (!(await r.update(actor.orgId, id, input.version, patch))) throw staleVersion();
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const r = quotasRepository(tx);
        await writable(tx, actor, 'delete', await r.lockForWrite(actor.orgId, id));
        await r.remove(actor.orgId, id);
      });
    },
  };
}
