// Loopback fakes of the three group-robot services for tests, answering as their documentation says:
// HTTP 200 with the service's JSON, its error code when the request is not what it takes.
// - 企业微信: POST /cgi-bin/webhook/send?key=…; {"errcode":0,"errmsg":"ok"}, 93000 for another key.
// - 钉钉: POST /robot/send?access_token=…[&timestamp=&sign=]; with a 加签 secret the sign must be
//   base64(HMAC-SHA256(secret, "<timestamp>\n<secret>")) within an hour, else 310000 "sign not match".
// - 飞书: POST /open-apis/bot/v2/hook/<token>; with a secret the body's sign must be
//   base64(HMAC-SHA256("<timestamp>\n<secret>", "")) within an hour, else 19021.
import { createHmac } from 'node:crypto';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { startReceiver, type Received, type Receiver } from './receiver.ts';

export interface FakeService extends Receiver {
  /** The robot URL to paste for this fake. */
  robotUrl: string;
}

const HOUR_MS = 3_600_000;

function query(r: Received): URLSearchParams {
  return new URL(r.path, 'http://fake').searchParams;
}

export async function fakeWecom(key = 'wecom-key-1'): Promise<FakeService> {
  const rx = await startReceiver((r) => {
    const url = new URL(r.path, 'http://fake');
    if (url.pathname !== '/cgi-bin/webhook/send' || url.searchParams.get('key') !== key)
      return JSON.stringify({ errcode: 93000, errmsg: 'invalid webhook url, hint: [fake]' });
    return JSON.stringify({ errcode: 0, errmsg: 'ok' });
  });
  return { ...rx, robotUrl: `${rx.url}/cgi-bin/webhook/send?key=${key}` };
}

export async function fakeDingtalk(secret: string | null, token = 'ding-token-1'): Promise<FakeService> {
  const rx = await startReceiver((r) => {
    const q = query(r);
    if (q.get('access_token') !== token) return JSON.stringify({ errcode: 300001, errmsg: 'token is not exist' });
    if (secret) {
      const timestamp = Number(q.get('timestamp'));
      const expected = createHmac('sha256', secret)
        .update(`${q.get('timestamp')}\n${secret}`)
        .digest('base64');
      if (q.get('sign') !== expected || Math.abs(Date.now() - timestamp) > HOUR_MS)
        return JSON.stringify({ errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com]' });
    }
    return JSON.stringify({ errcode: 0, errmsg: 'ok' });
  });
  return { ...rx, robotUrl: `${rx.url}/robot/send?access_token=${token}` };
}

export async function fakeFeishu(secret: string | null, token = 'feishu-hook-1'): Promise<FakeService> {
  const rx = await startReceiver((r) => {
    if (r.path !== `/open-apis/bot/v2/hook/${token}`)
      return JSON.stringify({ code: 19001, data: {}, msg: 'param invalid: incoming webhook access token invalid' });
    const body = JSON.parse(r.body) as { timestamp?: string; sign?: string };
    if (secret) {
      const timestamp = Number(body.timestamp);
      const expected = createHmac('sha256', `${body.timestamp}\n${secret}`).update('').digest('base64');
      if (body.sign !== expected || Math.abs(Date.now() / 1000 - timestamp) > HOUR_MS / 1000)
        return JSON.stringify({
          code: 19021,
          data: {},
          msg: 'sign match fail or timestamp is not within one hour from current time',
        });
    }
    return JSON.stringify({ StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' });
  });
  return { ...rx, robotUrl: `${rx.url}/open-apis/bot/v2/hook/${token}` };
}

// The request bodies each service documents, strict (a field it does not know fails the check):
// 企业微信 https://developer.work.weixin.qq.com/document/path/91770 (markdown, content ≤ 4096 bytes),
// 钉钉 https://open.dingtalk.com/document/robots/custom-robot-access (markdown: title, text),
// 飞书 https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot (interactive card; with
// signing, timestamp and sign beside msg_type).
const strict = { additionalProperties: false } as const;
const LarkText = Type.Object(
  { tag: Type.Enum(['plain_text', 'lark_md']), content: Type.String({ minLength: 1 }) },
  strict,
);
const CardElement = Type.Union([
  Type.Object(
    {
      tag: Type.Literal('div'),
      text: Type.Optional(LarkText),
      fields: Type.Optional(Type.Array(Type.Object({ is_short: Type.Boolean(), text: LarkText }, strict))),
    },
    strict,
  ),
  Type.Object({ tag: Type.Literal('hr') }, strict),
  Type.Object(
    {
      tag: Type.Literal('action'),
      actions: Type.Array(
        Type.Object(
          {
            tag: Type.Literal('button'),
            text: LarkText,
            type: Type.Enum(['default', 'primary', 'danger']),
            url: Type.String({ pattern: '^https?://' }),
          },
          strict,
        ),
      ),
    },
    strict,
  ),
  Type.Object({ tag: Type.Literal('note'), elements: Type.Array(LarkText) }, strict),
]);

export const DOCUMENTED = {
  wecom: Type.Object(
    {
      msgtype: Type.Literal('markdown'),
      markdown: Type.Object({ content: Type.String({ minLength: 1 }) }, strict),
    },
    strict,
  ),
  dingtalk: Type.Object(
    {
      msgtype: Type.Literal('markdown'),
      markdown: Type.Object({ title: Type.String({ minLength: 1 }), text: Type.String({ minLength: 1 }) }, strict),
    },
    strict,
  ),
  feishu: Type.Object(
    {
      timestamp: Type.Optional(Type.String({ pattern: '^[0-9]{10}$' })),
      sign: Type.Optional(Type.String({ minLength: 1 })),
      msg_type: Type.Literal('interactive'),
      card: Type.Object(
        {
          config: Type.Optional(Type.Object({ wide_screen_mode: Type.Boolean() }, strict)),
          header: Type.Object(
            {
              title: Type.Object({ tag: Type.Literal('plain_text'), content: Type.String({ minLength: 1 }) }, strict),
              template: Type.Enum([
                'blue',
                'wathet',
                'turquoise',
                'green',
                'yellow',
                'orange',
                'red',
                'carmine',
                'violet',
                'purple',
                'indigo',
                'grey',
              ]),
            },
            strict,
          ),
          elements: Type.Array(CardElement, { minItems: 1 }),
        },
        strict,
      ),
    },
    strict,
  ),
};

/** Whether a body is the service's documented shape; the failures' paths when not. */
export function documentedErrors(kind: keyof typeof DOCUMENTED, body: string): string[] {
  const parsed: unknown = JSON.parse(body);
  const errors = [...Value.Errors(DOCUMENTED[kind], parsed)].map((e) => `${e.instancePath} ${e.message}`);
  if (kind === 'wecom' && !errors.length) {
    const content = (parsed as { markdown: { content: string } }).markdown.content;
    if (Buffer.byteLength(content) > 4096) errors.push('/markdown/content is over 4096 bytes');
  }
  return errors;
}
