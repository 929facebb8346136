// The demo's contacts: each account's buying centre (a reporting tree with titles for its kind of
// customer) and the links between people beyond the reporting line. Split from seed.ts.
import { contactKeys } from '../../db/duplicate-keys.ts';
import type { Db } from '../../db/client.ts';
import { contactLinks, contacts } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import { contactSearchDocument } from '../../../core/search.ts';
import { COVERAGE_LEVELS, type LinkKind } from '../../../core/enums.ts';
import { birthday, landline, mobile, type Rng } from './random.ts';
import { GIVEN_CHARS, GOV_INTEL, INTERESTS, SURNAMES, TITLES } from './people.ts';
import type { DemoAccountSpec } from './demo-accounts.ts';

const CONTACT_TOTAL = 300;

/** A seeded account as the contacts need it; K names the demo's users (seed.ts). */
export interface SeededAccount<K extends string = string> {
  id: string;
  spec: DemoAccountSpec;
  ownerKey: K;
  areaCode: string;
}
type NewContact = typeof contacts.$inferInsert;

export const searchColumns = (doc: { grams: string[]; text: string }) => ({
  searchGrams: doc.grams,
  searchText: doc.text,
});

/** Contacts per account: more at key accounts (a real buying centre), exactly CONTACT_TOTAL in all. */
function contactCounts(seeded: SeededAccount[]): number[] {
  const counts = seeded.map((a) => (a.spec.tier === 'A' ? 7 : a.spec.tier === 'B' ? 5 : 3));
  let diff = CONTACT_TOTAL - counts.reduce((s, c) => s + c, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % counts.length) {
    const step = Math.sign(diff);
    if (counts[i] + step < 2 || counts[i] + step > 8) continue;
    counts[i] += step;
    diff -= step;
  }
  return counts;
}

function titlesFor(spec: DemoAccountSpec) {
  if (spec.ownershipType === 'government') return TITLES.government;
  if (spec.industry === '医疗卫生' || spec.industry === '公共卫生') return TITLES.hospital;
  if (spec.industry === '教育' || spec.industry === '科研') return TITLES.education;
  return TITLES.enterprise;
}

export interface SeededContact {
  id: string;
  accountIndex: number;
  /** Position in the account's hierarchy: 0 is the top decision-maker. */
  rank: number;
}

