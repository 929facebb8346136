// One group for the group and whitespace tests: 集团总部 (甲's) with 北方分公司 (甲) → 北京办 (甲) and
// 南方分公司 (乙's, hidden from 甲) → 广州办 (甲's again: hung from the top in 甲's view).
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { OpportunityDetail } from '../../../core/schemas/deals.ts';

type User = Awaited<ReturnType<Factories['user']>>;

export interface GroupFixture {
  t: TestApp;
  f: Factories;
  u1: User;
  u2: User;
  ids: { hq: string; north: string; beijing: string; south: string; guangzhou: string };
  deals: {
    hqOpen: OpportunityDetail;
    beijingOpen: OpportunityDetail;
    northOpen: OpportunityDetail;
    southOpen: OpportunityDetail;
  };
  products: { hardware: string; software: string; service: string };
}

export async function buildGroup(): Promise<GroupFixture> {
  const t = await build();
  const f = await seedOrg(t.app);
  const u1 = await f.user({ name: '甲' });
  const u2 = await f.user({ name: '乙' });
  const stages = (await f.admin.get('/api/stages')).json().items as { id: string; kind: string }[];
  const won = stages.find((s) => s.kind === 'won')!.id;
  const lost = stages.find((s) => s.kind === 'lost')!.id;

  const account = async (name: string, ownerId: string, ourRevenue: string | null, parentId?: string) =>
    (await f.account(f.admin, { name, ownerId, ourRevenue, parentId, scope: parentId ? 'regional' : 'national' })).id;
  const hq = await account('集团总部', u1.id, '1000000.10');
  const north = await account('北方分公司', u1.id, '200000.20', hq);
  const beijing = await account('北京办', u1.id, '0.05', north);
  const south = await account('南方分公司', u2.id, '300000.30', hq);
  const guangzhou = await account('广州办', u1.id, '7.00', south);

  const product = async (name: string, category: string) =>
    (await f.admin.post('/api/products', { name, category, listPrice: '100.00' })).json().id as string;
  const products = {
    hardware: await product('服务器', '硬件'),
    software: await product('平台软件', '软件'),
    service: await product('驻场运维', '服务'),
  };

  const item = (productId: string, quantity: string, price: string, discount = '0') => ({
    productId,
    quantity,
    price,
    discount,
  });
  const deal = (accountId: string, input: object) => f.deal(f.admin, { accountId, ...input });
  const hqOpen = await deal(hq, { amount: '100000.01', items: [item(products.software, '1', '500.00')] });
  await deal(hq, {
    amount: undefined,
    stageId: won,
    items: [item(products.hardware, '1.5', '1000.01', '10'), item(products.hardware, '2', '0.50')],
  });
  const beijingOpen = await deal(beijing, { amount: '33333.33', items: [item(products.hardware, '3', '200.00')] });
  await deal(beijing, { amount: '12345.67', stageId: won, items: [item(products.hardware, '1', '12345.67')] });
  await deal(beijing, {
    amount: '999.00',
    stageId: lost,
    lostReason: '价格',
    items: [item(products.software, '1', '999.00')],
  });
  const northOpen = await deal(north, { amount: '777.00' }); // no line items: in no category
  const southOpen = await deal(south, { amount: '5000.00', items: [item(products.software, '1', '5000.00')] });
  await deal(south, { amount: '800.00', stageId: won, items: [item(products.software, '1', '800.00')] });

  const contact = (accountId: string, coverage: 'none' | 'brief' | 'in_depth' | 'multiple') =>
    f.contact(f.admin, { accountId, coverage });
  await contact(hq, 'multiple');
  await contact(hq, 'none');
  await contact(beijing, 'brief');
  await contact(south, 'in_depth');

  return {
    t,
    f,
    u1,
    u2,
    ids: { hq, north, beijing, south, guangzhou },
    deals: { hqOpen, beijingOpen, northOpen, southOpen },
    products,
  };
}
