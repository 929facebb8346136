// A batch of sheet rows → rows ready to write and rows rejected with their reasons: each cell read by
// core/import/rows.ts, the owner column resolved to a user in the importer's scope, and the result checked
// against the same schema the API's create takes, so an imported record obeys every rule a typed one does.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { TSchema } from 'typebox';
import type { Db } from '../../db/client.ts';
import type { SheetRow } from '../../lib/sheets/read.ts';
import { schemaIssues } from '../../plugins/errors.ts';
import { userInScope, type Actor } from '../../access/index.ts';
import type { ImportIssue, ImportRow } from '../../kernel/imports.ts';
import { convertRow, type ImportCell } from '../../../core/import/rows.ts';
import type { ImportEntity } from '../../../core/import/headers.ts';
import type { ImportColumn } from '../../../core/schemas/imports.ts';
import { AccountCreate } from '../../../core/schemas/accounts.ts';
import { ContactCreate } from '../../../core/schemas/contacts.ts';
import { OpportunityCreate } from '../../../core/schemas/deals.ts';
import { ActivityCreate } from '../../../core/schemas/activities.ts';
import { importsRepository } from './repository.ts';

/** Where new records' owner comes from: a chosen user, the sheet's owner column, or the shared pool. */
export type OwnerTarget = { kind: 'user'; id: string } | { kind: 'column' } | { kind: 'pool' };

export interface RejectedRow {
  row: number;
  cells: ImportCell[];
  issues: ImportIssue[];
  /** What could be read of the row (the preview shows it; the cells with issues are shown as typed). */
  read?: Record<string, unknown>;
}

/** The entities an import writes today, with the schema each row must pass. */
export const IMPORT_SCHEMAS: Record<ImportEntity, TSchema> = {
  accounts: AccountCreate,
  contacts: ContactCreate,
  opportunities: OpportunityCreate,
  activities: ActivityCreate,
};

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validators = new Map<ImportEntity, ValidateFunction>();
function validatorOf(entity: ImportEntity): ValidateFunction {
  let v = validators.get(entity);
  if (!v) {
    v = ajv.compile(IMPORT_SCHEMAS[entity]);
    validators.set(entity, v);
  }
  return v;
}

/** Stands in for a reference the entity's module resolves itself (a contact's account), for the schema check. */
const PLACEHOLDER_ID = '00000000-0000-7000-8000-000000000000';

/**
 * The row as the create schema sees it, with stand-ins for what the entity's module fills itself: the
 * account a row names, a call's kind and end, a new account's ownership type (guessed from its name; a
 * matched account keeps its own).
 */
function schemaBody(entity: ImportEntity, data: Record<string, unknown>): Record<string, unknown> {
  switch (entity) {
    case 'accounts':
      return data.ownershipType === undefined ? { ...data, ownershipType: 'other' } : data;
    case 'activities':
      return { ...data, accountId: PLACEHOLDER_ID, type: 'visit', plannedEnd: data.plannedEnd ?? data.plannedStart };
    default:
      return { ...data, accountId: PLACEHOLDER_ID };
  }
}

type OwnerLookup = { id: string } | { issue: 'import_unknown_owner' | 'import_ambiguous_owner' };

/**
 * Prepares batches for one import. Each call takes the connection to read on: the import's own
 * transaction (PGlite has one connection, which that transaction holds). Owners found stay known.
 */
export function rowPreparer(actor: Actor, entity: ImportEntity, columns: ImportColumn[], owner: OwnerTarget) {
  const validate = validatorOf(entity);
  const owners = new Map<string, OwnerLookup>();
  // Calls have an owner but never the pool; contacts follow their account's.
  const hasOwner = entity !== 'contacts';

  async function lookUpOwners(db: Db, words: string[]) {
    const wanted = [...new Set(words.map((w) => w.trim().toLowerCase()))].filter((w) => !owners.has(w));
    if (!wanted.length) return;
    const found = await importsRepository(db).usersNamed(actor.orgId, wanted);
    for (const w of wanted) {
      const hits = found.filter((u) => u.name.toLowerCase() === w || u.email.toLowerCase() === w);
      // A user outside the importer's scope is "no such user" to them, as on the account form.
      const inScope = hits.filter((u) => userInScope(actor, u.id));
      owners.set(
        w,
        inScope.length === 1
          ? { id: inScope[0].id }
          : { issue: inScope.length > 1 ? 'import_ambiguous_owner' : 'import_unknown_owner' },
      );
    }
  }

  return async (db: Db, rows: SheetRow[]): Promise<{ good: ImportRow[]; bad: RejectedRow[] }> => {
    const converted = rows.map((r) => ({ sheet: r, c: convertRow(entity, columns, r.cells) }));
    if (hasOwner && owner.kind === 'column') {
      await lookUpOwners(
        db,
        converted.flatMap(({ c }) => (c.refs.owner ? [c.refs.owner] : [])),
      );
    }
    const good: ImportRow[] = [];
    const bad: RejectedRow[] = [];
    for (const { sheet, c } of converted) {
      const issues: ImportIssue[] = [...c.issues];
      if (hasOwner) {
        if (owner.kind === 'user') c.data.ownerId = owner.id;
        else if (owner.kind === 'pool') c.data.ownerId = null;
        else if (c.refs.owner) {
          const found = owners.get(c.refs.owner.trim().toLowerCase());
          if (found && 'id' in found) c.data.ownerId = found.id;
          else issues.push({ field: 'owner', code: found?.issue ?? 'import_unknown_owner' });
        } else c.data.ownerId = actor.userId;
      }
      if (!issues.length) {
        const body = schemaBody(entity, c.data);
        if (!validate(body)) {
          for (const i of schemaIssues(validate.errors ?? []))
            issues.push({ field: i.path, code: i.code, params: i.params });
        }
      }
      if (issues.length) bad.push({ row: sheet.number, cells: sheet.cells, issues, read: { ...c.data, ...c.refs } });
      else good.push({ row: sheet.number, data: c.data, refs: c.refs });
    }
    return { good, bad };
  };
}
