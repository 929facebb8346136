import type { Widen } from '../types.ts';
import type { merges as zh } from '../zh-CN/merges.ts';

export const merges: Widen<typeof zh> = {
  merges: {
    action: 'Merge',
    title: 'Merge another account into “{{name}}”',
    pick: 'Duplicate account to merge in',
    suggested: 'Possible duplicates',
    search: 'Search accounts',
    intro:
      'Its contacts, deals, calls, tasks, SWOT and team move to “{{name}}”; it is archived and points to the kept account. You can undo within 30 days.',
    field: 'Field',
    keep: 'Keep ({{name}})',
    take: 'Take ({{name}})',
    same: 'The other fields are the same in both records',
    confirm: 'Merge',
    done: 'Merged: {{count}} records moved to the kept account',
    undo: 'Undo',
    undone: 'Merge undone',
    why: {
      name: '{{name}} (same name)',
      mobile: '{{name}} (same mobile)',
      email: '{{name}} (same e-mail)',
    },
    account: {
      mergedInto: 'This account was merged into “{{name}}”; use the kept account from now on.',
      mergedIntoOther: 'This account was merged into another account.',
      open: 'Open the kept account',
    },
    contact: {
      title: 'Merge another contact into “{{name}}”',
      pick: 'Duplicate contact to merge in',
      search: 'Choose among the contacts of “{{account}}”',
      intro:
        'Their calls, roles on deals, relationships, reports and tasks move to “{{name}}”; the duplicate is archived and points to the kept contact. You can undo within 30 days.',
      done: 'Merged: {{count}} records moved to the kept contact',
      mergedInto: 'This contact was merged into “{{name}}”; use the kept contact from now on.',
      mergedIntoOther: 'This contact was merged into another contact.',
      open: 'Open the kept contact',
    },
  },
};
