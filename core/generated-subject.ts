// Subjects the system writes (an after-sales call scheduled when a deal is won) are kept as a message
// code and parameters beside the text, so each reader sees them in their own language; a subject a
// person typed is shown as typed.
import { format, MESSAGES, type Lang, type Params } from './messages.ts';

/** The message codes a generated subject may carry. */
export const GENERATED_SUBJECTS = ['after_sales_subject'] as const;
export type GeneratedSubjectKey = (typeof GENERATED_SUBJECTS)[number];

export const isGeneratedSubjectKey = (key: unknown): key is GeneratedSubjectKey =>
  (GENERATED_SUBJECTS as readonly unknown[]).includes(key);

/** The subject in `lang`: the generated one when the row has a known key, else the stored text. */
export function subjectIn(
  row: { subject: string; subjectKey: string | null; subjectParams: unknown },
  lang: Lang,
): string {
  if (!isGeneratedSubjectKey(row.subjectKey) || !row.subjectParams || typeof row.subjectParams !== 'object') {
    return row.subject;
  }
  return format(MESSAGES[row.subjectKey][lang], row.subjectParams as Params);
}

/** Both renderings of a generated subject: an edit that leaves either unchanged keeps it generated. */
export function subjectRenderings(row: { subject: string; subjectKey: string | null; subjectParams: unknown }) {
  return [subjectIn(row, 'zh'), subjectIn(row, 'en')];
}

/**
 * A generated subject's template in `lang` as pieces for SQL to join: literal text and parameter
 * names alternate, starting with text. SQL readers (calendar, timeline, reminders) render with it.
 */
export function subjectTemplateParts(key: GeneratedSubjectKey, lang: Lang): { text: string[]; params: string[] } {
  const template = MESSAGES[key][lang];
  const text: string[] = [];
  const params: string[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    text.push(template.slice(last, m.index));
    params.push(m[1]);
    last = (m.index ?? 0) + m[0].length;
  }
  text.push(template.slice(last));
  return { text, params };
}
