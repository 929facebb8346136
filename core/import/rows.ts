// A spreadsheet row → the API's create body, cell by cell: money with 万/亿 (in the cell or the
// header), dates in any form Excel users type, enum values by their Chinese or English names, tags split
// on the separators people use. References (owner, account, stage…) stay text here; the server resolves
// them against the organisation. Pure, so the preview and the import read a row the same way.
import { IMPORT_FIELDS, type ImportEntity, type ImportField } from './headers.ts';
import { parseImportDate, parseImportDateTime } from './dates.ts';
import { parseMoney } from '../money-format.ts';
import { isValidCreditCode } from '../credit-code.ts';
import { INFLUENCE_LEVELS, OWNERSHIP_TYPES, TIERS, type OwnershipType } from '../enums.ts';
import type { MessageCode } from '../messages.ts';

export type ImportCell = string | number | Date | null;

/** A column as mapped: where it is in the sheet, the field it fills, a money unit its header names. */
export interface MappedColumn {
  column: number;
  field: string | null;
  unit?: string;
}

export interface RowIssue {
  field: string;
  code: MessageCode;
}

export interface ConvertedRow {
  /** The create body's fields, typed as the API takes them (references excluded). */
  data: Record<string, unknown>;
  /** Text naming a record to look up: owner (name or e-mail), account (name or credit code)… */
  refs: Partial<Record<'owner' | 'account' | 'stage' | 'type', string>>;
  issues: RowIssue[];
}

/** Enum values by the words a sheet uses for them (compared after NFKC, lower case, no spaces). */
const ENUM_WORDS: Record<string, Record<string, readonly string[]>> = {
  ownershipType: {
    government: ['政府', '政府机关', '机关', '党政机关', '行政机关', 'government', 'gov', 'governmentagency'],
    soe: ['国企', '国有企业', '央企', '中央企业', '地方国企', 'soe', 'stateowned', 'stateownedenterprise'],
    foreign: ['外企', '外资', '外资企业', '合资', '中外合资', 'foreign', 'foreigninvested'],
    private: ['民企', '民营', '民营企业', '私企', '私营企业', 'private'],
    institution: ['事业单位', '医院', '学校', '高校', 'institution', 'publicinstitution'],
    other: ['其他', '其它', 'other'],
  },
  tier: {
    A: ['a', 'a级', 'a类', 'tiera', '重点', '战略'],
    B: ['b', 'b级', 'b类', 'tierb'],
    C: ['c', 'c级', 'c类', 'tierc'],
  },
  influence: {
    high: ['高', 'high', 'h'],
    medium: ['中', '一般', 'medium', 'm'],
    low: ['低', 'low', 'l'],
  },
};
const ENUM_VALUES: Record<string, readonly string[]> = {
  ownershipType: OWNERSHIP_TYPES,
  tier: TIERS,
  influence: INFLUENCE_LEVELS,
};

const wordKey = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_·.]/g, '');
const ENUM_LOOKUP = new Map(
  Object.entries(ENUM_WORDS).map(([field, values]) => [
    field,
    new Map(Object.entries(values).flatMap(([value, words]) => words.map((w) => [wordKey(w), value] as const))),
  ]),
);

/** An enum cell: the value itself, or a word for it. Null when it names none. */
export function enumValue(field: string, text: string): string | null {
  const key = wordKey(text);
  const direct = ENUM_VALUES[field]?.find((v) => wordKey(v) === key);
  return direct ?? ENUM_LOOKUP.get(field)?.get(key) ?? null;
}

/**
 * The ownership type a name implies for a new account when the sheet has no 客户性质 value: bureaus and committees are
 * government, hospitals and universities public institutions; anything else "other", for the user to
 * correct. The API requires the field; refusing every row of such a sheet would help no one.
 */
