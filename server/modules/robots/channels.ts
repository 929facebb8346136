// The three group robots as channels of the delivery queue (server/modules/webhooks/channel.ts): what
// each posts (render.ts, formats.ts), how each request is signed, and how each answer is read. The
// services answer HTTP 200 with an error code in the JSON, so a 200 alone is not delivered:
// - 企业微信: {"errcode":0,"errmsg":"ok"}; no signing (the key is in the URL).
// - 钉钉: {"errcode":0,…}; with a 加签 secret, `timestamp` (ms) and `sign` =
//   base64(HMAC-SHA256(key=secret, "<timestamp>\n<secret>")) in the query, per attempt; 310000 is a
//   security-setting refusal (a wrong signature, a missing keyword, an IP not allowed).
// - 飞书: {"code":0,…} (older answers {"StatusCode":0,…}); with a secret, `timestamp` (s) and `sign` =
//   base64(HMAC-SHA256(key="<timestamp>\n<secret>", "")) in the body, per attempt; 19021 is a wrong signature.
import { createHmac } from 'node:crypto';
import { judgeStatus, type Channel } from '../webhooks/channel.ts';
import { ROBOT_EVENTS, type EventName } from '../../../core/events.ts';
import type { MessageCode } from '../../../core/messages.ts';
import type { RobotKind } from '../../../core/schemas/robots.ts';
import { formatFor } from './formats.ts';
import { linkBase } from './message.ts';
import { composeEvent } from './render.ts';

export const dingtalkSign = (secret: string, timestampMs: number) =>
  createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');

export const feishuSign = (secret: string, timestampS: number) =>
  createHmac('sha256', `${timestampS}\n${secret}`).update('').digest('base64');

type Verdict = MessageCode | string | null;

/** The answer's JSON object, or null when it is not one. */
function answerOf(response: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(response);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A code the service's documentation gives no meaning we show: its own number and words. */
const rejected = (code: number, words: unknown) =>
  `robot_rejected: ${code} ${typeof words === 'string' ? words.slice(0, 200) : ''}`.trim();

/** Reads the service's error code from a 2xx answer (`codeOf`) and names it (`meaning`). */
function judgeWith(
  codeOf: (a: Record<string, unknown>) => { code: unknown; words: unknown },
  meaning: (code: number, words: string) => MessageCode | null,
) {
  return (statusCode: number, response: string): Verdict => {
    const status = judgeStatus(statusCode);
    if (status) return status;
    const answer = answerOf(response);
    if (!answer) return 'robot_bad_answer';
    const { code, words } = codeOf(answer);
    if (typeof code !== 'number') return 'robot_bad_answer';
    if (code === 0) return null;
    return meaning(code, typeof words === 'string' ? words : '') ?? rejected(code, words);
  };
}

const WECOM_CODES: Record<number, MessageCode> = {
  93000: 'robot_token_invalid', // invalid webhook url
  45009: 'robot_rate_limited', // api freq out of limit
};

const DINGTALK_CODES: Record<number, MessageCode> = {
  300001: 'robot_token_invalid', // token is not exist
  400101: 'robot_token_invalid', // access_token 不存在
  400102: 'robot_token_invalid', // 机器人已停用
  130101: 'robot_rate_limited', // send too fast
};

/** 钉钉's 310000 covers its three security settings; its words say which. */
function dingtalkSecurity(words: string): MessageCode {
  if (/sign/i.test(words)) return 'robot_sign_mismatch';
  if (/keyword/i.test(words)) return 'robot_keyword_missing';
  if (/\bip\b/i.test(words)) return 'robot_ip_refused';
  return 'robot_security_refused';
}

const FEISHU_CODES: Record<number, MessageCode> = {
  19001: 'robot_token_invalid', // param invalid: incoming webhook access token invalid
  19021: 'robot_sign_mismatch', // sign match fail or timestamp is not within one hour from current time
  19022: 'robot_ip_refused', // Ip Not Allowed
  19024: 'robot_keyword_missing', // Key Words Not Found
  11232: 'robot_rate_limited', // frequency limited
};

const JUDGES: Record<RobotKind, Channel['judge']> = {
  wecom: judgeWith(
    (a) => ({ code: a.errcode, words: a.errmsg }),
    (code) => WECOM_CODES[code] ?? null,
  ),
  dingtalk: judgeWith(
    (a) => ({ code: a.errcode, words: a.errmsg }),
    (code, words) => (code === 310000 ? dingtalkSecurity(words) : (DINGTALK_CODES[code] ?? null)),
  ),
  feishu: judgeWith(
    (a) => ({ code: typeof a.code === 'number' ? a.code : a.StatusCode, words: a.msg ?? a.StatusMessage }),
    (code) => FEISHU_CODES[code] ?? null,
  ),
};

const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'OpenKAM-Robots/1' };

const PREPARE: Record<RobotKind, Channel['prepare']> = {
  wecom: (target) => ({ url: target.url, headers: HEADERS }),
  dingtalk(target, _delivery, now) {
    if (!target.secret) return { url: target.url, headers: HEADERS };
    const url = new URL(target.url);
    const timestamp = now.getTime();
    url.searchParams.set('timestamp', String(timestamp));
    url.searchParams.set('sign', dingtalkSign(target.secret, timestamp));
    return { url: url.toString(), headers: HEADERS };
  },
  feishu(target, delivery, now) {
    if (!target.secret) return { url: target.url, headers: HEADERS };
    const timestamp = Math.floor(now.getTime() / 1000);
    const body = JSON.stringify({
      timestamp: String(timestamp),
      sign: feishuSign(target.secret, timestamp),
      ...(JSON.parse(delivery.body) as Record<string, unknown>),
    });
    return { url: target.url, headers: HEADERS, body };
  },
};

const takes = (event: EventName) => (ROBOT_EVENTS as readonly string[]).includes(event);

/** The channels app.ts hands the dispatcher; records are linked at OPENKAM_PUBLIC_URL. */
export function robotChannels(opts: { publicUrl?: string }): Record<RobotKind, Channel> {
  const base = linkBase(opts.publicUrl);
  const channel = (kind: RobotKind): Channel => ({
    takes,
    async render(db, target, ctx) {
      const message = await composeEvent(db, target, ctx, base);
      return message && formatFor(kind, message);
    },
    prepare: PREPARE[kind],
    judge: JUDGES[kind],
  });
  return { wecom: channel('wecom'), dingtalk: channel('dingtalk'), feishu: channel('feishu') };
}
