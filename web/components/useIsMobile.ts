import { Grid } from 'antd';

/** Below antd's md breakpoint (768 px): phones get drawers and card lists instead of tables. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
