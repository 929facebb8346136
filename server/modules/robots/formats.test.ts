// Issue 23 (3, 9): each message in each service's documented shape (server/test/robot-services.ts), user
// text kept inert in their markdown, a long digest cut to 企业微信's 4096 bytes, and the services'
// answers read as their documentation gives them (HTTP 200 with an error code).
import { describe, expect, it } from 'vitest';
import { documentedErrors } from '../../test/robot-services.ts';
import { ROBOT_KINDS } from '../../../core/schemas/robots.ts';
import { robotChannels } from './channels.ts';
import { formatFor } from './formats.ts';
import { dealMessage, digestMessage, linkBase, meetingMessage, testMessage, type RobotMessage } from './message.ts';
import { robotSecretProblem, robotUrlProblem } from './url.ts';

const base = 'https://crm.example.com';
const deal = {
  id: '11111111-1111-4111-8111-111111111111',
  name: '影像系统二期',
  accountName: '市第一人民医院',
  amount: '1255000.00',
  ownerName: '王芳',
  stageName: '赢单',
  lostReason: null,
};
const call = {
  id: '22222222-2222-4222-8222-222222222222',
  subject: '拜访张局长',
  accountName: '市卫健委',
  opportunityName: '二期',
  ownerName: '王芳',
  plannedStart: '2030-03-04T01:30:00.000Z',
  outcome: '客户认可方案\n要求补充报价',
  nextSteps: '下周一前提交报价单',
};
const overdue = (n: number) => ({
  tasks: {
    total: n + 5,
    items: Array.from({ length: n }, (_, i) => ({
      id: `t${i}`,
      title: `回访客户并提交第 ${i} 版报价单，确认预算与采购流程`,
      dueDate: '2030-03-01',
      accountId: '33333333-3333-4333-8333-333333333333',
      accountName: '市第一人民医院（集团）有限公司',
      assigneeName: '王芳',
    })),
  },
  calls: {
    total: 1,
    items: [
      {
        id: call.id,
        subject: '季度回访',
        plannedStart: new Date('2030-03-02T02:00:00Z'),
        accountName: '市卫健委',
        ownerName: '李雷',
      },
    ],
  },
});

const messages: [string, RobotMessage][] = [
  ['won', dealMessage('deal.won', deal, base)],
  ['lost', dealMessage('deal.lost', { ...deal, lostReason: '价格高于竞品' }, base)],
  ['slipped', dealMessage('deal.slipped', deal, null, { from: '2030-03-31', to: '2030-06-30' })],
  ['next meeting', meetingMessage(call, '拜访', 'Asia/Shanghai', base)],
  ['digest', digestMessage('华东一组', '2030-03-05', 'Asia/Shanghai', overdue(3), base)],
  ['test', testMessage('华东群', '华东一组', null)],
];

describe('robot messages', () => {
  for (const kind of ROBOT_KINDS)
    for (const [what, message] of messages)
      it(`${kind}: a ${what} message is the documented shape`, () => {
        expect(documentedErrors(kind, formatFor(kind, message))).toEqual([]);
      });

  it('names the account, deal, amount as money, owner and stage, in Chinese, with the link', () => {
    const content = JSON.parse(formatFor('wecom', dealMessage('deal.won', deal, base))).markdown.content as string;
    for (const part of ['赢单', '市第一人民医院', '影像系统二期', '¥125.5万', '王芳', '阶段：赢单', '来自 OpenKAM'])
      expect(content).toContain(part);
    expect(content).toContain(`[查看商机](${base}/opportunities/${deal.id})`);
    const card = JSON.parse(formatFor('feishu', dealMessage('deal.won', deal, base))).card;
    expect(card.header).toEqual({
      template: 'green',
      title: { tag: 'plain_text', content: expect.stringContaining('赢单') },
    });
    expect(JSON.stringify(card.elements)).toContain(`"url":"${base}/opportunities/${deal.id}"`);
    const ding = JSON.parse(formatFor('dingtalk', dealMessage('deal.lost', { ...deal, lostReason: '价格' }, base)));
    expect(ding.markdown.title).toContain('输单');
    expect(ding.markdown.text).toContain('**输单原因**：价格');
  });

  it('keeps user text inert: a name cannot make a link, a heading or a font tag in the group', () => {
    const hostile = { ...deal, name: '[点我](https://evil.example)\n# 标题 <font color="red">x</font> **粗**' };
    for (const kind of ROBOT_KINDS) {
      const body = formatFor(kind, dealMessage('deal.won', hostile, null));
      // 飞书's header is plain text, shown as typed: only its markdown parts are looked at.
      const markdown = kind === 'feishu' ? JSON.stringify(JSON.parse(body).card.elements) : body;
      expect(markdown).not.toContain('](https://evil');
      expect(markdown).not.toContain('\\n# ');
      expect(markdown).not.toContain('<font color=\\"red\\">');
      expect(body).toContain('［点我］');
      expect(documentedErrors(kind, body)).toEqual([]);
    }
  });

  it('cuts a long digest to 企业微信’s 4096 bytes and says how many lines it left out', () => {
    const message = digestMessage('华东一组', '2030-03-05', 'Asia/Shanghai', overdue(60), base);
    const content = JSON.parse(formatFor('wecom', message)).markdown.content as string;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
    const listed = content.split('\n').filter((l) => l.startsWith('- ')).length;
    expect(listed).toBeGreaterThan(5);
    expect(content).toContain(`另有 ${61 + 5 - listed} 项未列出`);
    expect(content).toContain('逾期任务：65 项');
  });

  it('links only when OPENKAM_PUBLIC_URL is set, at its origin and path', () => {
    expect(linkBase(undefined)).toBeNull();
    expect(linkBase('not a url')).toBeNull();
    expect(linkBase('https://crm.example.com/kam/')).toBe('https://crm.example.com/kam');
    expect(JSON.parse(formatFor('wecom', dealMessage('deal.won', deal, null))).markdown.content).not.toContain(
      '查看商机',
    );
  });
});

