// Per-organisation caches that stay right across app instances. Every request needs its caller's
// session and scope, and the board its funnel: rows that change rarely, read on every request (one
// round trip each). Triggers (migration 0024) announce each change of them on ORG_CHANGED with the
// organisation's id, at commit, to every listening instance; an instance then drops that
// organisation's entries. While the feed is down (not yet listening, or its connection lost) nothing
// is cached, and everything held before is void: a change in the gap would have gone unheard.
import type { Database, Db } from './client.ts';

export const ORG_CHANGED = 'okam_org_changed';

/** What this instance has heard: a stamp per organisation that moves on with every change. */
export class OrgChanges {
  private readonly generations = new Map<string, number>();
  /** Bumped whenever the feed is lost, so no stamp from before matches again. */
  private epoch = 0;
  private live = false;

  /** The organisation's current stamp; null while the feed is down (cache nothing). */
  stamp(orgId: string): string | null {
    return this.live ? `${this.epoch}.${this.generations.get(orgId) ?? 0}` : null;
  }

  changed(orgId: string): void {
    this.generations.set(orgId, (this.generations.get(orgId) ?? 0) + 1);
  }

  setLive(live: boolean): void {
    if (!live || !this.live) {
      this.epoch++;
      this.generations.clear();
    }
    this.live = live;
  }
}

interface Entry<V> {
  stamp: string;
  at: number;
  value: V;
}

/**
 * Values per (organisation, key), each kept until its organisation changes, the feed drops, or `ttlMs`
 * passes (a bound on any change no trigger announces, e.g. a hand edit with triggers disabled).
 */
export class OrgCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly changes: OrgChanges,
    private readonly opts: { ttlMs: number; max: number },
  ) {}

  peek(orgId: string, key: string): V | undefined {
    const stamp = this.changes.stamp(orgId);
    const e = stamp === null ? undefined : this.entries.get(`${orgId}/${key}`);
    return e && e.stamp === stamp && Date.now() - e.at < this.opts.ttlMs ? e.value : undefined;
  }

  async get(orgId: string, key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.peek(orgId, key);
    if (hit !== undefined) return hit;
    const stamp = this.changes.stamp(orgId);
    const value = await load();
    // A change heard while loading may postdate what was read: keep the value only if none was.
    if (stamp !== null && this.changes.stamp(orgId) === stamp && value !== undefined)
      this.put(`${orgId}/${key}`, { stamp, at: Date.now(), value });
    return value;
  }

  delete(orgId: string, key: string): void {
    this.entries.delete(`${orgId}/${key}`);
  }

  private put(k: string, e: Entry<V>): void {
    this.entries.delete(k);
    // Oldest first (a Map keeps insertion order): a full cache forgets its oldest entry.
    if (this.entries.size >= this.opts.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(k, e);
  }
}

interface Feed {
  changes: OrgChanges;
  /** Apps sharing the handle (tests build several on one database); the last to stop ends it. */
  users: number;
  started: Promise<() => Promise<void>>;
}

const feeds = new WeakMap<Db, Feed>();

/** The change feed of this database handle; undefined for a transaction or a handle never followed (no caching). */
export function orgChangesOf(db: Db): OrgChanges | undefined {
  return feeds.get(db)?.changes;
}

/** Starts listening for changes on the database (once per handle); returns the function that stops it. */
export async function followOrgChanges(database: Database): Promise<() => Promise<void>> {
  let feed = feeds.get(database.db);
  if (!feed) {
    const changes = new OrgChanges();
    const started = database.listen(
      ORG_CHANGED,
      (orgId) => changes.changed(orgId),
      (live) => changes.setLive(live),
    );
    feed = { changes, users: 0, started };
    feeds.set(database.db, feed);
  }
  const f = feed;
  f.users++;
  await f.started;
  return async () => {
    if (--f.users > 0) return;
    feeds.delete(database.db);
    await (await f.started)();
  };
}
