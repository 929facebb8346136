// A list taken out as .xlsx or CSV (issue 22): `GET <list>?format=xlsx|csv` answers every row the list's
// own filter and sort match, read through the list's own keyset pages in batches (so the data scope and
// the filter are the list's, not a copy, and 100k rows never sit in memory), headers in the caller's
// language, and one history row saying who took which list out, with how many rows.
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Actor } from '../access/index.ts';
import { newId } from '../lib/ids.ts';
import { writeSheet, type ColumnKind, type ExportCell, type SheetColumn } from '../lib/sheets/write.ts';
import { historyWriter } from './history.ts';
import { orgTimeZone } from './settings.ts';
import { localDate, localParts, todayIn } from '../../core/time.ts';
import type { Lang } from '../../core/messages.ts';
import { enums as zhEnums } from '../../web/i18n/zh-CN/enums.ts';
import { enums as enEnums } from '../../web/i18n/en/enums.ts';
import { fields as zhFields } from '../../web/i18n/zh-CN/fields.ts';
import { fields as enFields } from '../../web/i18n/en/fields.ts';

export type ExportFormat = 'xlsx' | 'csv';

/** What a column's value function knows besides the row: the reader's language and the org's zone. */
export interface ExportContext {
  lang: Lang;
  zone: string;
}

/** One column of a list's export: its header in both languages, its kind and how a row fills it. */
export interface ExportColumn<T> {
  zh: string;
  en: string;
  kind: ColumnKind;
  value: (row: T, ctx: ExportContext) => ExportCell;
  width?: number;
}

/** A list's export: its name in history, its file and sheet name in both languages, and its columns. */
export interface ExportSpec<T> {
  list: string;
  title: { zh: string; en: string };
  columns: readonly ExportColumn<T>[];
}

/** A keyset page as every list's service answers it. */
export type PageFetch<T> = (
  cursor: string | undefined,
  limit: number,
) => Promise<{ items: T[]; nextCursor: string | null }>;

type FieldGroups = typeof zhFields.field;
/** A field's label as forms and list headers show it (web/i18n's fields), so a file's headers match the screen. */
export function fieldLabel<E extends keyof FieldGroups>(
  entity: E,
  field: keyof FieldGroups[E],
): { zh: string; en: string } {
  const label = (f: typeof zhFields.field) => (f[entity] as Record<string, string>)[field as string];
  return { zh: label(zhFields.field), en: label(enFields.field as typeof zhFields.field) };
}

/**
 * A label at a dotted path in one of web/i18n's message trees, in both languages (a column named as
 * the screen names it: `forecast.col.commit`). The path is checked by the export tests, which read
 * every header.
 */
export function labelAt(zh: object, en: object, path: string): { zh: string; en: string } {
  const at = (tree: object) => {
    let node: unknown = tree;
    for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
    if (typeof node !== 'string') throw new Error(`no label at ${path}`);
    return node;
  };
  return { zh: at(zh), en: at(en) };
}

type EnumGroups = typeof zhEnums.enum;
/** The label the web shows for an enum value (web/i18n's enums), the value itself when none is known. */
export function enumLabel(group: keyof EnumGroups, value: string | null | undefined, lang: Lang): string | null {
  if (value === null || value === undefined) return null;
  const labels = (lang === 'en' ? enEnums : zhEnums).enum[group] as Record<string, string>;
  return labels[value] ?? value;
}

/** 是 / 否 (Yes / No) for a flag. */
export const yesNo = (v: boolean | null | undefined, ctx: ExportContext): string | null =>
  v === null || v === undefined ? null : ctx.lang === 'en' ? (v ? 'Yes' : 'No') : v ? '是' : '否';

/** A stored instant's wall-clock time in the org's zone (HH:mm), beside its day. */
export const timeOf = (iso: string | null | undefined, ctx: ExportContext): string | null =>
  iso ? localParts(new Date(iso), ctx.zone).time : null;

/** A stored instant as the org's calendar day (an ISO time's own date would be UTC's). */
export const dayOf = (iso: string | null | undefined, ctx: ExportContext): string | null =>
  iso ? localDate(new Date(iso), ctx.zone) : null;

