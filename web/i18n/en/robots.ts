import type { Widen } from '../types.ts';
import type { robots as zh } from '../zh-CN/robots.ts';

export const robots: Widen<typeof zh> = {
  robots: {
    nav: 'Group robots',
    title: 'Group robots',
    intro:
      'Post a team’s won and lost deals, key-account deals that slip, calls that set up a next meeting and each morning’s overdue follow-ups to the team’s WeCom, DingTalk or Feishu group. Messages are in Chinese with a link to the record; failures are retried, and the delivery log says why.',
    noLinks:
      'OPENKAM_PUBLIC_URL is not set: messages carry no links to records. Set the address people open OpenKAM at in the server configuration.',
    docs: 'How to create the robot in WeCom, DingTalk and Feishu: see docs/robots.md',
    create: 'New robot',
    edit: 'Edit robot',
    team: 'Team',
    allTeams: 'All teams',
    teamHint: 'Records of this team and the teams below it are posted to this group',
    kind: 'Service',
    name: 'Name',
    nameHint: 'The group’s name, e.g. “East sales”; the team and service name it when left empty',
    url: 'Webhook URL',
    urlHint: {
      wecom: 'Group chat → Add group robot → copy the Webhook URL',
      dingtalk: 'Group settings → Robots → Custom → copy the Webhook',
      feishu: 'Group settings → Bots → Custom bot → copy the webhook URL',
    },
    secret: 'Signing secret',
    secretHint: {
      dingtalk:
        'With the “Add signature” security setting, paste the secret starting with SEC; with a custom keyword, use the keyword OpenKAM and leave this empty',
      feishu:
        'With “Signature verification” on, paste its secret; with a custom keyword, use the keyword OpenKAM and leave this empty',
    },
    secretSet: 'Set',
    secretNone: 'Not set',
    secretKeep: 'A secret is set; leave empty to keep it',
    clearSecret: 'Remove the secret',
    events: 'Events to post',
    active: 'Active',
    recent: 'Last 24 hours',
    test: 'Send test',
    testQueued: 'Test message queued; see the delivery log for the outcome',
    deliveries: 'Delivery log',
    delete: 'Delete',
    deleteConfirm: 'Delete “{{name}}” and its delivery log?',
    none: 'No group robots yet. Add one so the team sees wins and overdue reminders in its group chat.',
    kindName: { wecom: 'WeCom', dingtalk: 'DingTalk', feishu: 'Feishu' },
    event: {
      'deal.won': 'Deal won',
      'deal.lost': 'Deal lost',
      'deal.slipped': 'Key-account deal slipped',
      'activity.next_meeting': 'Call logged with a next meeting',
      'followups.overdue': 'Every morning at 8: overdue follow-ups',
    },
  },
};
