/** A resource tree with every string literal widened to string: the shape the English files must match. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
