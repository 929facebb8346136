// Spreadsheet import (issue 22): checks an upload and its options before anything is queued (a bad file,
// mapping or owner is a 4xx at once), stores it as a job that the runner takes, and answers the job's
// progress, the history of imports and the error report. Rules of each entity live with its module.
import type { Writable } from 'node:stream';
import type { Db } from '../../db/client.ts';
import { assertCan, seesWholeOrganisation, userInScope, type Actor } from '../../access/index.ts';
import { AppError, fieldError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { readSheet, SheetError, sniffCsvEncoding, type SheetFormat, type SheetRow } from '../../lib/sheets/read.ts';
import { IMPORT_FIELDS, IMPORT_ENTITIES, type ImportEntity } from '../../../core/import/headers.ts';
import {
  IMPORT_MATCHES,
  IMPORT_MODES,
  type ImportJob,
  type ImportMapping,
  type ImportPreview,
  type ImportStatus,
} from '../../../core/schemas/imports.ts';
import type { MessageCode } from '../../../core/messages.ts';
import { messagePair } from '../../../core/messages.ts';
import { importsRepository, type ImportRowRecord } from './repository.ts';
import { fieldLabel, mappingOf, missingFields, resolveColumns } from './columns.ts';
import { rowPreparer, type OwnerTarget } from './rows.ts';
import { writeReport } from './report.ts';
import type { ImportRunner, StoredOptions } from './runner.ts';

/** The form's parts as the route collected them: the file and the text fields. */
export interface ImportUpload {
  fileName: string;
  content: Buffer;
  fields: Record<string, string>;
}

const ACCESS: Record<ImportEntity, 'account' | 'contact' | 'deal' | 'activity'> = {
  accounts: 'account',
  contacts: 'contact',
  opportunities: 'deal',
  activities: 'activity',
};
const PREVIEW_ROWS = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function formatOf(fileName: string, content: Buffer): SheetFormat {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  // A name without an extension: an xlsx is a zip (PK…).
  if (!ext || ext === fileName.toLowerCase()) return content.subarray(0, 2).toString() === 'PK' ? 'xlsx' : 'csv';
  throw fieldError('file', 'import_file_type');
}

function sheetIssue(e: unknown): never {
  if (e instanceof SheetError) {
    const code: MessageCode =
      e.code === 'encoding' ? 'import_file_encoding' : e.code === 'empty' ? 'import_file_empty' : 'import_file_corrupt';
    throw fieldError('file', code);
  }
  throw e;
}

function oneOf<T extends string>(fields: Record<string, string>, name: string, allowed: readonly T[], fallback: T): T {
  const v = fields[name];
  if (v === undefined || v === '') return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw fieldError(name, 'enum', { allowed: allowed.join(', ') });
  return v as T;
}

function entityOf(actor: Actor, fields: Record<string, string>): ImportEntity {
  const entity = fields.entity;
  if (!entity) throw fieldError('entity', 'required');
  if (!(IMPORT_ENTITIES as readonly string[]).includes(entity)) {
    throw fieldError('entity', 'enum', { allowed: IMPORT_ENTITIES.join(', ') });
  }
  const e = entity as ImportEntity;
  assertCan(actor, 'create', ACCESS[e]);
  return e;
}

function mappingFrom(fields: Record<string, string>): ImportMapping | undefined {
  if (!fields.mapping) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fields.mapping);
  } catch {
    throw fieldError('mapping', 'invalid');
  }
  if (
    !parsed ||
    typeof parsed !== 'object' ||
    Array.isArray(parsed) ||
    !Object.values(parsed).every((v) => v === null || typeof v === 'string')
  ) {
    throw fieldError('mapping', 'invalid');
  }
  return parsed as ImportMapping;
}

/** The file's header and first rows; a file that cannot be read is a 400 naming `file`. */
async function head(content: Buffer, format: SheetFormat, encoding: 'utf-8' | undefined, rows: number) {
  const out: SheetRow[] = [];
  try {
    for await (const r of readSheet(content, format, { encoding })) {
      out.push(r);
      if (out.length > rows) break;
    }
  } catch (e) {
    sheetIssue(e);
  }
  if (out.length < 2) throw fieldError('file', 'import_file_empty');
  return { headers: out[0].cells.map((c) => (c === null ? '' : String(c))), rows: out.slice(1) };
}

