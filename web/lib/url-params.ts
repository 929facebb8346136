import { useSearchParams } from 'react-router';

/** Filters live in the URL (bookmarkable, survive reload), as on the accounts list. */
export function useUrlParams<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values: Partial<Record<K, string>> = {};
  for (const k of keys) {
    const v = params.get(k);
    if (v) values[k] = v;
  }
  const setMany = (patch: Partial<Record<K, string | null | undefined>>) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch) as [string, string | null | undefined][]) {
          if (v === null || v === undefined || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  };
  const set = (key: K, value: string | null | undefined) =>
    setMany({ [key]: value } as Partial<Record<K, string | null | undefined>>);
  const replaceAll = (next: Partial<Record<K, string>>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next) as [string, string | undefined][]) if (v) p.set(k, v);
    setParams(p, { replace: true });
  };
  const clear = () => setParams(new URLSearchParams(), { replace: true });
  return { values, set, setMany, replaceAll, clear };
}
