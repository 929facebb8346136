import type { Widen } from '../types.ts';
import type { enums as zh } from '../zh-CN/enums.ts';

export const enums: Widen<typeof zh> = {
  enum: {
    ownershipType: { government: 'Government agency', soe: 'SOE', foreign: 'Foreign-invested', private: 'Private', institution: 'Public institution', other: 'Other' },
    scope: { national: 'National key account', regional: 'Regional key account' },
    financialStatus: { good: 'Good', fair: 'Fair', poor: 'Poor' },
    relationshipStage: { establish: 'Establish', deepen: 'Deepen', alliance: 'Alliance' },
    tier: { A: 'Tier A', B: 'Tier B', C: 'Tier C' },
    influence: { high: 'High', medium: 'Medium', low: 'Low' },
    coverage: { none: 'None', brief: 'Brief', multiple: 'Multiple', in_depth: 'In depth' },
    linkKind: { superior: 'Superior', peer: 'Peer', subordinate: 'Subordinate', administrative: 'Administrative staff', social: 'Social', family: 'Family' },
    role: { admin: 'Administrator', manager: 'Sales manager', rep: 'Account manager', viewer: 'Viewer' },
    dataScope: { own: 'Own only', own_and_subordinates: 'Own and subordinates', team: 'Own team', team_and_subteams: 'Team and sub-teams', all: 'All' },
    memberRole: { owner: 'Owner', member: 'Member', support: 'Support', executive_sponsor: 'Executive sponsor' },
    forecastCategory: { pipeline: 'Pipeline', best_case: 'Best case', commit: 'Commit', omitted: 'Omitted', closed: 'Closed' },
    dealStatus: { open: 'Open', won: 'Won', lost: 'Lost' },
    stageKind: { open: 'Open', won: 'Won', lost: 'Lost' },
    buyingRole: { coach: 'Coach', user: 'User buyer', technical: 'Technical buyer', economic: 'Economic buyer' },
    responseMode: { growth: 'Growth', trouble: 'Trouble', even_keel: 'Even keel', overconfident: 'Overconfident' },
    pricePosition: { low: 'Cheaper', similar: 'Similar price', high: 'More expensive' },
    competitivePosition: { ahead: 'Ahead', even: 'Even', behind: 'Behind' },
    swotQuadrant: { strengths: 'Strengths', weaknesses: 'Weaknesses', opportunities: 'Opportunities', threats: 'Threats' },
    noteKind: { red_flag: 'Risk warning', strength: 'Strength (little red flag)' },
    severity: { high: 'High', medium: 'Medium', low: 'Low' },
    activityStatus: { planned: 'Planned', done: 'Done', cancelled: 'Cancelled' },
    timeGroup: { account: 'By account', owner: 'By person', tier: 'By tier' },
    reminderKind: { task_due_soon: 'Task due soon', task_overdue: 'Task overdue', birthday: 'Birthday', follow_up_due: 'Follow-up due', activity_unlogged: 'Call not logged' },
    periodKind: { year: 'Year', quarter: 'Quarter', month: 'Month' },
    changeKind: { new: 'New', won: 'Won', lost: 'Lost', moved_forward: 'Moved forward', moved_back: 'Moved back', slipped: 'Slipped', pulled_in: 'Pulled in', amount_up: 'Amount up', amount_down: 'Amount down' },
  },
};