const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** `attachment` with an ASCII fallback name and the real one as RFC 5987 UTF-8 (客户-2026-12-07.xlsx). */
export function contentDisposition(name: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Every row of a keyset list, read page by page, `batch` rows at a time. */
export async function* keysetRows<T>(
  first: { items: T[]; nextCursor: string | null },
  fetch: PageFetch<T>,
  batch: number,
) {
  let page = first;
  for (;;) {
    yield* page.items;
    if (!page.nextCursor) return;
    page = await fetch(page.nextCursor, batch);
  }
}

export interface SendExport<T, R extends FastifyReply> {
  db: Db;
  actor: Actor;
  reply: R;
  format: ExportFormat;
  spec: ExportSpec<T>;
  /** The rows in the list's order. */
  rows: AsyncIterable<T> | Iterable<T>;
  /** The filter as the caller gave it, kept in the history row (paging fields left out). */
  query?: Record<string, unknown>;
}

const PAGING = new Set(['cursor', 'limit', 'format', 'health']);

/**
 * Waits while the download's buffer is full (a slow reader), and fails once the download is gone: the
 * xlsx writer pushes into its zip without waiting, so this is what keeps the reads of the next page
 * in step with the reader, and stops them when the reader leaves.
 */
async function roomIn(out: PassThrough): Promise<void> {
  if (out.destroyed) throw new Error('the download was closed');
  if (!out.writableNeedDrain) return;
  await new Promise<void>((resolve, reject) => {
    const drained = () => {
      out.off('close', closed);
      resolve();
    };
    const closed = () => {
      out.off('drain', drained);
      reject(new Error('the download was closed'));
    };
    out.once('drain', drained);
    out.once('close', closed);
  });
}

/**
 * Streams the file as the answer. The history row is written when the last row has been read, before
 * the file's end goes out, so a finished download is always recorded (with its row count).
 */
export async function sendExport<T, R extends FastifyReply>({
  db,
  actor,
  reply,
  format,
  spec,
  rows,
  query,
}: SendExport<T, R>): Promise<R> {
  const ctx: ExportContext = { lang: actor.lang, zone: await orgTimeZone(db, actor.orgId) };
  const columns: SheetColumn[] = spec.columns.map((c) => ({ header: c[ctx.lang], kind: c.kind, width: c.width }));
  const filter = Object.fromEntries(Object.entries(query ?? {}).filter(([k, v]) => !PAGING.has(k) && v !== undefined));
  const out = new PassThrough();
  async function* cells(): AsyncGenerator<ExportCell[]> {
    let n = 0;
    for await (const row of rows) {
      await roomIn(out);
      yield spec.columns.map((c) => c.value(row, ctx));
      n++;
    }
    await historyWriter(db).record(actor.orgId, 'export', newId(), 'export', actor.userId, [
      { field: 'list', old: null, new: spec.list },
      { field: 'format', old: null, new: format },
      { field: 'rows', old: null, new: n },
      { field: 'filter', old: null, new: filter },
    ]);
  }
  const day = todayIn(ctx.zone);
  writeSheet(out, format, columns, cells(), spec.title[ctx.lang].slice(0, 31)).catch((err: unknown) => {
    // The reader left: nothing to tell anyone (and no history row, the file was not taken).
    if (out.destroyed) return;
    // The status line has gone out: all that is left is to cut the download short, so it is not taken
    // for a whole file.
    reply.log.error({ err }, `export of ${spec.list} failed`);
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  reply
    .header('content-type', MIME[format])
    .header(
      'content-disposition',
      contentDisposition(`${spec.title[ctx.lang]}-${day}.${format}`, `${spec.list}-${day}.${format}`),
    )
    .header('cache-control', 'no-store')
    .send(out);
  return reply;
}

/**
 * A keyset list's export: the first page is read before anything is sent, so a bad filter or cursor
 * still answers its 4xx; the rest follows page by page while the file streams.
 */
export async function sendListExport<T, R extends FastifyReply>(
  args: Omit<SendExport<T, R>, 'rows'> & { fetch: PageFetch<T>; batch: number },
): Promise<R> {
  const first = await args.fetch(undefined, args.batch);
  return sendExport({ ...args, rows: keysetRows(first, args.fetch, args.batch) });
}

/**
 * A list route's GET: the page as before, or with `format` the file, read through the same `list`
 * (same filter, sort and scope) `batch` rows a page. `exportQuery` adjusts the query for the file
 * only (e.g. leaving out per-row reads the file has no column for).
 */
export function listOrExport<
  Q extends { format?: ExportFormat; cursor?: string; limit?: number },
  T,
  P extends { items: T[]; nextCursor: string | null },
>(
  app: { db: Db; config: { exportBatchSize: number } },
  spec: ExportSpec<T> | ((actor: Actor) => Promise<ExportSpec<T>>),
  list: (actor: Actor, query: Q) => Promise<P>,
  exportQuery: (query: Q) => Q = (q) => q,
) {
  return async <R extends FastifyReply>(actor: Actor, query: Q, reply: R): Promise<P | R> => {
    if (!query.format) return list(actor, query);
    const base = exportQuery(query);
    return sendListExport({
      db: app.db,
      actor,
      reply,
      format: query.format,
      spec: typeof spec === 'function' ? await spec(actor) : spec,
      query,
      batch: app.config.exportBatchSize,
      fetch: (cursor, limit) => list(actor, { ...base, cursor, limit }),
    });
  };
}