export function guessOwnershipType(name: string): OwnershipType {
  if (/(人民政府|委员会|管委会|管理委员会|局|厅|办公室|办公厅|政府|部)$/.test(name)) return 'government';
  if (/(医院|卫生院|大学|学院|学校|中学|小学|研究院|研究所|中心|图书馆|博物馆)$/.test(name)) return 'institution';
  return 'other';
}

function text(cell: ImportCell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const s = String(cell).trim();
  return s === '' ? null : s;
}

function money(cell: ImportCell, unit: string | undefined): { value?: string; issue?: MessageCode } {
  if (cell === null) return {};
  // A number cell is exact enough to two decimals; its text form keeps Excel's digits ("1250000.5").
  let s = typeof cell === 'number' ? String(cell) : (text(cell) ?? '');
  if (!s) return {};
  if (unit === '10000' && /^[\d.,，\s]+$/.test(s)) s += '万';
  if (unit === '100000000' && /^[\d.,，\s]+$/.test(s)) s += '亿';
  const parsed = parseMoney(s);
  return parsed.ok ? { value: parsed.value } : { issue: 'import_money' };
}

function readField(f: ImportField, cell: ImportCell, unit: string | undefined, out: ConvertedRow) {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return;
  switch (f.kind) {
    case 'money': {
      const m = money(cell, unit);
      if (m.issue) out.issues.push({ field: f.field, code: m.issue });
      else if (m.value !== undefined) out.data[f.field] = m.value;
      return;
    }
    case 'date':
    case 'dateTime': {
      const d = f.kind === 'date' ? parseImportDate(cell) : parseImportDateTime(cell);
      if (d.ok) out.data[f.field] = d.value;
      else out.issues.push({ field: f.field, code: 'import_date' });
      return;
    }
    case 'integer':
    case 'percent': {
      const s = (text(cell) ?? '').normalize('NFKC').replace(/[,\s%]/g, '');
      const n = Number(s);
      if (s === '' || !Number.isInteger(n)) out.issues.push({ field: f.field, code: 'import_integer' });
      else out.data[f.field] = n;
      return;
    }
    case 'enum': {
      const v = enumValue(f.field, text(cell) ?? '');
      if (v === null) out.issues.push({ field: f.field, code: 'import_enum' });
      else out.data[f.field] = v;
      return;
    }
    case 'tags': {
      const tags = (text(cell) ?? '').split(/[,，;；、|/\s]+/).filter(Boolean);
      out.data[f.field] = [...new Set(tags)];
      return;
    }
    case 'creditCode': {
      const code = (text(cell) ?? '').normalize('NFKC').replace(/\s/g, '').toUpperCase();
      if (!isValidCreditCode(code)) out.issues.push({ field: f.field, code: 'invalid_credit_code' });
      else out.data[f.field] = code;
      return;
    }
    case 'owner':
    case 'account':
    case 'stage':
    case 'activityType': {
      const ref = f.kind === 'activityType' ? 'type' : f.kind;
      out.refs[ref] = text(cell) ?? undefined;
      return;
    }
    default:
      out.data[f.field] = text(cell);
  }
}

/** Reads one row through the mapping. Required fields left empty are issues; the schema checks the rest. */
export function convertRow(entity: ImportEntity, columns: readonly MappedColumn[], cells: ImportCell[]): ConvertedRow {
  const out: ConvertedRow = { data: {}, refs: {}, issues: [] };
  const fields = new Map(IMPORT_FIELDS[entity].map((f) => [f.field, f]));
  for (const c of columns) {
    const f = c.field ? fields.get(c.field) : undefined;
    if (f) readField(f, cells[c.column] ?? null, c.unit, out);
  }
  for (const f of fields.values()) {
    if (!f.required) continue;
    const have =
      f.kind === 'account' ? out.refs.account : f.kind === 'activityType' ? out.refs.type : out.data[f.field];
    if ((have === undefined || have === null) && !out.issues.some((i) => i.field === f.field)) {
      out.issues.push({ field: f.field, code: 'required' });
    }
  }
  return out;
}
