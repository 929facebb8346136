// Each user's own display choices (users.preferences, one jsonb): how money reads, and per list table
// which columns are hidden and how wide the others are. Read key by key like org settings: a missing
// or unreadable key falls back to its default and leaves the others alone, so keys added later need
// no migration of what is stored.
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

export const MONEY_STYLES = ['compact', 'full'] as const;

/** A table's key ("accounts") and a column's key ("annualRevenue"): short identifiers, nothing else. */
const Key = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_.-]{0,59}$' });

export const TablePreferences = Type.Object(
  {
    hidden: Type.Array(Key, { maxItems: 60 }),
    widths: Type.Record(Key, Type.Integer({ minimum: 40, maximum: 2000 }), { maxProperties: 60 }),
  },
  { additionalProperties: false },
);
export type TablePreferences = Static<typeof TablePreferences>;

export const UserPreferences = Type.Object({
  money: Type.Enum([...MONEY_STYLES]),
  tables: Type.Record(Key, TablePreferences),
});
export type UserPreferences = Static<typeof UserPreferences>;

/**
 * A change: only the keys sent change. A table's entry replaces what was saved for that table;
 * null forgets it (back to the default columns).
 */
export const UserPreferencesPatch = Type.Object(
  {
    money: Type.Optional(Type.Enum([...MONEY_STYLES])),
    tables: Type.Optional(Type.Record(Key, Type.Union([TablePreferences, Type.Null()]), { maxProperties: 20 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UserPreferencesPatch = Static<typeof UserPreferencesPatch>;

export const DEFAULT_USER_PREFERENCES: Readonly<UserPreferences> = Object.freeze({ money: 'compact', tables: {} });
export const EMPTY_TABLE_PREFERENCES: Readonly<TablePreferences> = Object.freeze({ hidden: [], widths: {} });

/** Tables a user may keep preferences for: the bound keeps one row's jsonb small. */
const MAX_TABLES = 40;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isMoneyStyle = (x: unknown): x is UserPreferences['money'] => MONEY_STYLES.some((s) => s === x);

/** What is stored, with defaults for whatever is missing or unreadable. */
export function readUserPreferences(stored: unknown): UserPreferences {
  const raw = isObject(stored) ? stored : {};
  const tables: Record<string, TablePreferences> = {};
  if (isObject(raw.tables))
    for (const [key, value] of Object.entries(raw.tables))
      if (Value.Check(Key, key) && Value.Check(TablePreferences, value)) tables[key] = value;
  return { money: isMoneyStyle(raw.money) ? raw.money : DEFAULT_USER_PREFERENCES.money, tables };
}

/** Applies a change to what was read; the table count stays bounded (the oldest-saved kept first). */
export function mergeUserPreferences(current: UserPreferences, patch: UserPreferencesPatch): UserPreferences {
  const tables = { ...current.tables };
  for (const [key, value] of Object.entries(patch.tables ?? {})) {
    if (value === null) delete tables[key];
    else tables[key] = value;
  }
  const kept = Object.fromEntries(Object.entries(tables).slice(0, MAX_TABLES));
  return { money: patch.money ?? current.money, tables: kept };
}
