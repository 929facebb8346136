// The demo's shared pool 公海: a few accounts nobody owns (dropped by earlier prospect reviews), so
// a rep signing in can try claiming one. Loaded after the deals, which would otherwise open deals
// on them; the demo's final scoring pass scores them with the rest.
import { accountKeys } from '../../db/duplicate-keys.ts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, orgs, users } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import { DAY_MS } from '../../../core/time.ts';
import { accountSearchDocument } from '../../../core/search.ts';
import type { OwnershipType } from '../../../core/enums.ts';

const POOL: readonly {
  name: string;
  shortName: string;
  ownershipType: OwnershipType;
  industry: string;
  province: string;
  city: string;
  daysAgo: number;
}[] = [
  {
    name: '合肥市数据资源局',
    shortName: '合肥数据局',
    ownershipType: 'government',
    industry: '政务',
    province: '安徽省',
    city: '合肥',
    daysAgo: 40,
  },
  {
    name: '厦门市第三医院',
    shortName: '厦门三院',
    ownershipType: 'institution',
    industry: '医疗卫生',
    province: '福建省',
    city: '厦门',
    daysAgo: 21,
  },
  {
    name: '长沙星河物流有限公司',
    shortName: '星河物流',
    ownershipType: 'private',
    industry: '物流',
    province: '湖南省',
    city: '长沙',
    daysAgo: 9,
  },
  {
    name: '昆明滇池水务集团有限公司',
    shortName: '滇池水务',
    ownershipType: 'soe',
    industry: '公用事业',
    province: '云南省',
    city: '昆明',
    daysAgo: 3,
  },
];

export async function seedDemoPool(db: Db): Promise<void> {
  const [org] = await db.select({ id: orgs.id }).from(orgs).limit(1);
  if (!org) return;
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, org.id), eq(users.role, 'admin')))
    .limit(1);
  const now = Date.now();
  await db.insert(accounts).values(
    POOL.map(({ daysAgo, ...p }) => {
      const doc = accountSearchDocument(p);
      const pooledAt = new Date(now - daysAgo * DAY_MS);
      return {
        orgId: org.id,
        id: newId(),
        ...p,
        ownerId: null,
        pooledAt,
        prospectReview: 'pool',
        reviewedAt: pooledAt,
        searchGrams: doc.grams,
        ...accountKeys(p),
        searchText: doc.text,
        createdBy: admin?.id ?? null,
        createdAt: new Date(pooledAt.getTime() - 180 * DAY_MS),
        updatedAt: pooledAt,
      };
    }),
  );
}
