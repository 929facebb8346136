import type { Widen } from '../types.ts';
import type { admin as zh } from '../zh-CN/admin.ts';

export const admin: Widen<typeof zh> = {
  admin: {
    newUser: 'New user',
    editUser: 'Edit user',
    active: 'Active',
    inactive: 'Deactivated',
    newPasswordOptional: 'New password (leave empty to keep)',
    dataScopeHint: 'Which accounts and contacts this user can see',
    newTeam: 'New team',
    renameMove: 'Rename / move',
    addSubteam: 'Add sub-team',
    teamName: 'Team name',
    parentTeam: 'Parent team',
    topLevel: '(top level)',
    noTeams: 'No teams yet',
    memberCount: '{{count}} members',
    deleteTeamConfirm: 'Delete team “{{name}}”?',
  },
};
