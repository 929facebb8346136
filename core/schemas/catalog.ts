// The funnel's stages and the catalogues a deal draws on (products, competitors): what admins and
// managers curate for the whole organisation, and the stage's exit criteria a deal's checklist follows.
import { Type, type Static } from 'typebox';
import { FORECAST_CATEGORIES, PRICE_POSITIONS, STAGE_KINDS } from '../enums.ts';
import { Id, NonNegativeMoney, Nullable, OptionalNullable, Version } from './common.ts';

const Text = (max = 200) => Type.String({ maxLength: max });
const LongText = Type.String({ maxLength: 10000 });
/** A win probability in whole percent (a stage's default, a deal's own). */
export const Probability = Type.Integer({ minimum: 0, maximum: 100 });
/** A stage's exit criterion: what must be true before a deal leaves it. */
export const Criterion = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 40 }),
  label: Type.String({ minLength: 1, maxLength: 200 }),
  labelEn: OptionalNullable(Text()),
});

export const Stage = Type.Object({
  id: Id,
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  position: Type.Integer(),
  probability: Type.Integer(),
  kind: Type.Enum([...STAGE_KINDS]),
  forecastCategory: Type.Enum([...FORECAST_CATEGORIES]),
  exitCriteria: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), labelEn: Nullable(Type.String()) })),
  version: Type.Integer(),
});
export type Stage = Static<typeof Stage>;
export const StageCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    nameEn: OptionalNullable(Text(50)),
    probability: Probability,
    kind: Type.Optional(Type.Enum([...STAGE_KINDS])),
    forecastCategory: Type.Optional(Type.Enum([...FORECAST_CATEGORIES])),
    exitCriteria: Type.Optional(Type.Array(Criterion, { maxItems: 20 })),
    /** Insert before the stage now at this position (0-based); default: after the last open stage. */
    position: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type StageCreate = Static<typeof StageCreate>;
export const StageUpdate = Type.Object(
  {
    version: Version,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    nameEn: OptionalNullable(Text(50)),
    probability: Type.Optional(Probability),
    forecastCategory: Type.Optional(Type.Enum([...FORECAST_CATEGORIES])),
    exitCriteria: Type.Optional(Type.Array(Criterion, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type StageUpdate = Static<typeof StageUpdate>;
export const StageOrder = Type.Object(
  { ids: Type.Array(Id, { minItems: 1, maxItems: 50 }) },
  { additionalProperties: false },
);

// ---- Catalogues: products and competitors ----
export const Product = Type.Object({
  id: Id,
  name: Type.String(),
  category: Type.String(),
  listPrice: Type.String(),
  active: Type.Boolean(),
  version: Type.Integer(),
});
export type Product = Static<typeof Product>;
export const ProductCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    category: Type.String({ minLength: 1, maxLength: 100 }),
    listPrice: NonNegativeMoney,
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ProductCreate = Static<typeof ProductCreate>;
export const ProductUpdate = Type.Object(
  {
    version: Version,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    listPrice: Type.Optional(NonNegativeMoney),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ProductUpdate = Static<typeof ProductUpdate>;

export const Competitor = Type.Object({
  id: Id,
  name: Type.String(),
  strengths: Nullable(Type.String()),
  weaknesses: Nullable(Type.String()),
  pricePosition: Nullable(Type.Enum([...PRICE_POSITIONS])),
  version: Type.Integer(),
});
export type Competitor = Static<typeof Competitor>;
const competitorFields = {
  strengths: OptionalNullable(LongText),
  weaknesses: OptionalNullable(LongText),
  pricePosition: OptionalNullable(Type.Enum([...PRICE_POSITIONS])),
};
export const CompetitorCreate = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), ...competitorFields },
  { additionalProperties: false },
);
export type CompetitorCreate = Static<typeof CompetitorCreate>;
export const CompetitorUpdate = Type.Object(
  { version: Version, name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), ...competitorFields },
  { additionalProperties: false },
);
export type CompetitorUpdate = Static<typeof CompetitorUpdate>;
