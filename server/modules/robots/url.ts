// What a robot's address and secret look like for each service. The shape is enforced only when the
// URL is one of the services' own hosts: an address there that is not a robot's (a pasted admin-page
// link, a 钉钉 URL under 企业微信) is refused; any other host — a company's outbound proxy, a test's
// loopback fake — is taken as it is, since it cannot be judged from here (the first message will tell).
import type { Params } from '../../../core/messages.ts';
import type { RobotKind } from '../../../core/schemas/robots.ts';

interface Service {
  name: string;
  hosts: readonly string[];
  expected: string;
  fits(url: URL): boolean;
}

export const SERVICES: Record<RobotKind, Service> = {
  wecom: {
    name: '企业微信',
    hosts: ['qyapi.weixin.qq.com'],
    expected: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
    fits: (u) => u.pathname === '/cgi-bin/webhook/send' && !!u.searchParams.get('key'),
  },
  dingtalk: {
    name: '钉钉',
    hosts: ['oapi.dingtalk.com'],
    expected: 'https://oapi.dingtalk.com/robot/send?access_token=…',
    fits: (u) => u.pathname === '/robot/send' && !!u.searchParams.get('access_token'),
  },
  feishu: {
    name: '飞书',
    // Lark, 飞书's international edition, serves the same bots.
    hosts: ['open.feishu.cn', 'open.larksuite.com'],
    expected: 'https://open.feishu.cn/open-apis/bot/v2/hook/…',
    fits: (u) => /^\/open-apis\/bot\/v2\/hook\/[\w-]+$/.test(u.pathname),
  },
};

const serviceHosts = new Set(Object.values(SERVICES).flatMap((s) => s.hosts));

/** Why this URL is not a robot address of this kind (the message's parameters), or null. */
export function robotUrlProblem(kind: RobotKind, text: string): Params | null {
  const url = new URL(text);
  const service = SERVICES[kind];
  const host = url.hostname.toLowerCase();
  if (!serviceHosts.has(host)) return null;
  if (service.hosts.includes(host) && url.protocol === 'https:' && service.fits(url)) return null;
  return { service: service.name, expected: service.expected };
}

export type SecretProblem = 'robot_secret_unused' | 'robot_secret_format';

/** 企业微信 robots sign nothing; 钉钉's 加签 secret is "SEC" and hex; 飞书's is any text. */
export function robotSecretProblem(kind: RobotKind, secret: string): SecretProblem | null {
  if (kind === 'wecom') return 'robot_secret_unused';
  if (kind === 'dingtalk' && !/^SEC[0-9a-zA-Z]+$/.test(secret)) return 'robot_secret_format';
  return null;
}