function uniqueName(rng: Rng, used: Set<string>): string {
  for (;;) {
    const given = rng.pick(GIVEN_CHARS) + (rng.chance(0.7) ? rng.pick(GIVEN_CHARS) : '');
    const name = rng.pick(SURNAMES) + given;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** Each account's buying centre: a reporting tree with titles for its kind of customer. */
export async function seedContacts<K extends string>(
  db: Db,
  orgId: string,
  rng: Rng,
  seeded: SeededAccount<K>[],
  userIds: Record<K, string>,
  managerOf: Partial<Record<K, K>>,
): Promise<SeededContact[]> {
  const counts = contactCounts(seeded);
  const used = new Set<string>();
  const rows: NewContact[] = [];
  const out: SeededContact[] = [];
  seeded.forEach((a, ai) => {
    const titles = titlesFor(a.spec);
    const ids: string[] = [];
    for (let k = 0; k < counts[ai]; k++) {
      const id = newId();
      ids.push(id);
      const [title, department] = titles[k];
      const name = uniqueName(rng, used);
      // A tree by construction: everyone reports to someone listed before them.
      const reportsToId = k === 0 ? null : k === 1 ? ids[0] : ids[rng.chance(0.6) ? 1 : rng.int(0, k - 1)];
      const phone = rng.chance(0.6) ? landline(rng, a.areaCode) : null;
      const mob = rng.chance(0.9) ? mobile(rng) : null;
      const counterpart = rng.chance(0.7)
        ? userIds[k === 0 ? (managerOf[a.ownerKey] ?? a.ownerKey) : a.ownerKey]
        : null;
      rows.push({
        orgId,
        id,
        accountId: a.id,
        name,
        title,
        department,
        reportsToId,
        phone,
        mobile: mob,
        email: rng.chance(0.5) ? `contact${rows.length + 1}@example.cn` : null,
        wechat: mob && rng.chance(0.5) ? `wx_${mob.slice(-6)}` : null,
        birthday: rng.chance(0.35) ? birthday(rng) : null,
        influence: k < 2 ? 'high' : rng.pick(['high', 'medium', 'medium', 'low']),
        attitude: rng.weighted([
          [-3, 1],
          [-1, 2],
          [0, 3],
          [1, 3],
          [2, 3],
          [3, 2],
          [4, 1],
          [5, 1],
          [-5, 0.3],
        ]),
        coverage: rng.pick(COVERAGE_LEVELS),
        counterpartId: counterpart,
        interests: rng.chance(0.4) ? `${rng.pick(INTERESTS)}、${rng.pick(INTERESTS)}` : null,
        goals: k === 0 ? '年内完成重点项目验收，争取上级表彰' : null,
        // Fixed by rank rather than drawn, so the demo's random sequence (and everything seeded after) stays as it was.
        ...(a.spec.ownershipType === 'government' ? GOV_INTEL[k] : {}),
        ...searchColumns(contactSearchDocument({ name, phone, mobile: mob })),
        createdBy: userIds[a.ownerKey],
      });
      out.push({ id, accountIndex: ai, rank: k });
    }
  });
  // Within each account referenced contacts precede their reports, so one insert resolves the FK.
  await db.insert(contacts).values(rows.map((r) => ({ ...r, ...contactKeys(r) })));
  return out;
}

const LINK_NOTES: Record<LinkKind, string[]> = {
  superior: ['项目虚线汇报'],
  peer: ['同一领导小组成员', '联合评审专家'],
  subordinate: ['曾是其直属下属'],
  administrative: ['行政主管关系', '业务指导关系'],
  social: ['校友（同届MBA）', '同乡', '高尔夫球友'],
  family: ['夫妻', '表兄弟'],
};

/** Links between contacts beyond the reporting line: peers, old bosses, friends and family. */
export async function seedContactLinks(
  db: Db,
  orgId: string,
  rng: Rng,
  seeded: SeededAccount[],
  people: SeededContact[],
): Promise<void> {
  const rows: (typeof contactLinks.$inferInsert)[] = [];
  const add = (from: SeededContact, to: SeededContact, kind: LinkKind) => {
    if (from.id !== to.id)
      rows.push({
        orgId,
        id: newId(),
        fromContactId: from.id,
        toContactId: to.id,
        kind,
        note: rng.pick(LINK_NOTES[kind]),
      });
  };
  const tops = people.filter((p) => p.rank === 0);
  const topOf = (industry: string, type: string) =>
    tops.filter(
      (p) => seeded[p.accountIndex].spec.industry === industry && seeded[p.accountIndex].spec.ownershipType === type,
    );
  // The health commission supervises the public hospitals: 行政 links from its head to theirs.
  const commission = topOf('医疗卫生', 'government')[0];
  for (const hospital of topOf('医疗卫生', 'institution')) if (commission) add(commission, hospital, 'administrative');
  // Group head → subsidiary heads.
  const group = seeded.findIndex((a) => !a.spec.parent && seeded.some((b) => b.spec.parent === a.spec.shortName));
  for (const sub of tops.filter((p) => seeded[p.accountIndex].spec.parent === seeded[group]?.spec.shortName)) {
    const head = tops.find((t) => t.accountIndex === group);
    if (head) {
      add(head, sub, 'superior');
      add(sub, head, 'subordinate');
    }
  }
  for (let i = 0; i < 20; i++) {
    const a = rng.pick(people);
    const b = rng.pick(people);
    if (a.accountIndex === b.accountIndex && a.rank > 0 && b.rank > 0) add(a, b, 'peer');
    else
      add(
        a,
        b,
        rng.weighted([
          ['social', 5],
          ['peer', 2],
          ['family', 1],
        ] as const),
      );
  }
  await db.insert(contactLinks).values(rows);
}
