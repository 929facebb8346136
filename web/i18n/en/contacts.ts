import type { Widen } from '../types.ts';
import type { contacts as zh } from '../zh-CN/contacts.ts';

export const contacts: Widen<typeof zh> = {
  contacts: {
    new: 'New contact',
    edit: 'Edit contact',
    empty: 'No contacts yet',
    searchPlaceholder: 'Search name or phone',
    accountOwner: 'Account manager',
    tab: { profile: 'Details', links: 'Relationships', history: 'History' },
    reportsToHint: 'Must be a contact of the same account; it draws the org chart',
    attitudeHint: 'Attitude towards us: −5 (strongly against) … +5 (strongly for)',
    counterpartHint: 'Who on our side works with this person',
    noLinks: 'No relationships recorded',
    addLink: 'Add relationship',
    linkTo: 'Related contact',
    linkKind: 'Relationship',
    linkNote: 'Note',
    linkKindHint: 'What the other person is to {{name}}',
    linkedBy: 'Listed as their {{kind}}',
    removeLinkConfirm: 'Remove this relationship?',
    call: 'Call {{number}}',
    mailTo: 'E-mail {{email}}',
    archiveConfirm: 'Archive this contact?',
    restoreConfirm: 'Restore this contact?',
    deleteConfirm: 'Move this contact to the recycle bin? You can restore it from there.',
  },
  orgChart: {
    empty: 'This account has no contacts yet. Add them on the Contacts tab and set who they report to.',
    openContact: 'Click to open the contact',
    influenceUnknown: 'Influence unknown',
    linkLegend: 'relationship',
  },
};
