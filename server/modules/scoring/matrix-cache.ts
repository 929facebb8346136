// The tier matrix groups every live account in the caller's scope: a scan of the organisation's
// accounts for an admin (~300 ms at 100k), while the page beside it walks an index. Each instance
// keeps it for a few seconds per organisation and scope, one query in flight per key, and forgets
// an organisation's matrices when its scores or tiers change here; another instance's writes (and
// archive/restore, hand-overs) show within the time to live.
import { createHash } from 'node:crypto';
import type { Actor } from '../../lib/actor.ts';

const TTL_MS = 15_000;
const MAX_SCOPES_PER_ORG = 200;

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

function scopeKey(actor: Actor): string {
  if (actor.scopeUserIds === null) return 'all';
  const ids = `${[...actor.scopeUserIds].sort().join(',')}|${[...actor.teamAccountIds].sort().join(',')}`;
  return createHash('sha1').update(ids).digest('base64url');
}

export function scopedCache<T>() {
  const byOrg = new Map<string, Map<string, Entry<T>>>();
  return {
    get(actor: Actor, load: () => PromiseLike<T>): Promise<T> {
      const org = byOrg.get(actor.orgId) ?? new Map<string, Entry<T>>();
      byOrg.set(actor.orgId, org);
      const key = scopeKey(actor);
      const hit = org.get(key);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
      if (org.size >= MAX_SCOPES_PER_ORG) org.clear();
      // Adopted once: a query builder would run again for every caller awaiting it.
      const value = (async () => load())();
      const entry = { at: Date.now(), value };
      org.set(key, entry);
      // A failed query is not remembered.
      value.catch(() => org.get(key) === entry && org.delete(key));
      return value;
    },
    forget(orgId: string) {
      byOrg.delete(orgId);
    },
  };
}
