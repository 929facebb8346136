// What a robot says, in Chinese (the groups are Chinese sales teams'), before it is put in a service's
// format (formats.ts). Everything here is plain text: the formats escape it, so a deal named
// "[点我](http://…)" stays a name and never becomes a link in the group.
import { formatMoney } from '../../../core/money-format.ts';
import { daysBetween, localParts } from '../../../core/time.ts';

/** The card's colour: 飞书 colours the header, 企业微信 the title; 钉钉 shows none. */
export type Tone = 'green' | 'red' | 'orange' | 'blue';

export interface RobotMessage {
  title: string;
  tone: Tone;
  /** Label and value; `wide` ones (an outcome) take a whole line in a card. */
  facts: { label: string; value: string; wide?: boolean }[];
  /** A list (the digest's), each line perhaps linked to its record. */
  items: { text: string; url?: string }[];
  /** Lines of the list left out (a group message is not a report). */
  more: number;
  link?: { label: string; url: string };
}

/** Every message ends with it: 钉钉 and 飞书 robots guarded by a keyword can be given "OpenKAM". */
export const FOOTER = '来自 OpenKAM';

const money = (amount: string) => formatMoney(amount, { style: 'compact', lang: 'zh' });
const cut = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The address records are linked at: OPENKAM_PUBLIC_URL's origin and path, without the trailing slash. */
export function linkBase(publicUrl: string | undefined): string | null {
  if (!publicUrl) return null;
  try {
    const url = new URL(publicUrl);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

const linkTo = (base: string | null, label: string, path: string) =>
  base ? { label, url: `${base}${path}` } : undefined;

/** The fields of a deal a message names (the deal as the API returns it). */
export interface DealFacts {
  id: string;
  name: string;
  accountName: string;
  amount: string;
  ownerName: string | null;
  stageName: string;
  lostReason: string | null;
}

export type DealEvent = 'deal.won' | 'deal.lost' | 'deal.slipped';

const DEAL_TITLES: Record<DealEvent, [string, Tone]> = {
  'deal.won': ['赢单', 'green'],
  'deal.lost': ['输单', 'red'],
  'deal.slipped': ['大客户商机推迟', 'orange'],
};

/** A won, lost or slipped deal: account, deal, amount, owner, stage (and why lost, or the dates moved). */
export function dealMessage(
  event: DealEvent,
  deal: DealFacts,
  base: string | null,
  slipped?: { from: string; to: string },
): RobotMessage {
  const [word, tone] = DEAL_TITLES[event];
  const facts: RobotMessage['facts'] = [
    { label: '客户', value: deal.accountName },
    { label: '商机', value: deal.name },
    { label: '金额', value: money(deal.amount) },
    { label: '负责人', value: deal.ownerName ?? '—' },
    { label: '阶段', value: deal.stageName },
  ];
  if (slipped) facts.push({ label: '预计成交', value: `${slipped.from} → ${slipped.to}` });
  if (event === 'deal.lost' && deal.lostReason)
    facts.push({ label: '输单原因', value: cut(deal.lostReason), wide: true });
  return {
    title: `${word}：${deal.accountName} · ${deal.name}`,
    tone,
    facts,
    items: [],
    more: 0,
    link: linkTo(base, '查看商机', `/opportunities/${deal.id}`),
  };
}

/** The fields of a logged call a message names. */
export interface CallFacts {
  id: string;
  subject: string;
  accountName: string;
  opportunityName: string | null;
  ownerName: string;
  plannedStart: string;
  outcome: string | null;
  nextSteps: string | null;
}

/** A call logged with "next meeting proposed": who met whom, what came of it, what is next. */
export function meetingMessage(call: CallFacts, typeName: string, zone: string, base: string | null): RobotMessage {
  const when = localParts(new Date(call.plannedStart), zone);
  const facts: RobotMessage['facts'] = [
    { label: '客户', value: call.accountName },
    { label: '活动', value: `${typeName} · ${call.subject}` },
    { label: '负责人', value: call.ownerName },
    { label: '时间', value: `${when.date} ${when.time}` },
  ];
  if (call.opportunityName) facts.push({ label: '商机', value: call.opportunityName });
  if (call.outcome) facts.push({ label: '结果', value: cut(call.outcome), wide: true });
  if (call.nextSteps) facts.push({ label: '下一步', value: cut(call.nextSteps), wide: true });
  return {
    title: `约定下次会面：${call.accountName}`,
    tone: 'blue',
    facts,
    items: [],
    more: 0,
    link: linkTo(base, '查看拜访记录', `/activities/${call.id}`),
  };
}

export interface OverdueTask {
  id: string;
  title: string;
  dueDate: string;
  accountId: string | null;
  accountName: string | null;
  assigneeName: string;
}

export interface OverdueCall {
  id: string;
  subject: string;
  plannedStart: Date;
  accountName: string;
  ownerName: string;
}

export interface Overdue {
  tasks: { total: number; items: OverdueTask[] };
  calls: { total: number; items: OverdueCall[] };
}

/** The morning's overdue follow-ups of a team: tasks past their due date and calls past their day, unlogged. */
export function digestMessage(
  team: string,
  today: string,
  zone: string,
  overdue: Overdue,
  base: string | null,
): RobotMessage {
  const items: RobotMessage['items'] = [
    ...overdue.tasks.items.map((t) => ({
      text: `任务「${t.title}」${t.accountName ? ` · ${t.accountName}` : ''} · ${t.assigneeName} · 截止 ${t.dueDate}（逾期 ${daysBetween(t.dueDate, today)} 天）`,
      url: base && t.accountId ? `${base}/accounts/${t.accountId}` : undefined,
    })),
    ...overdue.calls.items.map((c) => ({
      text: `拜访「${c.subject}」 · ${c.accountName} · ${c.ownerName} · 计划于 ${localParts(c.plannedStart, zone).date}，未记录`,
      url: base ? `${base}/activities/${c.id}` : undefined,
    })),
  ];
  const listed = overdue.tasks.items.length + overdue.calls.items.length;
  return {
    title: `逾期跟进提醒 · ${team}（${today}）`,
    tone: 'orange',
    facts: [
      { label: '逾期任务', value: `${overdue.tasks.total} 项` },
      { label: '未记录的拜访', value: `${overdue.calls.total} 项` },
    ],
    items,
    more: overdue.tasks.total + overdue.calls.total - listed,
    link: linkTo(base, '查看任务', '/tasks'),
  };
}

/** What "send test message" posts: that the group is reached, and from which robot. */
export function testMessage(robot: string, team: string, base: string | null): RobotMessage {
  return {
    title: 'OpenKAM 群机器人测试消息',
    tone: 'blue',
    facts: [
      { label: '机器人', value: robot },
      { label: '团队', value: team },
      { label: '说明', value: '收到这条消息，说明机器人地址和签名设置正确。', wide: true },
    ],
    items: [],
    more: 0,
    link: linkTo(base, '打开 OpenKAM', '/admin/robots'),
  };
}
