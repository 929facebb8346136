import type { Widen } from '../types.ts';
import type { fields as zh } from '../zh-CN/fields.ts';

export const fields: Widen<typeof zh> = {
  field: {
    common: { createdAt: 'Created', updatedAt: 'Updated', version: 'Version', archived: 'Archived', members: 'Account team' },
    account: {
      name: 'Account name', shortName: 'Short name', creditCode: 'Unified social credit code', ownershipType: 'Ownership', scope: 'Scope',
      parentId: 'Group (parent)', industry: 'Industry', province: 'Province', city: 'City', address: 'Address', website: 'Website',
      employees: 'Employees', annualRevenue: 'Annual revenue', ourRevenue: 'Our revenue', potential: 'Potential',
      financialStatus: 'Financial status', marketStrength: 'Market strength', relationshipStage: 'Relationship stage', tier: 'Tier',
      ownerId: 'Account manager', tags: 'Tags',
      prospectReview: 'Prospect review', pooledAt: 'In shared pool since', claimedAt: 'Claimed',
      needs: 'Needs', background: 'Background', purchaseMotives: 'Purchase motives', profitModel: 'Profit model',
      decisionProcess: 'Decision process', upstreamDownstream: 'Upstream & downstream', coreCompetencies: 'Core competencies',
    },
    contact: {
      accountId: 'Account', name: 'Name', title: 'Title', department: 'Department', reportsToId: 'Reports to',
      phone: 'Phone', mobile: 'Mobile', email: 'E-mail', wechat: 'WeChat', birthday: 'Birthday', notes: 'Notes',
      influence: 'Influence', attitude: 'Attitude', coverage: 'Coverage', counterpartId: 'Our counterpart', interests: 'Interests', goals: 'Personal goals',
      power: 'Power', interest: 'Interest', govPosition: 'Position in the organisation', govSupplierSelection: 'Supplier-selection situation',
      govAchievements: 'Achievements they are measured on', govCostAwareness: 'Cost / benefit awareness',
    },
    user: {
      email: 'E-mail', name: 'Name', password: 'Password', role: 'Role', dataScope: 'Data scope', teamId: 'Team', managerId: 'Manager', active: 'Status',
    },
    opportunity: {
      accountId: 'Account', name: 'Opportunity name', amount: 'Amount', weightedAmount: 'Weighted amount', expectedCloseDate: 'Expected close date',
      ownerId: 'Owner', stageId: 'Sales stage', probability: 'Probability', probabilityReason: 'Reason for the probability', forecastCategory: 'Forecast category',
      source: 'Source', status: 'Status', lostReason: 'Lost reason', wonByCompetitorId: 'Competitor who won',
      objectiveWhat: 'What (product / solution)', objectiveAmount: 'How much', objectiveBy: 'By when', ourPosition: 'Our position',
      nextStep: 'Next step', nextStepDate: 'Next step date', ourOutcome: 'What we get', customerOutcome: 'What the customer gets',
      winWinOurs: 'Do we win?', winWinCustomer: 'Does the customer win?', health: 'Health', items: 'Line items', redFlags: 'Risks',
      stageEnteredAt: 'Entered stage', daysInStage: 'Days in stage', lastActivityAt: 'Last activity', stage: 'Stage',
      closedAt: 'Closed at', confirmUnmetCriteria: 'Unmet exit criteria confirmed',
    },
    influence: {
      contactId: 'Contact', roles: 'Roles', influence: 'Influence', mode: 'Response mode', rating: 'Rating', coverage: 'Coverage',
      counterpartId: 'Our counterpart', result: 'Result', personalWin: 'Personal win', evidence: 'Evidence', prefersUs: 'Prefers',
      preferredCompetitorId: 'Preferred competitor', title: 'Title', department: 'Department', newContactName: 'New contact name',
    },
    stage: { name: 'Stage name', nameEn: 'English name', probability: 'Default probability %', forecastCategory: 'Forecast category', exitCriteria: 'Exit criteria', kind: 'Kind', label: 'Criterion', labelEn: 'English' },
    product: { name: 'Product name', category: 'Category', listPrice: 'List price', active: 'On sale' },
    competitor: { name: 'Name', strengths: 'Strengths', weaknesses: 'Weaknesses', pricePosition: 'Price position' },
    lineItem: { productId: 'Product', quantity: 'Quantity', price: 'Unit price', discount: 'Discount %', total: 'Total' },
    activity: {
      type: 'Type', subject: 'Subject', accountId: 'Account', opportunityId: 'Opportunity', contactIds: 'Customer attendees', userIds: 'Our attendees',
      ownerId: 'Owner', plannedStart: 'Start', plannedEnd: 'End', when: 'When', place: 'Place', objective: 'Objective',
      steps: 'Steps', talkingPoints: 'Talking points', diningPlan: 'Dining plan', status: 'Status', outcome: 'Outcome',
      nextMeetingProposed: 'Next meeting', nextSteps: 'Next steps', satisfaction: 'Satisfaction', completedAt: 'Logged at',
    },
    task: {
      title: 'Task', dueDate: 'Due date', assigneeId: 'Assignee', accountId: 'Account', opportunityId: 'Opportunity', contactId: 'Contact',
      notes: 'Notes', done: 'Done', activityId: 'Source',
    },
  },
};
