import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { mergesService } from './service.ts';
import { AccountMergeInput, ContactMergeInput, Merge } from '../../../core/schemas/merges.ts';
import { ErrorResponse, IdParams } from '../../../core/schemas/common.ts';

const tags = ['merges'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export async function mergesRoutes(app: App) {
  const merges = mergesService(app.db);
  app.post(
    '/accounts/:id/merge',
    {
      schema: {
        tags,
        description:
          '合并: the account in the path survives and takes the source account, its work and the chosen values',
        params: IdParams,
        body: AccountMergeInput,
        response: { 200: Merge, ...errors },
      },
    },
    (req) => merges.mergeAccounts(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/contacts/:id/merge',
    {
      schema: {
        tags,
        description:
          '合并: the contact in the path survives and takes the source contact, its links and the chosen values',
        params: IdParams,
        body: ContactMergeInput,
        response: { 200: Merge, ...errors },
      },
    },
    (req) => merges.mergeContacts(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/merges/:id/undo',
    {
      schema: {
        tags,
        description: 'Undo a merge within 30 days',
        params: IdParams,
        response: { 200: Merge, ...errors },
      },
    },
    (req) => merges.undo(actorOf(req), req.params.id),
  );
}
