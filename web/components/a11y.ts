// Accessible names and colours shared by the widgets (issue 21, item 10).
import type { ReactNode } from 'react';

/**
 * Secondary text (a name's short form, a card's hint, a row's second line) in the theme's tertiary grey
 * (web/app/theme.ts): 5.2:1 on the page's grey, where the "#888"/"#999" written by hand were 3–3.5:1.
 */
export const TEXT_SECONDARY = 'rgba(0, 0, 0, 0.58)';

interface Named {
  id?: string;
  placeholder?: ReactNode;
  'aria-label'?: string;
  'aria-labelledby'?: string;
}

/**
 * The name a select or picker gives itself. Inside a Form.Item it has an id, which the item's <label>
 * points at; a filter on its own has only its placeholder, which antd draws as a <div> a screen reader
 * never announces, so the placeholder becomes its aria-label.
 */
export function ownName({ id, placeholder, ...aria }: Named): string | undefined {
  if (aria['aria-label'] || aria['aria-labelledby'] || id) return aria['aria-label'];
  return typeof placeholder === 'string' ? placeholder : undefined;
}
