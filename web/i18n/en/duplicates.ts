import type { Widen } from '../types.ts';
import type { duplicates as zh } from '../zh-CN/duplicates.ts';

export const duplicates: Widen<typeof zh> = {
  duplicates: {
    checking: 'Checking for duplicates…',
    registeredBy: 'Already registered by {{owner}}',
    inPool: 'Already in the shared pool; you can claim it there',
    inPoolShort: 'in the shared pool',
    archived: 'archived',
    accountMatch: 'Account “{{name}}” exists (owner: {{owner}})',
    contactMatch: 'Contact “{{name}}” exists ({{account}}, owner: {{owner}})',
    dealMatch: 'The account already has an open deal “{{name}}” (owner: {{owner}})',
    field: {
      creditCode: 'same credit code',
      name: 'same name',
      mobile: 'same mobile',
      email: 'same e-mail',
    },
    confirmTitle: 'Create it anyway?',
    confirmSaveTitle: 'Save it anyway?',
    confirmAccount: 'An account with the same name exists. Go on only if this is a different customer.',
    confirmContact: 'A contact with the same mobile or e-mail exists. Go on only if this is a different person.',
    confirmDeal:
      'The account already has an open deal of this name; entering it twice inflates the funnel. Go on only if it is another deal.',
    confirmOk: 'Save anyway',
  },
};
