// The messages of webhooks and group robots (issue 23), spread into core/messages.ts: a URL that cannot
// be sent to, and why a delivery did not count as delivered (shown in the delivery log). A robot's
// service answers HTTP 200 with its own error code: the robot_* codes say what that code means.
export const EVENT_MESSAGES = {
  webhook_url_scheme: { zh: '地址须以 http:// 或 https:// 开头', en: 'must start with http:// or https://' },
  webhook_url_invalid: { zh: '不是有效的网址', en: 'is not a valid URL' },
  webhook_url_private: {
    zh: '指向内网、本机或保留地址，已按出站设置拒绝（管理员可在设置中允许内网地址）',
    en: 'points to a private, loopback or reserved address, refused by the outbound setting (an admin may allow private networks)',
  },
  webhook_url_unresolved: { zh: '域名无法解析', en: 'the host name does not resolve' },
  delivery_blocked_address: {
    zh: '目标地址位于内网或保留网段，按出站设置未发送',
    en: 'The address is in a private or reserved range; not sent (outbound setting)',
  },
  delivery_timeout: { zh: '对方在 10 秒内未响应', en: 'No answer within 10 seconds' },
  delivery_redirect: {
    zh: '对方要求重定向；Webhook 不跟随重定向，请填写最终地址',
    en: 'The receiver redirected; webhooks do not follow redirects, use the final URL',
  },
  delivery_http_status: { zh: '对方返回了非 2xx 状态码', en: 'The receiver answered with a non-2xx status' },
  delivery_network: { zh: '无法连接到对方', en: 'Could not connect to the receiver' },
  delivery_inactive: { zh: '订阅已停用，未发送', en: 'The subscription is paused; not sent' },
  delivery_not_pending: { zh: '该投递正在发送中，请稍后再试', en: 'This delivery is being sent; try again shortly' },
  robot_url_kind: {
    zh: '不是{service}机器人的地址（应为 {expected}）',
    en: 'is not a {service} robot address (expected {expected})',
  },
  robot_secret_unused: {
    zh: '企业微信群机器人没有签名密钥，请留空',
    en: 'a WeCom group robot has no signing secret; leave it empty',
  },
  robot_secret_format: {
    zh: '钉钉加签密钥以 SEC 开头（在机器人安全设置的“加签”处复制）',
    en: 'a DingTalk signing secret starts with SEC (copy it from the robot’s security settings, “Additional signature”)',
  },
  robot_sign_mismatch: {
    zh: '签名不匹配：机器人的签名密钥填写有误（或服务器时间偏差超过 1 小时）',
    en: 'The signature does not match: the robot’s signing secret is wrong (or the server clock is off by over an hour)',
  },
  robot_keyword_missing: {
    zh: '消息不含机器人安全设置中的自定义关键词（可将关键词设为“OpenKAM”）',
    en: 'The message lacks the robot’s custom keyword (set the keyword to "OpenKAM")',
  },
  robot_ip_refused: {
    zh: '本服务器的 IP 不在机器人安全设置的 IP 白名单中',
    en: 'This server’s IP address is not in the robot’s IP allow-list',
  },
  robot_security_refused: {
    zh: '消息未通过机器人的安全设置',
    en: 'The message did not pass the robot’s security settings',
  },
  robot_token_invalid: {
    zh: '机器人地址无效：机器人已被删除或停用，或地址复制不完整',
    en: 'The robot address is invalid: the robot was removed or disabled, or the URL is incomplete',
  },
  robot_rate_limited: {
    zh: '发送过于频繁，已被机器人服务限流，稍后重试',
    en: 'Sent too often; the robot service is throttling, will retry',
  },
  robot_rejected: { zh: '机器人服务拒绝了消息', en: 'The robot service refused the message' },
  robot_bad_answer: {
    zh: '对方的应答不是机器人服务的格式，请检查地址',
    en: 'The answer is not the robot service’s; check the URL',
  },
} as const;
