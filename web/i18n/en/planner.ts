import type { Widen } from '../types.ts';
import type { planner as zh } from '../zh-CN/planner.ts';

export const planner: Widen<typeof zh> = {
  planner: {
    hint: 'Work back from the year’s quota: quota ÷ average deal size = deals needed; each signed deal takes 6 trainings → 5 meetings with the decision owner → 3 consultations → 3 proposals → 2 tenders/negotiations → 1 signing (653321). A plan covers twelve whole months: after a lead-in, one signing a month (“Jan, Feb, Mar: 1 deal … Dec: 1 deal”), each stage’s activities spread over the weeks the stage takes.',
    quota: 'Quota', quotaHint: 'Blank = the yearly target', quotaPlaceholder: 'Yearly target',
    averageDealSize: 'Average deal size', averageHint: 'Blank = average won deal over 12 months: the person’s own, else their team’s, else the organisation’s', averagePlaceholder: '12-month average',
    averageFrom: {
      own: 'From your won deals, last 12 months', team: 'From your team’s won deals, last 12 months', org: 'From the organisation’s won deals, last 12 months',
      ownOf: 'From {{name}}’s won deals, last 12 months', teamOf: 'From the won deals of {{name}}’s team, last 12 months',
    },
    startMonth: 'Start month', startMonthPlaceholder: 'Default: from {{month}}', startMonthHint: 'The plan covers twelve whole months from this one',
    ratios: 'Activities per signed deal, by stage', ratiosHint: 'The course’s 653321 rule; adjust it to your experience', ratiosIncomplete: 'Give a number for every stage',
    stageWeeks: 'Weeks per stage', stageWeeksHint: 'The course’s stage durations: training 3 weeks, meeting the owner 2.5, consulting 2, proposal 1.5, negotiation 1, signing 0.5; half weeks allowed',
    weeksIncomplete: 'Give the weeks of every stage', halfWeeks: 'Whole or half weeks only',
    compute: 'Compute plan', saveMine: 'Save as my plan', saveForPerson: 'Save as their plan', saved: 'Plan saved', myself: 'Myself',
    default: 'default', dealsNeeded: 'Deals needed', leadIn: 'Lead-in', monthsUnit: 'months', window: 'Plan covers {{from}} to {{to}} (12 months)', weeksLine: 'Weeks per stage: {{weeks}}', peak: 'Peak month', perMonth: '/ month', savedAt: 'Saved',
    stageTotals: 'Activities per stage', ratioLine: '{{ratios}} × {{deals}} deals = {{total}} activities', schedule: 'Monthly activity plan',
    month: 'Month', total: 'Total', backlog: 'Backlog (do now)', backlogHint: 'Activities that would fall before the plan starts: do them now',
    savedPlan: 'Saved plan: {{deals}} deals needed', showSaved: 'Show saved plan', notSaved: 'No plan saved for this year yet',
    actualTitle: 'Plan vs actual', noActual: 'No plan-vs-actual data', person: 'Person', planSource: 'Plan', source: { saved: 'Saved plan', quota: 'From quota' },
    plannedToDate: 'Planned to date', doneToDate: 'Done to date', progress: 'Progress', behind: 'Behind', noPlan: 'No plan', doneOfPlanned: 'Done / planned',
  },
};
