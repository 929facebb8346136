// Every error leaves as { statusCode, code, message, messages: {zh,en}, fields? } — never a bare 500 for bad input.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { messagePair, pickLang, type MessageCode, type Params } from '../../core/messages.ts';
import { AppError, isConnectionLoss, sqlState, type FieldIssue } from '../lib/errors.ts';
import { PERIOD_PATTERN, POSITIVE_MONEY_PATTERN } from '../../core/schemas/forecast.ts';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  schema?: unknown;
}

const MONEY_PATTERN = '^\\d{1,16}(\\.\\d{1,2})?$';
/** Patterns with a message of their own; any other says "wrong format". */
const PATTERN_CODES: Record<string, MessageCode> = {
  [MONEY_PATTERN]: 'money',
  [POSITIVE_MONEY_PATTERN]: 'positive_money',
  [PERIOD_PATTERN]: 'period',
};

function ajvIssue(context: string | undefined, e: AjvIssue): FieldIssue {
  const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const child = (e.params.missingProperty ?? e.params.additionalProperty) as string | undefined;
  const local = child ? (base ? `${base}.${child}` : child) : base;
  const path =
    context && context !== 'body'
      ? `${context === 'querystring' ? 'query' : context}${local ? '.' + local : ''}`
      : local;
  const p = e.params;
  const map: Record<string, [MessageCode, Params?]> = {
    required: ['required'],
    minLength: ['min_length', { limit: Number(p.limit) }],
    maxLength: ['max_length', { limit: Number(p.limit) }],
    minimum: ['minimum', { limit: Number(p.limit) }],
    maximum: ['maximum', { limit: Number(p.limit) }],
    exclusiveMinimum: ['exclusive_minimum', { limit: Number(p.limit) }],
    exclusiveMaximum: ['exclusive_maximum', { limit: Number(p.limit) }],
    pattern: [PATTERN_CODES[String(p.pattern).replace(/^\^-\?/, '^')] ?? 'pattern'],
    format: ['format', { format: String(p.format) }],
    enum: ['enum', { allowed: Array.isArray(p.allowedValues) ? p.allowedValues.join(', ') : '' }],
    type: ['type', { type: String(p.type) }],
    additionalProperties: ['unknown_field'],
    maxItems: ['max_items', { limit: Number(p.limit) }],
    multipleOf: ['multiple_of', { limit: Number(p.multipleOf) }],
    // Raised by the inspection in lib/validation.ts, before the schema.
    controlCharacter: ['control_character'],
    maxDepth: ['too_deep', { limit: Number(p.limit) }],
  };
  const [code, params] = map[e.keyword] ?? ['invalid'];
  return { path: path || '(body)', code, params };
}

/** Ajv's errors for a value checked outside a request (an imported row) as field issues, one per field. */
export const schemaIssues = (errors: AjvIssue[]): FieldIssue[] => dedupe(errors.map((e) => ajvIssue(undefined, e)));

/** Union-of-null schemas make Ajv report each branch; keep the most useful issue per field. */
function dedupe(issues: FieldIssue[]): FieldIssue[] {
  const byPath = new Map<string, FieldIssue>();
  for (const i of issues) {
    const prev = byPath.get(i.path);
    if (!prev || (prev.code === 'type' && i.code !== 'type') || prev.code === 'invalid') byPath.set(i.path, i);
  }
  return [...byPath.values()];
}

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: MessageCode,
  params?: Params,
  fields: FieldIssue[] = [],
  extra: Record<string, unknown> = {},
) {
  const lang = req.actor?.lang ?? pickLang(req.headers['accept-language']);
  const messages = messagePair(code, params);
  const body = {
    statusCode: status,
    code,
    message: messages[lang],
    messages,
    ...(fields.length
      ? {
          fields: fields.map((f) => {
            const m = messagePair(f.code, f.params);
            return {
              path: f.path,
              code: f.code,
              message: `${f.path}: ${m[lang]}`,
              messages: { zh: `${f.path}：${m.zh}`, en: `${f.path} ${m.en}` },
            };
          }),
        }
      : {}),
    ...extra,
  };
  return reply.code(status).type('application/json').send(body);
}

/**
 * The router's own refusals, before any route runs: a path segment that is not valid percent-encoding
 * or is longer than the router's limit. They leave in the documented shape, naming the parameters.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err.code === 'FST_ERR_BAD_URL' || err.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return sendError(req, reply, 400, 'validation', {}, [{ path: 'params', code: 'invalid' }]);
  req.log.error({ err }, 'router error');
  return sendError(req, reply, 500, 'internal');
}

const PG_CODES: Record<string, [number, MessageCode]> = {
  '23505': [409, 'stale_version'],
  '23503': [400, 'invalid'],
  '23514': [400, 'invalid'],
  '22P02': [400, 'invalid'],
  '22003': [400, 'invalid'],
  '22007': [400, 'invalid'],
  '22008': [400, 'invalid'],
};

export const errorsPlugin = fp(async (app) => {
  app.setErrorHandler((err: FastifyError & { validationContext?: string }, req, reply) => {
    if (err instanceof AppError)
      return sendError(req, reply, err.statusCode, err.code, err.params, err.fields, err.extra);
    if (err.validation) {
      const fields = dedupe((err.validation as unknown as AjvIssue[]).map((e) => ajvIssue(err.validationContext, e)));
      return sendError(req, reply, 400, 'validation', {}, fields);
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(req, reply, 413, 'payload_too_large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(req, reply, 415, 'unsupported_media_type');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendError(req, reply, 400, 'validation', {}, [{ path: '(body)', code: 'required' }]);
    }
    if (err.statusCode === 429) return sendError(req, reply, 429, 'rate_limited');
    if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return sendError(req, reply, 400, 'validation', {}, [{ path: '(body)', code: 'invalid' }]);
    }
    if (isConnectionLoss(err)) {
      req.log.warn({ err }, 'database connection lost');
      void reply.header('retry-after', '1');
      return sendError(req, reply, 503, 'database_unavailable');
    }
    const pg = PG_CODES[sqlState(err)];
    if (pg) {
      req.log.warn({ err }, 'database rejected a write');
      return sendError(req, reply, pg[0], pg[1]);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(req, reply, err.statusCode, err.statusCode === 404 ? 'not_found' : 'validation');
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(req, reply, 500, 'internal');
  });
});
