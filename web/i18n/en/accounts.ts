import type { Widen } from '../types.ts';
import type { accounts as zh } from '../zh-CN/accounts.ts';

export const accounts: Widen<typeof zh> = {
  accounts: {
    new: 'New account',
    edit: 'Edit account profile',
    empty: 'No accounts yet',
    searchPlaceholder: 'Search name, short name, credit code',
    place: 'Province / city',
    team: 'Team',
    tagsHint: 'Type and press Enter to add a tag',
    tab: { profile: 'Profile', contacts: 'Contacts', org: 'Org chart', history: 'History' },
    group: { basics: 'Basics', finance: 'Finance', relationship: 'Relationship', profile: 'Account analysis' },
    subsidiaries: 'Subsidiaries',
    noSubsidiaries: 'No subsidiaries',
    accountTeam: 'Account team',
    noMembers: 'No team members yet',
    addMember: 'Add member',
    member: 'Member',
    memberRole: 'Role',
    archiveConfirm: 'Archive this account? Archived accounts are hidden from lists by default.',
    restoreConfirm: 'Restore this account?',
    deleteConfirm:
      'Move this account, its contacts and activities to the recycle bin? You can restore them from there.',
  },
};
