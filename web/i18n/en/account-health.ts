import type { Widen } from '../types.ts';
import type { accountHealth as zh } from '../zh-CN/account-health.ts';

export const accountHealth: Widen<typeof zh> = {
  health: {
    title: 'Account health',
    tab: 'Health',
    unknown: 'Nothing to judge yet: no contact met or on our side, no open deals, no done calls',
    notCounted: 'Not counted',
    share: '{{share}}% of total',
    hint: "0–100 from relationship coverage (35%), open deals' risks (25%), the last call (25%) and customer satisfaction (15%); a part without data is left out and the others scaled up.",
    component: {
      coverage: 'Relationship coverage',
      redFlags: 'Deal risks',
      lastContact: 'Last call',
      satisfaction: 'Satisfaction',
    },
    explain: {
      noContacts: 'No contacts yet: the relationship map is empty',
      coverageKey: '{{covered}} of {{contacts}} key people (high/medium influence) met, {{supportive}} on our side',
      coverageAll:
        'Nobody rated for influence, so all {{contacts}} contacts count: {{covered}} met, {{supportive}} on our side',
      noDeals: 'No open deals: not counted',
      redFlags:
        '{{openDeals}} open deals, {{flaggedDeals}} with risk warnings (high {{high}} · medium {{medium}} · low {{low}})',
      neverMet: 'No call done yet',
      lastContact: '{{days}} days since the last done call (full marks within 14 days, 0 from 90)',
      noSatisfaction: 'No satisfaction scores in the last 12 months: not counted',
      satisfaction: '{{count}} scores in the last 12 months, average {{average}} / 5',
    },
    group: {
      tab: 'Group',
      hint: "From the group's head office to every branch; roll-up columns sum the account and every branch below it you can see.",
      rolledUpRevenue: 'Rolled-up revenue',
      openPipeline: 'Rolled-up pipeline',
      pipelineDetail: '{{count}} deals · weighted',
      won: 'Won, last 12 months',
      coverage: 'Contact coverage',
    },
  },
  whitespace: {
    nav: 'Whitespace',
    title: 'Whitespace',
    account: 'Account',
    blank: 'Blank',
    empty: 'No accounts',
    pickAccount: 'Pick an account or group',
    hint: "Accounts × product categories: where we have won, where a deal is open, where nothing is sold yet — where to sell next. From deals' line items; lost deals and deals without line items are left out.",
    topHint:
      'Without an account: the 30 accounts in your scope with the most revenue with us; pick a group to see all its branches.',
    state: { won: 'Won', open: 'Open deal', none: 'Nothing yet' },
  },
};
