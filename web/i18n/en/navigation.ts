import type { Widen } from '../types.ts';
import type { navigation as zh } from '../zh-CN/navigation.ts';

export const navigation: Widen<typeof zh> = {
  navigation: {
    menu: 'Main menu',
    group: { customers: 'Customers', sales: 'Sales', analysis: 'Analysis', plan: 'Forecast & plan', admin: 'Admin' },
    settings: 'Settings',
    searchShortcut: 'Press {{keys}} to search from anywhere',
    breadcrumb: 'You are here',
    crumbs: {
      accounts: 'Accounts',
      contacts: 'Contacts',
      opportunities: 'Opportunities',
      activities: 'Activities',
      print: 'Print',
    },
  },
  settingsPage: {
    title: 'Settings',
    intro: "Your organisation's rules in one place; the settings buttons on their own pages still work.",
    edit: 'Change',
    scoringSummary: '{{count}} criteria · A ≥ {{a}} points · B ≥ {{b}} points',
    paretoSummary: 'Class A: top {{a}}% · class B: up to {{b}}% · effort: {{mode}}',
    prospectSummary: 'Suggest dropping {{drop}}% · at most {{limit}} pool accounts per rep',
    retentionTitle: 'Recycle bin',
    retentionHint: 'Deleted records can be restored for this long, then they are deleted for good.',
    timeZoneTitle: 'Time zone',
    timeZone: "Organisation's time zone",
    timeZoneHint: 'Today, weeks, months and quarters, overdue marks and reminders follow this zone (default {{zone}}).',
    dealListsMoved: 'The lost reasons and deal sources are kept on the Settings page.',
  },
};