function present(r: { job: ImportRowRecord; userName: string | null }, lang: 'zh' | 'en'): ImportJob {
  const j = r.job;
  const opts = j.options as StoredOptions;
  const error = j.error ? (JSON.parse(j.error) as { zh: string; en: string }) : null;
  return {
    id: j.id,
    entity: j.entity as ImportEntity,
    status: j.status as ImportStatus,
    fileName: j.fileName,
    dryRun: j.dryRun,
    mode: opts.mode,
    match: opts.match,
    total: j.total,
    done: j.done,
    rejected: j.rejected,
    created: j.created,
    updated: j.updated,
    error: error ? error[lang] : null,
    reportAvailable: (j.status === 'done' || j.status === 'failed') && j.rejected > 0,
    userId: j.userId,
    userName: r.userName,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

export function importsService(db: Db, runner: ImportRunner, limits: { maxMb: number; maxRows: number }) {
  const repo = importsRepository(db);

  async function visibleJob(actor: Actor, id: string) {
    if (!UUID.test(id)) throw notFound();
    const r = await repo.get(actor.orgId, id);
    // One's own imports; an admin (whole organisation) sees everyone's.
    if (!r || (r.job.userId !== actor.userId && !seesWholeOrganisation(actor))) throw notFound();
    return r;
  }

  function ownerTarget(
    actor: Actor,
    entity: ImportEntity,
    fields: Record<string, string>,
    hasOwnerColumn: boolean,
  ): OwnerTarget {
    const v = fields.ownerId;
    if (v === 'pool') {
      if (entity !== 'accounts') throw fieldError('ownerId', 'import_pool_accounts_only');
      // Without an owner an account leaves a scoped importer's view (as on the account form).
      if (!seesWholeOrganisation(actor)) throw fieldError('ownerId', 'required');
      return { kind: 'pool' };
    }
    if (v === 'column') return { kind: 'column' };
    if (v) {
      if (!UUID.test(v) || !userInScope(actor, v)) throw fieldError('ownerId', 'unknown_user');
      return { kind: 'user', id: v };
    }
    return hasOwnerColumn ? { kind: 'column' } : { kind: 'user', id: actor.userId };
  }

  return {
    async preview(actor: Actor, upload: ImportUpload): Promise<ImportPreview> {
      const entity = entityOf(actor, upload.fields);
      const format = formatOf(upload.fileName, upload.content);
      const sent = mappingFrom(upload.fields);
      const mapping = sent ?? (await repo.mapping(actor.orgId, actor.userId, entity)) ?? {};
      const encoding = upload.fields.encoding === 'utf-8' ? 'utf-8' : undefined;
      const { headers, rows } = await head(upload.content, format, encoding, PREVIEW_ROWS);
      const columns = resolveColumns(entity, headers, mapping);
      const owner = ownerTarget(
        actor,
        entity,
        upload.fields,
        columns.some((c) => c.field === 'owner'),
      );
      const prepare = rowPreparer(actor, entity, columns, owner);
      const { good, bad } = await prepare(db, rows);
      const shown = (v: unknown) =>
        v === null || v === undefined ? null : Array.isArray(v) ? v.join('、') : String(v);
      const out: ImportPreview['rows'] = [
        ...good.map((g) => ({
          row: g.row,
          values: Object.fromEntries(
            [...Object.entries(g.data), ...Object.entries(g.refs)].map(([k, v]) => [k, shown(v)]),
          ),
          errors: [],
        })),
        ...bad.map((b) => ({
          row: b.row,
          values: Object.fromEntries(
            columns.flatMap((c) =>
              c.field ? [[c.field, shown(b.read && c.field in b.read ? b.read[c.field] : b.cells[c.column])]] : [],
            ),
          ),
          errors: b.issues.map((i) => ({
            field: i.field,
            code: i.code,
            message: `${fieldLabel(entity, i.field, actor.lang)}${actor.lang === 'zh' ? '：' : ': '}${messagePair(i.code, i.params)[actor.lang]}`,
          })),
        })),
      ].sort((a, b) => a.row - b.row);
      return {
        entity,
        fileName: upload.fileName,
        format,
        ...(format === 'csv' ? { encoding: encoding ?? sniffCsvEncoding(upload.content.subarray(0, 64 * 1024)) } : {}),
        columns,
        missing: missingFields(entity, columns),
        fields: IMPORT_FIELDS[entity].map((f) => ({
          field: f.field,
          kind: f.kind,
          required: !!f.required,
          label: fieldLabel(entity, f.field, actor.lang),
        })),
        rows: out,
      };
    },

    async start(actor: Actor, upload: ImportUpload): Promise<ImportJob> {
      const entity = entityOf(actor, upload.fields);
      const format = formatOf(upload.fileName, upload.content);
      const match = oneOf(upload.fields, 'match', IMPORT_MATCHES, 'both');
      const mode = oneOf(upload.fields, 'mode', IMPORT_MODES, 'all');
      const dryRun = oneOf(upload.fields, 'dryRun', ['true', 'false'] as const, 'false') === 'true';
      const sent = mappingFrom(upload.fields);
      const mapping = sent ?? (await repo.mapping(actor.orgId, actor.userId, entity)) ?? {};
      const encoding = upload.fields.encoding === 'utf-8' ? 'utf-8' : undefined;
      const { headers } = await head(upload.content, format, encoding, 1);
      const columns = resolveColumns(entity, headers, mapping);
      const missing = missingFields(entity, columns);
      if (missing.length) {
        throw new AppError(400, 'validation', {}, [
          {
            path: 'mapping',
            code: 'import_missing_required',
            params: { fields: missing.map((f) => fieldLabel(entity, f, actor.lang)).join(', ') },
          },
        ]);
      }
      const owner = ownerTarget(
        actor,
        entity,
        upload.fields,
        columns.some((c) => c.field === 'owner'),
      );
      const options: StoredOptions = {
        mapping: mappingOf(columns),
        match,
        mode,
        owner,
        format,
        ...(encoding ? { encoding } : {}),
        maxRows: limits.maxRows,
        actor,
      };
      const id = newId();
      await repo.create(
        {
          orgId: actor.orgId,
          id,
          userId: actor.userId,
          entity,
          fileName: upload.fileName.slice(0, 200),
          options,
          dryRun,
        },
        upload.content,
      );
      await repo.saveMapping(actor.orgId, actor.userId, entity, mappingOf(columns));
      runner.kick(actor.orgId, id);
      return this.get(actor, id);
    },

    async get(actor: Actor, id: string): Promise<ImportJob> {
      const live = runner.liveJob(actor.orgId, id);
      if (live && (live.userId === actor.userId || seesWholeOrganisation(actor))) {
        return present({ job: live, userName: null }, actor.lang);
      }
      return present(await visibleJob(actor, id), actor.lang);
    },

    async list(actor: Actor): Promise<{ items: ImportJob[] }> {
      const rows = await repo.list(actor.orgId, seesWholeOrganisation(actor) ? null : actor.userId, 50);
      return { items: rows.map((r) => present(r, actor.lang)) };
    },

    mapping: async (actor: Actor, entity: ImportEntity) => ({
      entity,
      mapping: (await repo.mapping(actor.orgId, actor.userId, entity)) ?? {},
    }),

    async report(actor: Actor, id: string, out: Writable): Promise<void> {
      const r = await visibleJob(actor, id);
      const rejects = await repo.rejects(actor.orgId, id);
      await writeReport(out, (r.job.headers as string[] | null) ?? [], rejects);
    },

    reportName: async (actor: Actor, id: string) => {
      const r = await visibleJob(actor, id);
      return `${r.job.fileName.replace(/\.(xlsx|csv|txt)$/i, '')}-错误报告.xlsx`;
    },

    limits,
  };
}
