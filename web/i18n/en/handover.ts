import type { Widen } from '../types.ts';
import type { handover as zh } from '../zh-CN/handover.ts';

export const handover: Widen<typeof zh> = {
  handover: {
    action: 'Hand over',
    title: 'Hand over {{name}}’s accounts',
    to: 'Receiving user',
    scope: 'What to hand over',
    all: 'All accounts and open work',
    selected: 'Selected accounts',
    accounts: 'Accounts',
    searchAccounts: 'Search {{name}}’s accounts',
    preview: 'What will move',
    confirm: 'Hand over',
    done: 'Handover done',
    doneText: 'These records of {{from}} now belong to {{to}}',
    kept: 'Won and lost deals, done or cancelled calls and done tasks stay with their owner.',
    deactivate: 'Deactivate {{name}}',
    deactivated: '{{name}} is deactivated',
    close: 'Close',
    team: {
      nav: 'Team members',
      intro:
        'The people in your data scope. When someone leaves or changes territory, hand their accounts and open work to someone else on the team. Adding, changing and deactivating people is for administrators.',
      nobodyElse: 'There is nobody else in your data scope to hand over to.',
    },
    counts: {
      accounts: 'Accounts',
      openDeals: 'Open deals',
      plannedActivities: 'Planned calls',
      openTasks: 'Open tasks',
      accountTeams: 'Account-team places',
      poolClaims: 'Pool claims',
    },
  },
};
