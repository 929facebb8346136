import { fromCents, lineTotal, toCents } from '../../../core/funnel.ts';
import type { LineItem } from '../../../core/schemas/deals.ts';
import type { Product } from '../../../core/schemas/catalog.ts';
import { MONEY_INPUT_RE, normaliseMoney } from '../../lib/money.ts';

export const QUANTITY_RE = /^\d{1,12}(\.\d{1,2})?$/;
export const DISCOUNT_RE = /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/;

/** One row of the line-items editor, as typed (strings, possibly blank). */
export interface LineItemValues {
  productId?: string;
  quantity?: string;
  price?: string;
  discount?: string;
}

export interface LineItemBody {
  productId: string;
  quantity: string;
  price?: string | null;
  discount?: string;
}

export function toLineItemValues(items: LineItem[]): LineItemValues[] {
  return items.map((i) => ({ productId: i.productId, quantity: i.quantity, price: i.price, discount: i.discount }));
}

/** Exact total of one row (the server computes the same with the same helper), or null while incomplete. */
export function rowTotal(row: LineItemValues | undefined, products: Product[]): string | null {
  if (!row?.productId) return null;
  const product = products.find((p) => p.id === row.productId);
  const quantity = (row.quantity ?? '').trim();
  const price = normaliseMoney(row.price) ?? product?.listPrice ?? null;
  const discount = (row.discount ?? '').trim() || '0';
  if (!price || !QUANTITY_RE.test(quantity) || !MONEY_INPUT_RE.test(price) || !DISCOUNT_RE.test(discount)) return null;
  return lineTotal(quantity, price, discount);
}

export function itemsTotal(rows: (LineItemValues | undefined)[] | undefined, products: Product[]): string {
  let sum = 0n;
  for (const r of rows ?? []) {
    const t = rowTotal(r, products);
    if (t) sum += toCents(t);
  }
  return fromCents(sum);
}

export function toLineItemBodies(rows: LineItemValues[] | undefined): LineItemBody[] {
  return (rows ?? [])
    .filter((r): r is LineItemValues & { productId: string } => !!r?.productId)
    .map((r) => {
      const price = normaliseMoney(r.price);
      const discount = (r.discount ?? '').trim();
      return {
        productId: r.productId,
        quantity: (r.quantity ?? '').trim(),
        ...(price ? { price } : {}),
        ...(discount ? { discount } : {}),
      };
    });
}