describe('robot answers', () => {
  const channels = robotChannels({});
  const judge = (kind: (typeof ROBOT_KINDS)[number], answer: unknown, status = 200) =>
    channels[kind].judge(status, typeof answer === 'string' ? answer : JSON.stringify(answer));

  it('reads each service’s error code in an HTTP 200', () => {
    expect(judge('wecom', { errcode: 0, errmsg: 'ok' })).toBeNull();
    expect(judge('wecom', { errcode: 93000, errmsg: 'invalid webhook url' })).toBe('robot_token_invalid');
    expect(judge('wecom', { errcode: 40058, errmsg: 'markdown.content exceed max length' })).toBe(
      'robot_rejected: 40058 markdown.content exceed max length',
    );
    expect(judge('dingtalk', { errcode: 0, errmsg: 'ok' })).toBeNull();
    expect(judge('dingtalk', { errcode: 310000, errmsg: 'sign not match, more: […]' })).toBe('robot_sign_mismatch');
    expect(judge('dingtalk', { errcode: 310000, errmsg: 'keywords not in content, more: […]' })).toBe(
      'robot_keyword_missing',
    );
    expect(judge('dingtalk', { errcode: 310000, errmsg: 'ip X.X.X.X not in whitelist' })).toBe('robot_ip_refused');
    expect(judge('dingtalk', { errcode: 130101, errmsg: 'send too fast' })).toBe('robot_rate_limited');
    expect(judge('feishu', { StatusCode: 0, StatusMessage: 'success', code: 0, msg: 'success' })).toBeNull();
    expect(judge('feishu', { code: 19021, data: {}, msg: 'sign match fail' })).toBe('robot_sign_mismatch');
    expect(judge('feishu', { code: 19024, data: {}, msg: 'Key Words Not Found' })).toBe('robot_keyword_missing');
  });

  it('does not take a 200 that is not the service’s answer, nor an error status', () => {
    expect(judge('wecom', '<html>ok</html>')).toBe('robot_bad_answer');
    expect(judge('dingtalk', { ok: true })).toBe('robot_bad_answer');
    expect(judge('feishu', { errcode: 0 }, 502)).toBe('delivery_http_status');
    expect(judge('feishu', {}, 302)).toBe('delivery_redirect');
  });
});

describe('robot addresses', () => {
  it('checks the shape on the services’ own hosts only', () => {
    expect(robotUrlProblem('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc')).toBeNull();
    expect(robotUrlProblem('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send')).toMatchObject({
      service: '企业微信',
    });
    expect(robotUrlProblem('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=x')).toBeNull();
    expect(robotUrlProblem('wecom', 'https://oapi.dingtalk.com/robot/send?access_token=x')).not.toBeNull();
    expect(robotUrlProblem('feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/0a1b-2c')).toBeNull();
    expect(robotUrlProblem('feishu', 'http://open.feishu.cn/open-apis/bot/v2/hook/0a1b')).not.toBeNull();
    expect(robotUrlProblem('feishu', 'https://open.feishu.cn/open-apis/im/v1/messages')).not.toBeNull();
    // A proxy or a test's fake: not judged here.
    expect(robotUrlProblem('dingtalk', 'http://127.0.0.1:9999/robot/send?access_token=x')).toBeNull();
  });

  it('knows which services sign and how their secrets look', () => {
    expect(robotSecretProblem('wecom', 'anything')).toBe('robot_secret_unused');
    expect(robotSecretProblem('dingtalk', 'SECa1b2c3')).toBeNull();
    expect(robotSecretProblem('dingtalk', 'a1b2c3')).toBe('robot_secret_format');
    expect(robotSecretProblem('feishu', 'k7Xy9')).toBeNull();
  });
});
