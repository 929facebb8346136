// A robot message in each service's documented format:
// - 企业微信 group robot: {"msgtype":"markdown","markdown":{"content":…}}, content at most 4096 bytes;
// - 钉钉 custom robot: {"msgtype":"markdown","markdown":{"title":…,"text":…}};
// - 飞书 custom bot: {"msg_type":"interactive","card":{…}} (a message card: header, fields, button, note).
// User text is escaped for the markdown each reads, and a long list is cut to fit the service's limit,
// saying how many lines were left out.
import type { RobotKind } from '../../../core/schemas/robots.ts';
import { FOOTER, type RobotMessage, type Tone } from './message.ts';

/** The services' limits, with room to spare: 企业微信 4096 bytes of content, 钉钉 and 飞书 about 20 KB a body. */
const LIMITS: Record<RobotKind, number> = { wecom: 4000, dingtalk: 18_000, feishu: 18_000 };

/**
 * Plain text made inert in the services' markdown: on one line, and the characters that open a link,
 * emphasis, code or a font tag replaced by their full-width forms (which read the same in Chinese).
 */
export function inert(text: string): string {
  return oneLine(text).replace(/[[\]<>*`]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** Text on one line, for the places that show plain text as it is (飞书's plain_text). */
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();

/** A URL inside markdown's (…): a parenthesis or space in it would end the link early. */
const href = (url: string) => url.replace(/[()\s]/g, encodeURIComponent);

const more = (n: number) => `……另有 ${n} 项未列出`;
const itemLine = (i: RobotMessage['items'][number]) => (i.url ? `[${inert(i.text)}](${href(i.url)})` : inert(i.text));

const WECOM_COLOUR: Record<Tone, string | null> = { green: 'info', red: 'warning', orange: 'warning', blue: null };

function wecom(m: RobotMessage): string {
  const colour = WECOM_COLOUR[m.tone];
  const title = colour ? `<font color="${colour}">${inert(m.title)}</font>` : inert(m.title);
  const lines = [`### ${title}`, ...m.facts.map((f) => `> ${inert(f.label)}：${inert(f.value)}`)];
  if (m.items.length) lines.push('', ...m.items.map((i) => `- ${itemLine(i)}`));
  if (m.more > 0) lines.push(more(m.more));
  if (m.link) lines.push('', `[${inert(m.link.label)}](${href(m.link.url)})`);
  lines.push(`<font color="comment">${FOOTER}</font>`);
  return JSON.stringify({ msgtype: 'markdown', markdown: { content: lines.join('\n') } });
}

function dingtalk(m: RobotMessage): string {
  // 钉钉's markdown needs a blank line to break one.
  const blocks = [`#### ${inert(m.title)}`, ...m.facts.map((f) => `**${inert(f.label)}**：${inert(f.value)}`)];
  if (m.items.length) blocks.push(m.items.map((i) => `- ${itemLine(i)}`).join('\n'));
  if (m.more > 0) blocks.push(more(m.more));
  if (m.link) blocks.push(`[${inert(m.link.label)}](${href(m.link.url)})`);
  blocks.push(`> ${FOOTER}`);
  return JSON.stringify({ msgtype: 'markdown', markdown: { title: inert(m.title), text: blocks.join('\n\n') } });
}

const lark = (content: string) => ({ tag: 'lark_md', content });
const plain = (content: string) => ({ tag: 'plain_text', content });

function feishu(m: RobotMessage): string {
  const elements: unknown[] = [
    {
      tag: 'div',
      fields: m.facts.map((f) => ({ is_short: !f.wide, text: lark(`**${inert(f.label)}**\n${inert(f.value)}`) })),
    },
  ];
  if (m.items.length || m.more > 0) {
    const lines = m.items.map((i) => `- ${itemLine(i)}`);
    if (m.more > 0) lines.push(more(m.more));
    elements.push({ tag: 'hr' }, { tag: 'div', text: lark(lines.join('\n')) });
  }
  if (m.link)
    elements.push({
      tag: 'action',
      actions: [{ tag: 'button', text: plain(oneLine(m.link.label)), type: 'primary', url: m.link.url }],
    });
  elements.push({ tag: 'note', elements: [plain(FOOTER)] });
  return JSON.stringify({
    msg_type: 'interactive',
    card: {
      config: { wide_screen_mode: true },
      header: { template: m.tone, title: plain(oneLine(m.title)) },
      elements,
    },
  });
}

const FORMATS: Record<RobotKind, (m: RobotMessage) => string> = { wecom, dingtalk, feishu };

/** The request body for this kind, the list shortened until it fits the service's limit. */
export function formatFor(kind: RobotKind, message: RobotMessage): string {
  let m = message;
  for (;;) {
    const body = FORMATS[kind](m);
    if (Buffer.byteLength(body) <= LIMITS[kind] || !m.items.length) return body;
    m = { ...m, items: m.items.slice(0, -1), more: m.more + 1 };
  }
}
