import type { Widen } from '../types.ts';
import type { forecast as zh } from '../zh-CN/forecast.ts';

export const forecast: Widen<typeof zh> = {
  forecast: {
    hint: 'Deals expected to close in the period, rolled up by forecast category against quota: commit forecast = closed won + commit; best-case forecast = closed won + commit + best case; weighted = amount × probability.',
    col: {
      deals: 'Deals', closedWon: 'Closed won', commit: 'Commit', bestCase: 'Best case', pipeline: 'Pipeline', weighted: 'Weighted',
      commitForecast: 'Commit forecast', bestCaseForecast: 'Best-case forecast', weightedForecast: 'Weighted forecast', quota: 'Quota',
      attainment: 'Attainment', coverage: 'Coverage', remaining: 'Quota left',
    },
    group: { owner: 'Rep', team: 'Team', stage: 'Stage', month: 'Month' },
    groupBy: { owner: 'By rep', team: 'By team', stage: 'By stage', month: 'By month' },
    probabilities: { configured: 'Configured probabilities', calibrated: 'Calibrated probabilities' },
    totals: 'Total', deals: '{{count}} deals', amount: 'Amount', weighted: 'Weighted', allTeams: 'All teams',
    chartTitle: 'Forecast vs quota ({{group}})', tableTitle: 'Forecast details', funnelTitle: 'Sales funnel', noOpenDeals: 'No open deals', openDeals: 'Open deals',
    stage: 'Stage', probability: 'Probability',
    calibrationTitle: 'Probability calibration', calibrationHint: 'Of the {{count}} deals closed from {{from}} to {{to}}, the share won after reaching each stage',
    configured: 'Configured', observed: 'Observed', sample: 'Sample (won / reached)', smallSample: 'Small sample; indicative only', reachedWon: '{{won}} / {{reached}}',
    accuracyTitle: 'Forecast accuracy', actualWon: 'Actually won in the period', noSnapshots: 'No pipeline snapshots yet (taken weekly)', snapshotDate: 'Snapshot', error: 'Error',
    takeSnapshot: 'Take a snapshot now', snapshotTaken: 'Snapshot taken',
  },
};
