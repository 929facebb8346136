import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { AppError, fieldError } from '../../lib/errors.ts';
import { importsService, type ImportUpload } from './service.ts';
import { ErrorResponse, IdParams } from '../../../core/schemas/common.ts';
import {
  ImportJob,
  ImportJobList,
  ImportMappingQuery,
  ImportPreview,
  SavedImportMapping,
} from '../../../core/schemas/imports.ts';

const tags = ['imports'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 413: ErrorResponse };
/** Reads the form: one file, text fields; a file over the limit is a 413 naming the limit. */
async function collectUpload(req: FastifyRequest, maxMb: number): Promise<ImportUpload> {
  if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type');
  const fields: Record<string, string> = {};
  let file: { fileName: string; content: Buffer } | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          await part.toBuffer();
          continue;
        }
        file = { fileName: part.filename || 'import', content: await part.toBuffer() };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'import_file_too_large', { limit: maxMb });
    }
    throw e;
  }
  if (!file) throw fieldError('file', 'required');
  if (file.content.length === 0) throw fieldError('file', 'import_file_empty');
  return { ...file, fields };
}

export async function importsRoutes(app: App) {
  const service = importsService(app.db, app.imports, {
    maxMb: app.config.importMaxMb,
    maxRows: app.config.importMaxRows,
  });
  await app.register(multipart, {
    limits: { fileSize: app.config.importMaxMb * 1024 * 1024, files: 1, fields: 20, fieldSize: 1024 * 1024 },
  });

  app.post(
    '/imports/preview',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ImportPreview, ...errors } } },
    async (req) => service.preview(actorOf(req), await collectUpload(req, app.config.importMaxMb)),
  );
  app.post(
    '/imports',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 202: ImportJob, ...errors } } },
    async (req, reply) =>
      reply.code(202).send(await service.start(actorOf(req), await collectUpload(req, app.config.importMaxMb))),
  );
  app.get('/imports', { schema: { tags, response: { 200: ImportJobList } } }, (req) => service.list(actorOf(req)));
  app.get(
    '/imports/mapping',
    { schema: { tags, querystring: ImportMappingQuery, response: { 200: SavedImportMapping, 400: ErrorResponse } } },
    (req) => service.mapping(actorOf(req), req.query.entity),
  );
  app.get(
    '/imports/:id',
    { schema: { tags, params: IdParams, response: { 200: ImportJob, 404: ErrorResponse } } },
    (req) => service.get(actorOf(req), req.params.id),
  );
  app.get(
    '/imports/:id/report',
    {
      schema: {
        tags,
        params: IdParams,
        description: 'The rejected rows as .xlsx: the original columns plus 错误原因 (zh and en).',
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const name = await service.reportName(actor, req.params.id);
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        );
      const out = new PassThrough();
      void service.report(actor, req.params.id, out).catch((e: Error) => out.destroy(e));
      return reply.send(out);
    },
  );
}
