import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { accountsService } from './service.ts';
import { ACCOUNTS_EXPORT } from './export.ts';
import { listOrExport } from '../../kernel/export.ts';
import {
  AccountCreate,
  AccountDetail,
  AccountDuplicatesQuery,
  AccountListQuery,
  AccountMembersPut,
  AccountPage,
  AccountUpdate,
  AccountsByProvince,
} from '../../../core/schemas/accounts.ts';
import {
  DuplicateMatches,
  ErrorResponse,
  HistoryEntry,
  IdParams,
  ListSummary,
  Version,
} from '../../../core/schemas/common.ts';

const tags = ['accounts'];
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const deleted = { 204: Type.Null(), ...errors };
const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });

export async function accountsRoutes(app: App) {
  const accounts = accountsService(app.db);
  // A file has no health column: its reads are left out of the export's pages.
  const listed = listOrExport(app, ACCOUNTS_EXPORT, accounts.list, (q) => ({ ...q, health: false }));
  app.get(
    '/accounts',
    { schema: { tags, querystring: AccountListQuery, response: { 200: AccountPage, 400: ErrorResponse } } },
    async (req, reply) => listed(actorOf(req), req.query, reply),
  );
  app.get(
    '/accounts/summary',
    { schema: { tags, querystring: AccountListQuery, response: { 200: ListSummary, 400: ErrorResponse } } },
    (req) => accounts.summary(actorOf(req), req.query),
  );
  app.get('/accounts/by-province', { schema: { tags, response: { 200: AccountsByProvince } } }, (req) =>
    accounts.byProvince(actorOf(req)),
  );
  app.get(
    '/accounts/duplicates',
    {
      schema: {
        tags,
        description: '查重: accounts with this credit code or normalised name; outside your scope only the owner',
        querystring: AccountDuplicatesQuery,
        response: { 200: DuplicateMatches, 400: ErrorResponse },
      },
    },
    (req) => accounts.duplicates(actorOf(req), req.query),
  );
  app.post(
    '/accounts',
    { schema: { tags, body: AccountCreate, response: { 201: AccountDetail, ...errors } } },
    async (req, reply) => reply.code(201).send(await accounts.create(actorOf(req), req.body)),
  );
  app.get(
    '/accounts/:id',
    { schema: { tags, params: IdParams, response: { 200: AccountDetail, 404: ErrorResponse } } },
    (req) => accounts.detail(actorOf(req), req.params.id),
  );
  app.patch(
    '/accounts/:id',
    { schema: { tags, params: IdParams, body: AccountUpdate, response: { 200: AccountDetail, ...errors } } },
    (req) => accounts.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/accounts/:id/archive',
    { schema: { tags, params: IdParams, body: VersionBody, response: { 200: AccountDetail, ...errors } } },
    (req) => accounts.archive(actorOf(req), req.params.id, req.body.version),
  );
  app.post(
    '/accounts/:id/restore',
    { schema: { tags, params: IdParams, body: VersionBody, response: { 200: AccountDetail, ...errors } } },
    (req) => accounts.restore(actorOf(req), req.params.id, req.body.version),
  );
  app.delete('/accounts/:id', { schema: { tags, params: IdParams, response: deleted } }, async (req, reply) => {
    await accounts.remove(actorOf(req), req.params.id);
    return reply.code(204).send(null);
  });
  app.put(
    '/accounts/:id/members',
    { schema: { tags, params: IdParams, body: AccountMembersPut, response: { 200: AccountDetail, ...errors } } },
    (req) => accounts.setMembers(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/accounts/:id/history',
    { schema: { tags, params: IdParams, response: { 200: Type.Object({ items: Type.Array(HistoryEntry) }) } } },
    (req) => accounts.history(actorOf(req), req.params.id),
  );
}
