// Pareto / ABC as a file (issue 22): every ranked account of GET /analysis/pareto (the class filter
// held), read through its own pages, headed as the page's table heads them.
import type { FastifyReply } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../access/index.ts';
import { enumLabel, labelAt, sendExport, type ExportFormat, type ExportSpec } from '../../kernel/export.ts';
import type { paretoService } from './pareto.service.ts';
import type { ParetoItem, ParetoQuery, ParetoResult } from '../../../core/schemas/key-accounts.ts';
import { keyAccounts as zh } from '../../../web/i18n/zh-CN/key-accounts.ts';
import { keyAccounts as en } from '../../../web/i18n/en/key-accounts.ts';

const label = (path: string) => labelAt(zh, en, `pareto.${path}`);

function paretoSpec(metric: NonNullable<ParetoQuery['metric']>): ExportSpec<ParetoItem> {
  return {
    list: 'pareto',
    title: { zh: '二八分析', en: 'Pareto' },
    columns: [
      { zh: '排名', en: 'Rank', kind: 'integer', width: 8, value: (r) => r.rank },
      { ...label('col.account'), kind: 'text', width: 32, value: (r) => r.name },
      { ...label('col.owner'), kind: 'text', width: 12, value: (r) => r.ownerName },
      { ...label('col.tier'), kind: 'text', width: 10, value: (r, c) => enumLabel('tier', r.tier, c.lang) },
      { ...label(`metric.${metric}`), kind: 'money', value: (r) => r.value },
      { ...label('col.share'), kind: 'percent', width: 10, value: (r) => r.share },
      { ...label('col.cumulative'), kind: 'percent', width: 10, value: (r) => r.cumulativeShare },
      { ...label('col.class'), kind: 'text', width: 8, value: (r) => r.class },
    ],
  };
}

/** The ranked accounts page by page from the first. */
async function* ranked(
  service: ReturnType<typeof paretoService>,
  actor: Actor,
  q: ParetoQuery,
  limit: number,
  first: ParetoResult,
) {
  let page = first;
  for (let offset = limit; ; offset += limit) {
    yield* page.items;
    if (page.items.length < limit || offset >= page.itemsTotal) return;
    page = await service.pareto(actor, { ...q, limit, offset });
  }
}

export async function sendParetoExport<R extends FastifyReply>(
  app: { db: Db; config: { exportBatchSize: number } },
  service: ReturnType<typeof paretoService>,
  actor: Actor,
  query: ParetoQuery & { format: ExportFormat },
  reply: R,
): Promise<R> {
  // The first page before anything is sent: a bad window still answers its 400. Every page ranks the
  // whole scope again (one pass over it, ~0.25 s at 100k accounts), so the file reads ten lists' pages
  // at a time: 98k accounts took 51 s in pages of 500, and take 7.5 s in pages of 10,000 (a few MB).
  const limit = app.config.exportBatchSize * 10;
  const first = await service.pareto(actor, { ...query, limit, offset: 0 });
  const rows = ranked(service, actor, query, limit, first);
  return sendExport({ db: app.db, actor, reply, format: query.format, spec: paretoSpec(first.metric), rows, query });
}
