import type { Widen } from '../types.ts';
import type { relationshipMap as zh } from '../zh-CN/relationship-map.ts';

export const relationshipMap: Widen<typeof zh> = {
  relmap: {
    tab: 'Relationship map',
    stakeholdersTab: 'Stakeholders',
    status: { red: 'Map status: red', amber: 'Map status: amber', green: 'Map status: green' },
    statusHint:
      'Red: no key player supports us; amber: some support, but not every decision maker; green: supporters include every decision maker, and every open deal’s economic buyer has been met and is not strongly against us. Key player = high influence, economic or technical buyer; supportive = attitude (rating on a deal) of +1 or more.',
    empty: 'This account has no contacts yet.',
    emptyDeal: 'This deal has no buying influences yet; add them on the Blue Sheet.',
    legendReports: 'reports to',
    legendLink: 'relationship',
    legendCounterpart: 'our counterpart',
    connectHint:
      'Drag from the dot on the right of one person to another to add a relationship; click a line to remove it; click a person to set their attitude.',
    newLink: 'Add relationship',
    kind: 'Kind',
    linkSentence: '{{to}} is {{from}}’s …',
    reportsTo: '{{from}} reports to {{to}}',
    removeLink: 'Remove the {{kind}} relationship “{{from}} → {{to}}”?',
    removeReportsTo: 'Remove who {{name}} reports to?',
    attitude: 'Attitude',
    rating: 'Rating (this deal)',
    keyPlayer: 'Key player',
    supporter: 'Supporter',
    decisionMaker: 'Decision maker',
    counterpart: 'Our counterpart',
    noCounterpart: 'None',
    roles: 'Buying roles',
    openContact: 'Open the contact page',
    gov: {
      title: 'Public-sector intelligence (government, institutions)',
      short: 'intel',
      position: 'Position in the organisation',
      supplierSelection: 'Supplier-selection situation',
      achievements: 'Achievements they are measured on',
      costAwareness: 'Cost / benefit awareness',
    },
    quadrant: {
      manage_closely: 'Manage closely',
      keep_satisfied: 'Keep satisfied',
      keep_informed: 'Keep informed',
      monitor: 'Monitor',
    },
    power: 'Power',
    interest: 'Interest',
    derived: 'derived',
    placed: 'placed by hand',
    gridHint:
      'Power up, interest across (1–5). Unplaced contacts are derived from influence, coverage and attitude (an open deal’s economic buyer has high power); drag a contact to another quadrant to save it there.',
    gridHintMobile: 'Choose a quadrant for a contact to save it there.',
    moveTo: 'Move to quadrant',
  },
};
