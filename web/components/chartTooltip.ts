// ECharts draws labels, axes and legends on a canvas, where text is only text; its tooltips are the
// one place a chart puts text into the page as HTML. The default tooltips escape names and values,
// but a `formatter` function's return value goes in as markup, so a stage, account or user name
// could carry a script there (issue 19). useEChart passes every option through withSafeTooltips:
// a formatter's plain string is shown as text, and markup comes only from `tooltipHtml`, which
// escapes everything interpolated into it. A new chart cannot forget it.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Tooltip markup built by `tooltipHtml`: the only formatter result that is not escaped as a whole. */
export class TooltipHtml {
  constructor(readonly html: string) {}
}

/** A tooltip's markup from a template literal; every interpolated value is escaped (TooltipHtml goes in as is). */
export function tooltipHtml(strings: TemplateStringsArray, ...values: unknown[]): TooltipHtml {
  let html = strings[0];
  values.forEach((value, i) => {
    html += (value instanceof TooltipHtml ? value.html : escapeHtml(String(value ?? ''))) + strings[i + 1];
  });
  return new TooltipHtml(html);
}

function safeOutput(out: unknown): string {
  if (out instanceof TooltipHtml) return out.html;
  return out === null || out === undefined ? '' : escapeHtml(String(out));
}

type Formatter = (params: unknown, ticket: string, callback?: (ticket: string, html: unknown) => void) => unknown;

/** A formatter whose result, returned or handed to ECharts' asynchronous callback, is made safe. */
function safeFormatter(formatter: Formatter): Formatter {
  return (params, ticket, callback) =>
    safeOutput(formatter(params, ticket, callback && ((t, html) => callback(t, safeOutput(html)))));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Copies only what changes: the parts of the option on the way to a tooltip `formatter` function
 * (the chart's tooltip, a series', a data item's, a legend's…), which is wrapped; everything else,
 * the data arrays included, is passed by reference.
 */
function guard(value: unknown, isTooltip: boolean): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const next = guard(value[i], isTooltip);
      if (next !== value[i]) (out ??= [...value])[i] = next;
    }
    return out ?? value;
  }
  if (!isPlainObject(value)) return value;
  let out: Record<string, unknown> | null = null;
  for (const [key, child] of Object.entries(value)) {
    const next =
      isTooltip && key === 'formatter' && typeof child === 'function'
        ? safeFormatter(child as Formatter)
        : guard(child, key === 'tooltip');
    if (next !== child) (out ??= { ...value })[key] = next;
  }
  return out ?? value;
}

/** The option with every tooltip formatter made safe; the same object when it has none. */
export function withSafeTooltips<T>(option: T): T {
  return guard(option, false) as T;
}
