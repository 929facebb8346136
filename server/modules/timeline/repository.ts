// One chronological feed over four tables. Each branch of the UNION ALL walks an index newest
// first and stops after one page, so the merge sorts at most a few pages of rows however long the
// account's history is.
import { subjectSql } from '../../db/generated-subject.ts';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import type { Lang } from '../../../core/messages.ts';

export type TimelineTarget = { kind: 'account' | 'opportunity' | 'contact'; id: string };

export interface TimelineRow {
  kind: 'activity' | 'task' | 'stage_change' | 'edit';
  id: string;
  at: Date | string;
  actor_id: string | null;
  actor_name: string | null;
  title: string;
  data: Record<string, unknown>;
}

export interface TimelineArgs {
  orgId: string;
  target: TimelineTarget;
  after: [string, string] | null;
  limit: number;
  lang: Lang;
}

/**
 * When an activity sits on the timeline: a logged call when it was logged, otherwise when it is
 * planned. The same expression is indexed (migration 0006), so it must stay textually identical.
 */
const ACTIVITY_AT = sql.raw(
  `(case when a.status = 'done' then coalesce(a.completed_at, a.planned_end) else a.planned_start end)`,
);
const TASK_AT = sql.raw('coalesce(t.done_at, t.created_at)');

const before = (at: SQL, id: SQL, after: TimelineArgs['after']) =>
  after ? sql`and (${at}, ${id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``;
const newestFirst = (at: SQL, id: SQL, limit: number) => sql`order by ${at} desc, ${id} desc limit ${limit}`;

function activities(
  orgId: string,
  target: TimelineTarget,
  after: TimelineArgs['after'],
  limit: number,
  lang: Lang,
): SQL {
  // A generated subject (an after-sales call's) in the reader's language.
  const cols = sql`select 'activity' as kind, a.id, ${ACTIVITY_AT} as at, a.owner_id as actor_id, ${subjectSql('a', lang)} as title,
    jsonb_build_object('type', a.type, 'status', a.status, 'nextMeetingProposed', a.next_meeting_proposed, 'accountId', a.account_id, 'opportunityId', a.opportunity_id) as data`;
  const page = sql`${before(ACTIVITY_AT, sql.raw('a.id'), after)} ${newestFirst(ACTIVITY_AT, sql.raw('a.id'), limit)}`;
  if (target.kind === 'contact') {
    // A contact attends a handful of calls: fetch them through the attendee index, then sort.
    return sql`(${cols} from activity_contacts ac join activities a on a.org_id = ac.org_id and a.id = ac.activity_id
      where ac.org_id = ${orgId} and ac.contact_id = ${target.id} ${page})`;
  }
  const column = sql.raw(target.kind === 'account' ? 'a.account_id' : 'a.opportunity_id');
  return sql`(${cols} from activities a where a.org_id = ${orgId} and ${column} = ${target.id} ${page})`;
}

function tasks(orgId: string, target: TimelineTarget, after: TimelineArgs['after'], limit: number): SQL {
  const column = sql.raw(
    { account: 't.account_id', opportunity: 't.opportunity_id', contact: 't.contact_id' }[target.kind],
  );
  // A done task sits where it was done (credited to its assignee), an open one where it was created (to its creator).
  return sql`(select 'task' as kind, t.id, ${TASK_AT} as at, case when t.done then t.assignee_id else t.created_by end as actor_id, t.title,
      jsonb_build_object('dueDate', t.due_date, 'done', t.done, 'assigneeId', t.assignee_id, 'activityId', t.activity_id) as data
    from tasks t where t.org_id = ${orgId} and ${column} = ${target.id}
    ${before(TASK_AT, sql.raw('t.id'), after)} ${newestFirst(TASK_AT, sql.raw('t.id'), limit)})`;
}

function stageChanges(
  orgId: string,
  target: TimelineTarget,
  after: TimelineArgs['after'],
  limit: number,
  lang: Lang,
): SQL | null {
  if (target.kind === 'contact') return null;
  const deal = target.kind === 'account' ? sql`o.account_id = ${target.id}` : sql`o.id = ${target.id}`;
  const name = (s: string) => sql.raw(lang === 'en' ? `coalesce(${s}.name_en, ${s}.name)` : `${s}.name`);
  return sql`(select 'stage_change' as kind, h.id, h.at, h.actor_id, o.name as title,
      jsonb_build_object('opportunityId', o.id, 'fromStageId', h.from_stage_id, 'fromStageName', ${name('fs')}, 'toStageId', h.to_stage_id, 'toStageName', ${name('ts')}) as data
    from opportunities o
    join stage_history h on h.org_id = o.org_id and h.opportunity_id = o.id
    left join stages fs on fs.org_id = h.org_id and fs.id = h.from_stage_id
    left join stages ts on ts.org_id = h.org_id and ts.id = h.to_stage_id
    where o.org_id = ${orgId} and ${deal}
    ${before(sql.raw('h.at'), sql.raw('h.id'), after)} ${newestFirst(sql.raw('h.at'), sql.raw('h.id'), limit)})`;
}

/** Edits of one record of the history table, titled with the record's name. */
function edits(
  orgId: string,
  entityType: string,
  table: string,
  ids: SQL,
  after: TimelineArgs['after'],
  limit: number,
): SQL {
  return sql`(select 'edit' as kind, h.id, h.at, h.actor_id, coalesce(r.name, '') as title,
      jsonb_build_object('entityType', h.entity_type, 'entityId', h.entity_id, 'action', h.action,
        'fields', coalesce((select jsonb_agg(c->>'field') from jsonb_array_elements(h.changes) c), '[]'::jsonb)) as data
    from history h left join ${sql.raw(table)} r on r.org_id = h.org_id and r.id = h.entity_id
    where h.org_id = ${orgId} and h.entity_type = ${entityType} and h.entity_id in (${ids})
    ${before(sql.raw('h.at'), sql.raw('h.id'), after)} ${newestFirst(sql.raw('h.at'), sql.raw('h.id'), limit)})`;
}

export function timelineRepository(db: Db) {
  return {
    async page({ orgId, target, after, limit, lang }: TimelineArgs): Promise<TimelineRow[]> {
      const branches: (SQL | null)[] = [
        activities(orgId, target, after, limit, lang),
        tasks(orgId, target, after, limit),
        stageChanges(orgId, target, after, limit, lang),
      ];
      if (target.kind === 'account') {
        branches.push(edits(orgId, 'account', 'accounts', sql`${target.id}::uuid`, after, limit));
        // An account's deals are few: their edits belong on the account's feed too.
        branches.push(
          edits(
            orgId,
            'opportunity',
            'opportunities',
            sql`select id from opportunities where org_id = ${orgId} and account_id = ${target.id}`,
            after,
            limit,
          ),
        );
      } else if (target.kind === 'opportunity') {
        branches.push(edits(orgId, 'opportunity', 'opportunities', sql`${target.id}::uuid`, after, limit));
      } else {
        branches.push(edits(orgId, 'contact', 'contacts', sql`${target.id}::uuid`, after, limit));
      }
      const union = sql.join(
        branches.filter((b): b is SQL => b !== null),
        sql` union all `,
      );
      return rowsOf<TimelineRow>(
        db,
        sql`select x.kind, x.id, x.at, x.actor_id, u.name as actor_name, x.title, x.data
          from (${union}) x left join users u on u.org_id = ${orgId} and u.id = x.actor_id
          order by x.at desc, x.id desc limit ${limit}`,
      );
    },
  };
}
