// SWOT boards (an account's or a deal's): items by quadrant, in their order.
import { Type, type Static } from 'typebox';
import { SWOT_QUADRANTS } from '../enums.ts';
import { Id } from './common.ts';

export const SwotItem = Type.Object({
  id: Id,
  quadrant: Type.Enum([...SWOT_QUADRANTS]),
  text: Type.String(),
  position: Type.Integer(),
});
export type SwotItem = Static<typeof SwotItem>;
export const SwotItemCreate = Type.Object(
  { quadrant: Type.Enum([...SWOT_QUADRANTS]), text: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export const SwotItemUpdate = Type.Object(
  {
    quadrant: Type.Optional(Type.Enum([...SWOT_QUADRANTS])),
    text: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    position: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
