import type { Widen } from '../types.ts';
import type { dashboard as zh } from '../zh-CN/dashboard.ts';

export const dashboard: Widen<typeof zh> = {
  dashboard: {
    forecastTitle: 'This quarter: forecast vs quota by rep',
    details: 'Details',
    all: 'All',
    riskTitle: 'Deals at serious risk (health < {{below}})',
    slippedTitle: 'What changed: new, won, lost, moved and slipped deals',
    since: 'Since',
    noChanges: 'No change of this kind in the period',
    stage: 'Stage',
    changesSince: 'Compared with the snapshot of {{date}}',
    noBaseline: 'No snapshot to compare with yet',
    noSlipped: 'No deal slipped this week',
    closeDate: 'Expected close',
    planTitle: 'Plan vs actual by rep',
    winLossTitle: 'Won / lost this quarter',
    won: 'Won',
    lost: 'Lost',
    winRate: 'Win rate',
    lostReason: 'Lost reason',
    noReason: 'No reason given',
    noReasons: 'Nothing lost this quarter',
    lostTo: 'Lost to',
    noCompetitors: 'No winning competitor recorded',
    bySource: 'By deal source',
    nothingClosed: 'Nothing won or lost this quarter',
  },
};
