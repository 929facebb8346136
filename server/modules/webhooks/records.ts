// The record an event is about, as the API returns it, read through its module's service with an
// organisation-wide actor (a webhook serves the organisation, not one person's scope). Read when the
// event is turned into deliveries, a few seconds after the change: the record as it then is.
import { Value } from 'typebox/value';
import type { TSchema } from 'typebox';
import type { Db } from '../../db/client.ts';
import { systemActor, type Actor } from '../../access/index.ts';
import { AppError } from '../../lib/errors.ts';
import { accountsService } from '../accounts/service.ts';
import { contactsService } from '../contacts/service.ts';
import { opportunitiesService } from '../opportunities/service.ts';
import { activitiesService } from '../activities/service.ts';
import { importsService } from '../imports/service.ts';
import type { ImportRunner } from '../imports/runner.ts';
import { AccountDetail } from '../../../core/schemas/accounts.ts';
import { Contact } from '../../../core/schemas/contacts.ts';
import { OpportunityDetail } from '../../../core/schemas/deals.ts';
import { Activity } from '../../../core/schemas/activities.ts';
import { ImportJob } from '../../../core/schemas/imports.ts';

export type RecordReader = (
  db: Db,
  orgId: string,
  entityType: string,
  id: string,
  /** Who made the change: the reader acts as them with the whole organisation in sight. */
  actorId: string | null,
) => Promise<Record<string, unknown> | null>;

export function recordReader(imports: ImportRunner, limits: { maxMb: number; maxRows: number }): RecordReader {
  const readers: Record<string, { schema: TSchema; read: (db: Db, actor: Actor, id: string) => Promise<unknown> }> = {
    account: { schema: AccountDetail, read: (db, actor, id) => accountsService(db).detail(actor, id) },
    contact: { schema: Contact, read: (db, actor, id) => contactsService(db).get(actor, id) },
    opportunity: { schema: OpportunityDetail, read: (db, actor, id) => opportunitiesService(db).detail(actor, id) },
    activity: { schema: Activity, read: (db, actor, id) => activitiesService(db).get(actor, id) },
    import: { schema: ImportJob, read: (db, actor, id) => importsService(db, imports, limits).get(actor, id) },
  };
  return async (db, orgId, entityType, id, actorId) => {
    const reader = readers[entityType];
    if (!reader) return null;
    try {
      const found = await reader.read(db, systemActor(orgId, actorId), id);
      // What the route's serializer would send: the schema's fields, in JSON's own shapes.
      return Value.Clean(reader.schema, JSON.parse(JSON.stringify(found))) as Record<string, unknown>;
    } catch (e) {
      // Deleted (or purged) since: the event still goes, with the record's id and no record.
      if (e instanceof AppError && e.statusCode === 404) return null;
      throw e;
    }
  };
}
