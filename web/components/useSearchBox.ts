import { useEffect, useRef, useState } from 'react';

/**
 * A search box whose submitted value lives in the URL. The input follows the URL when something
 * else changes it (reset, back button), but not when the URL merely catches up with what was just
 * submitted — otherwise a late URL update would overwrite what the user has typed since.
 */
export function useSearchBox(urlValue: string | undefined, submit: (value: string) => void) {
  const [value, setValue] = useState(urlValue ?? '');
  const submitted = useRef(urlValue ?? '');
  useEffect(() => {
    const next = urlValue ?? '';
    if (next !== submitted.current) {
      submitted.current = next;
      setValue(next);
    }
  }, [urlValue]);
  return {
    /** Spread onto the search input. */
    input: {
      value,
      onChange: (e: { target: { value: string } }) => setValue(e.target.value),
      onSearch: (v: string) => {
        submitted.current = v.trim();
        submit(v.trim());
      },
    },
    /** Empties the box along with a filter reset. */
    reset: () => {
      submitted.current = '';
      setValue('');
    },
  };
}
