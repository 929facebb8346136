// The SQL twin of core/generated-subject.ts's subjectIn: readers that take calls' subjects straight
// from SQL (the calendar's prerendered rows, the timeline's union) render generated subjects in the
// caller's language. No parameters, so a prerendered fragment may embed it.
import { sql, type SQL } from 'drizzle-orm';
import { GENERATED_SUBJECTS, subjectTemplateParts } from '../../core/generated-subject.ts';
import type { Lang } from '../../core/messages.ts';

const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** `table` is the activities table's name or alias as the query spells it (e.g. `a`, `"activities"`). */
export function subjectSql(table: string, lang: Lang): SQL {
  const branches = GENERATED_SUBJECTS.map((key) => {
    const { text, params } = subjectTemplateParts(key, lang);
    const pieces = text.flatMap((t, i) =>
      i < params.length ? [literal(t), `(${table}.subject_params->>${literal(params[i])})`] : [literal(t)],
    );
    return `when ${literal(key)} then concat(${pieces.join(', ')})`;
  });
  return sql.raw(`(case ${table}.subject_key ${branches.join(' ')} else ${table}.subject end)`);
}
