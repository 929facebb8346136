import type { Widen } from '../types.ts';
import type { keyAccounts as zh } from '../zh-CN/key-accounts.ts';

export const keyAccounts: Widen<typeof zh> = {
  pareto: {
    nav: 'Pareto · ABC', effortNav: 'Time follows value',
    title: 'Pareto · ABC analysis', hint: 'Accounts in your scope ranked by the chosen figure: an account is A while the accounts above it make less than the A threshold of the total, B while less than the B threshold, else C.',
    settings: 'Settings', settingsTitle: 'Pareto settings',
    metric: { ourRevenue: 'Our revenue', potential: 'Potential', wonAmount: 'Won amount' },
    classTitle: 'Class {{cls}}', accountsUnit: 'accounts', allClasses: 'All',
    concentration: 'The top 20% of accounts ({{top}}) make {{share}}; {{core}} accounts make 80% (of {{total}} accounts).',
    noAccounts: 'No accounts in your scope',
    chartTitle: 'Top {{count}} accounts', curveTitle: 'Cumulative share (all accounts)', cumulative: 'Cumulative share', accountsAxis: 'Share of accounts (ranked)',
    thresholdLine: 'Class {{cls}} threshold {{share}}%',
    col: { account: 'Account', owner: 'Owner', tier: 'Tier', share: 'Share', cumulative: 'Cumulative', class: 'Class' },
    thresholdA: 'Class A threshold (cumulative share)', thresholdB: 'Class B threshold (cumulative share)', thresholdRange: 'Give a percentage between 0 and 100', thresholdOrder: 'Must be above the class A threshold',
    preview: 'With these thresholds: A {{a}} · B {{b}} · C {{c}}',
    effortMode: 'Recommended effort', effortModeHint: 'By revenue share: accounts that make 30% of revenue get 30% of the time; or fixed shares for tiers A, B and C (adding up to 100%).',
    mode: { revenue: 'By revenue share', fixed: 'Fixed shares' }, tierShare: 'Tier {{tier}} share', shareRequired: 'Give a share',
    effort: {
      title: 'Time follows value', hint: 'The recommended share of time per account tier beside the share it actually got (planned duration of done calls), and the accounts most over- and under-served.',
      recommended: 'Recommended', actual: 'Actual', overServed: 'Over-served accounts', underServed: 'Under-served accounts', noGap: 'No gap',
      modeLine: { revenue: "Recommended share = the tier's share of revenue.", fixed: 'Recommended shares are fixed by the administrator; untiered accounts get none.' },
      tier: { A: 'Tier A', B: 'Tier B', C: 'Tier C', none: 'Untiered' },
      col: { account: 'Account', tier: 'Tier', accounts: 'Accounts', revenue: 'Our revenue', hours: 'Hours', revenueShare: 'Revenue share', timeShare: 'Time share', gap: 'Gap' },
    },
  },
};
