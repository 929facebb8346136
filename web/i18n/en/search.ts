import type { Widen } from '../types.ts';
import type { search as zh } from '../zh-CN/search.ts';

export const search: Widen<typeof zh> = {
  search: {
    placeholder: 'Search accounts, contacts, phone…',
    accounts: 'Accounts',
    contacts: 'Contacts',
    noResults: 'No matches',
  },
};
