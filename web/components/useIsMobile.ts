import { useSyncExternalStore } from 'react';

// Same threshold as antd's md breakpoint. matchMedia (not Grid.useBreakpoint) so the very first render
// already knows, and phones do not flash the desktop layout or start with filters expanded.
const QUERY = '(max-width: 767.98px)';

function subscribe(cb: () => void): () => void {
  const mql = window.matchMedia(QUERY);
  mql.addEventListener('change', cb);
  return () => mql.removeEventListener('change', cb);
}

/** Below 768 px: phones get drawers and card lists instead of tables. */
export function useIsMobile(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}
