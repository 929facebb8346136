// Lost reasons and deal sources as lists the administrator keeps (orgs.settings.dealLists), so the
// win/loss analysis can group them. A deal stores a list item as it is, or "其他：<text>" when none
// fits ("other" is always offered and is not part of the edited list); bare "其他" is other, unsaid.
import { Type, type Static } from 'typebox';

export const OTHER = '其他';
/** Stored before the text of an "other" answer (full-width colon, as Chinese text writes it). */
export const OTHER_PREFIX = `${OTHER}：`;

export const DEFAULT_LOST_REASONS = ['价格', '竞争对手关系', '产品功能不满足', '预算取消', '决策延迟'];
export const DEFAULT_DEAL_SOURCES = ['老客户转介绍', '展会', '招投标公告', '官网', '电话营销', '合作伙伴'];

const Item = Type.String({ minLength: 1, maxLength: 40 });
export const DealLists = Type.Object(
  {
    lostReasons: Type.Array(Item, { maxItems: 50 }),
    dealSources: Type.Array(Item, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type DealLists = Static<typeof DealLists>;
export type DealListName = keyof DealLists;

export const DEFAULT_DEAL_LISTS: DealLists = { lostReasons: DEFAULT_LOST_REASONS, dealSources: DEFAULT_DEAL_SOURCES };

const trimmed = (s: string) => s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');

/** A list as stored: trimmed, blanks, repeats and "其他" (always offered anyway) dropped. */
export function cleanList(items: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of items) {
    const s = trimmed(raw);
    if (s && s !== OTHER && !out.includes(s)) out.push(s);
  }
  return out;
}

/** An "other" answer's text, or null when the value is not an "other" answer. */
export function otherText(value: string): string | null {
  if (value === OTHER) return '';
  return value.startsWith(OTHER_PREFIX) ? trimmed(value.slice(OTHER_PREFIX.length)) : null;
}

/** Whether a value may be written: a list item, or "other" with or without its text. */
export const isListValue = (items: readonly string[], value: string): boolean =>
  items.includes(value) || otherText(value) !== null;

/** The stored form of an answer picked in a form: the item, or "其他：<text>" (bare 其他 without text). */
export function listValue(item: string, text?: string | null): string {
  if (item !== OTHER) return item;
  const t = text ? trimmed(text) : '';
  return t ? `${OTHER_PREFIX}${t}` : OTHER;
}

const loose = (s: string) =>
  trimmed(s)
    .toLowerCase()
    .replace(/[\s\u3000。.，,、;；!！]/g, '');

/**
 * Free text typed before the lists: the item it names (ignoring case, spacing and punctuation), else
 * kept visibly as "其他：<text>". Null for blank text; values already in the stored form stay.
 */
export function canonicalListValue(items: readonly string[], text: string | null): string | null {
  if (text === null || !trimmed(text)) return null;
  const t = trimmed(text);
  if (isListValue(items, t)) return t;
  const hit = items.find((i) => loose(i) === loose(t));
  return hit ?? `${OTHER_PREFIX}${t}`;
}

/** The group a stored value falls in for the win/loss analysis: its item, or "其他". */
export const listGroup = (items: readonly string[], value: string): string =>
  items.includes(value) ? value : otherText(value) !== null ? OTHER : value;
