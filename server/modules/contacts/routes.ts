import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { contactsService } from './service.ts';
import { CONTACTS_EXPORT } from './export.ts';
import { listOrExport } from '../../kernel/export.ts';
import {
  Contact,
  ContactCreate,
  ContactDuplicatesQuery,
  ContactLink,
  ContactLinkCreate,
  ContactListQuery,
  ContactPage,
  ContactUpdate,
  OrgChart,
} from '../../../core/schemas/contacts.ts';
import {
  DuplicateMatches,
  ErrorResponse,
  HistoryEntry,
  IdParams,
  ListSummary,
  Version,
} from '../../../core/schemas/common.ts';

const tags = ['contacts'];
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const deleted = { 204: Type.Null(), ...errors };
const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });

export async function contactsRoutes(app: App) {
  const contacts = contactsService(app.db);
  const listed = listOrExport(app, CONTACTS_EXPORT, contacts.list);

  app.get(
    '/contacts',
    { schema: { tags, querystring: ContactListQuery, response: { 200: ContactPage, 400: ErrorResponse } } },
    async (req, reply) => listed(actorOf(req), req.query, reply),
  );
  app.get(
    '/contacts/summary',
    { schema: { tags, querystring: ContactListQuery, response: { 200: ListSummary, 400: ErrorResponse } } },
    (req) => contacts.summary(actorOf(req), req.query),
  );
  app.get(
    '/contacts/duplicates',
    {
      schema: {
        tags,
        description: '查重: contacts with this mobile or e-mail; outside your scope only the account owner',
        querystring: ContactDuplicatesQuery,
        response: { 200: DuplicateMatches, 400: ErrorResponse },
      },
    },
    (req) => contacts.duplicates(actorOf(req), req.query),
  );
  app.post(
    '/contacts',
    { schema: { tags, body: ContactCreate, response: { 201: Contact, ...errors } } },
    async (req, reply) => reply.code(201).send(await contacts.create(actorOf(req), req.body)),
  );
  app.get(
    '/contacts/:id',
    { schema: { tags, params: IdParams, response: { 200: Contact, 404: ErrorResponse } } },
    (req) => contacts.get(actorOf(req), req.params.id),
  );
  app.patch(
    '/contacts/:id',
    { schema: { tags, params: IdParams, body: ContactUpdate, response: { 200: Contact, ...errors } } },
    (req) => contacts.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/contacts/:id/archive',
    { schema: { tags, params: IdParams, body: VersionBody, response: { 200: Contact, ...errors } } },
    (req) => contacts.archive(actorOf(req), req.params.id, req.body.version),
  );
  app.post(
    '/contacts/:id/restore',
    { schema: { tags, params: IdParams, body: VersionBody, response: { 200: Contact, ...errors } } },
    (req) => contacts.restore(actorOf(req), req.params.id, req.body.version),
  );
  app.delete('/contacts/:id', { schema: { tags, params: IdParams, response: deleted } }, async (req, reply) => {
    await contacts.remove(actorOf(req), req.params.id);
    return reply.code(204).send(null);
  });
  app.get(
    '/contacts/:id/history',
    { schema: { tags, params: IdParams, response: { 200: Type.Object({ items: Type.Array(HistoryEntry) }) } } },
    (req) => contacts.history(actorOf(req), req.params.id),
  );
  app.get(
    '/contacts/:id/links',
    { schema: { tags, params: IdParams, response: { 200: Type.Object({ items: Type.Array(ContactLink) }) } } },
    (req) => contacts.links(actorOf(req), req.params.id),
  );
  app.post(
    '/contact-links',
    { schema: { tags, body: ContactLinkCreate, response: { 201: ContactLink, ...errors } } },
    async (req, reply) => reply.code(201).send(await contacts.addLink(actorOf(req), req.body)),
  );
  app.delete('/contact-links/:id', { schema: { tags, params: IdParams, response: deleted } }, async (req, reply) => {
    await contacts.removeLink(actorOf(req), req.params.id);
    return reply.code(204).send(null);
  });
  app.get(
    '/accounts/:id/org-chart',
    { schema: { tags, params: IdParams, response: { 200: OrgChart, 404: ErrorResponse } } },
    (req) => contacts.orgChart(actorOf(req), req.params.id),
  );
}
