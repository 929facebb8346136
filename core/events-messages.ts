// The messages of webhooks and group robots (issue 23), spread into core/messages.ts: a URL that cannot
// be sent to, and why a delivery did not count as delivered (shown in the delivery log).
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
} as const;
