export interface Option {
  value: string;
  label: string;
}

/**
 * Select options plus the records a form already holds but the list has not (yet) loaded, so the
 * picker shows a name rather than a bare id.
 */
export function withCurrent(options: Option[], current: (Option | null | undefined)[]): Option[] {
  const missing = current.filter((c): c is Option => !!c && !!c.value && !options.some((o) => o.value === c.value));
  return [...missing, ...options];
}
