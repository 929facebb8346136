// Saved views: a list's filters kept under a name, each user's own.
import { Type } from 'typebox';
import { Id } from './common.ts';

export const SavedView = Type.Object({
  id: Id,
  list: Type.String(),
  name: Type.String(),
  query: Type.Record(Type.String(), Type.Unknown()),
});
export const SavedViewCreate = Type.Object(
  {
    list: Type.Enum(['opportunities', 'accounts', 'contacts']),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    query: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);
