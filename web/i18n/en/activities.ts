import type { Widen } from '../types.ts';
import type { activities as zh } from '../zh-CN/activities.ts';

export const activities: Widen<typeof zh> = {
  activities: {
    new: 'Plan a visit', edit: 'Edit visit plan', quickAdd: 'Plan a visit', empty: 'No activities', searchPlaceholder: 'Search subject',
    periodFrom: 'From', periodTo: 'To', pickAccountFirst: 'Choose the account first',
    step: { when: 'When & where', who: 'Who', goal: 'Objective & steps', talk: 'Talk & dining' },
    next: 'Next', prev: 'Back', savePlan: 'Save plan', saveDraft: 'Save draft', endBeforeStart: 'The end must be after the start',
    customerAttendeesHint: 'Only contacts of this account', ourAttendeesHint: 'Our people attending besides the owner',
    objectiveHint: 'What must this call achieve? Write it so you can check it afterwards', addStep: 'Add step', stepPlaceholder: 'Step {{n}}: what to do, what to say',
    talkingPointsHint: 'Messages to get across, questions to ask, likely objections and answers', diningHint: 'Time, place, budget, guests, seating, things to mind',
    log: 'Log the call', logTitle: 'Log the call', logged: 'Call logged',
    logTooEarly: 'This call is planned for {{date}} and has not happened yet, so it cannot be logged. If it took place earlier, change its date first.', changeDate: 'Change the date',
    nextMeetingQuestion: 'Did the customer propose the next meeting?', nextMeetingHint: 'The honest test of progress: the customer asks to meet again.',
    nextMeetingYes: 'Next meeting proposed', nextMeetingNo: 'No next meeting', yes: 'Yes', no: 'No',
    satisfactionHint: 'Customer satisfaction with this service (1–5)', createFollowUp: 'Create a follow-up task from the next steps', followUpHint: 'Fill in "Next steps" first; the task title follows it',
    cancelActivity: 'Cancel activity', cancelConfirm: 'Cancel this activity?', cancelled: 'Activity cancelled', replan: 'Plan again', deleteConfirm: 'Move this activity to the recycle bin? You can restore it from there.',
    planTitle: 'Visit plan', results: 'After the call', notLogged: 'Not logged yet', wasCancelled: 'This activity was cancelled', autoScheduled: 'After-sales, scheduled automatically',
    print: 'Print plan', printNow: 'Print', back: 'Back', sheetTitle: 'Customer visit plan', printedAt: 'Printed {{date}}', afterCall: 'After the call',
  },
};
