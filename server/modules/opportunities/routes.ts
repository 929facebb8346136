import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { opportunitiesService } from './service.ts';
import { OPPORTUNITIES_EXPORT } from './export.ts';
import { listOrExport } from '../../kernel/export.ts';
import { blueSheetService } from './blue-sheet.service.ts';
import { dealListsService } from './lists.ts';
import { DealLists } from '../../../core/deal-lists.ts';
import {
  Board,
  BoardQuery,
  CriteriaPut,
  DealCompetitorsPut,
  DealNote,
  DealNoteCreate,
  Influence,
  InfluenceCreate,
  InfluenceUpdate,
  OpportunityCreate,
  OpportunityDetail,
  OpportunityDuplicatesQuery,
  OpportunityListQuery,
  OpportunityPage,
  OpportunityUpdate,
} from '../../../core/schemas/deals.ts';
import {
  DuplicateMatches,
  ErrorResponse,
  HistoryEntry,
  Id,
  IdParams,
  ListSummary,
} from '../../../core/schemas/common.ts';

const tags = ['opportunities'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const deleted = { 204: Type.Null(), ...errors };
const InfluenceParams = Type.Object({ id: Id, influenceId: Id });
const NoteParams = Type.Object({ id: Id, noteId: Id });

export async function opportunitiesRoutes(app: App) {
  const deals = opportunitiesService(app.db);
  const sheet = blueSheetService(app.db);
  const lists = dealListsService(app.db);

  app.get('/settings/deal-lists', { schema: { tags: ['settings'], response: { 200: DealLists } } }, (req) =>
    lists.get(actorOf(req)),
  );
  app.put(
    '/settings/deal-lists',
    { schema: { tags: ['settings'], body: DealLists, response: { 200: DealLists, ...errors } } },
    (req) => lists.put(actorOf(req), req.body),
  );

  const listedDeals = listOrExport(app, OPPORTUNITIES_EXPORT, deals.list);
  app.get(
    '/opportunities',
    { schema: { tags, querystring: OpportunityListQuery, response: { 200: OpportunityPage, 400: ErrorResponse } } },
    async (req, reply) => listedDeals(actorOf(req), req.query, reply),
  );
  app.get(
    '/opportunities/summary',
    { schema: { tags, querystring: OpportunityListQuery, response: { 200: ListSummary, 400: ErrorResponse } } },
    (req) => deals.summary(actorOf(req), req.query),
  );
  app.get(
    '/opportunities/duplicates',
    {
      schema: {
        tags,
        description: '撞单: open deals of the account with this normalised name',
        querystring: OpportunityDuplicatesQuery,
        response: { 200: DuplicateMatches, 400: ErrorResponse },
      },
    },
    (req) => deals.duplicates(actorOf(req), req.query),
  );
  app.post(
    '/opportunities',
    { schema: { tags, body: OpportunityCreate, response: { 201: OpportunityDetail, ...errors } } },
    async (req, reply) => reply.code(201).send(await deals.create(actorOf(req), req.body)),
  );
  app.get(
    '/opportunities/:id',
    { schema: { tags, params: IdParams, response: { 200: OpportunityDetail, 404: ErrorResponse } } },
    (req) => deals.detail(actorOf(req), req.params.id),
  );
  app.patch(
    '/opportunities/:id',
    { schema: { tags, params: IdParams, body: OpportunityUpdate, response: { 200: OpportunityDetail, ...errors } } },
    (req) => deals.update(actorOf(req), req.params.id, req.body),
  );
  app.delete('/opportunities/:id', { schema: { tags, params: IdParams, response: deleted } }, async (req, reply) => {
    await deals.remove(actorOf(req), req.params.id);
    return reply.code(204).send(null);
  });
  app.put(
    '/opportunities/:id/criteria',
    { schema: { tags, params: IdParams, body: CriteriaPut, response: { 200: OpportunityDetail, ...errors } } },
    (req) => deals.setCriteria(actorOf(req), req.params.id, req.body.version, req.body.done),
  );
  app.get(
    '/opportunities/:id/history',
    { schema: { tags, params: IdParams, response: { 200: Type.Object({ items: Type.Array(HistoryEntry) }) } } },
    (req) => deals.history(actorOf(req), req.params.id),
  );

  app.post(
    '/opportunities/:id/influences',
    { schema: { tags, params: IdParams, body: InfluenceCreate, response: { 201: Influence, ...errors } } },
    async (req, reply) => reply.code(201).send(await sheet.addInfluence(actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/opportunities/:id/influences/:influenceId',
    { schema: { tags, params: InfluenceParams, body: InfluenceUpdate, response: { 200: Influence, ...errors } } },
    (req) => sheet.updateInfluence(actorOf(req), req.params.id, req.params.influenceId, req.body),
  );
  app.delete(
    '/opportunities/:id/influences/:influenceId',
    { schema: { tags, params: InfluenceParams, response: deleted } },
    async (req, reply) => {
      await sheet.removeInfluence(actorOf(req), req.params.id, req.params.influenceId);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/opportunities/:id/notes',
    { schema: { tags, params: IdParams, body: DealNoteCreate, response: { 201: DealNote, ...errors } } },
    async (req, reply) => reply.code(201).send(await sheet.addNote(actorOf(req), req.params.id, req.body)),
  );
  app.delete(
    '/opportunities/:id/notes/:noteId',
    { schema: { tags, params: NoteParams, response: deleted } },
    async (req, reply) => {
      await sheet.removeNote(actorOf(req), req.params.id, req.params.noteId);
      return reply.code(204).send(null);
    },
  );
  app.put(
    '/opportunities/:id/competitors',
    { schema: { tags, params: IdParams, body: DealCompetitorsPut, response: { 200: OpportunityDetail, ...errors } } },
    (req) => sheet.setCompetitors(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/pipeline/board',
    { schema: { tags: ['pipeline'], querystring: BoardQuery, response: { 200: Board } } },
    (req) => deals.board(actorOf(req), req.query),
  );
}
