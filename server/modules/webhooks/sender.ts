// One outbound POST (a webhook delivery or a robot message): a 10-second limit on the whole exchange, no
// redirects followed (a 3xx is reported, never chased to another host), the answer read up to 2 KB, and,
// unless the organisation allows private networks, the connection refused to private addresses.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { BlockedAddress, isPrivateAddress, publicOnlyLookup } from './net.ts';

export const SEND_TIMEOUT_MS = 10_000;
const RESPONSE_LIMIT = 2048;

export interface SendResult {
  statusCode: number | null;
  durationMs: number;
  /** The start of the answer's body. */
  response: string | null;
  /** Why nothing usable came back: a message code (core/events-messages.ts). */
  failure: 'delivery_timeout' | 'delivery_network' | 'delivery_blocked_address' | null;
  /** The network error's own words, for the log. */
  detail: string | null;
}

export interface Outbound {
  url: string;
  headers: Record<string, string>;
  body: string;
  allowPrivate: boolean;
}

export function send(out: Outbound): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(out.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // A literal address never reaches the lookup: judged here.
  if (!out.allowPrivate && isIP(host) && isPrivateAddress(host))
    return Promise.resolve({
      statusCode: null,
      durationMs: 0,
      response: null,
      failure: 'delivery_blocked_address',
      detail: host,
    });
  const body = Buffer.from(out.body);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: Omit<SendResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, durationMs: elapsed() });
    };
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      {
        method: 'POST',
        headers: { ...out.headers, 'content-length': String(body.length) },
        lookup: out.allowPrivate ? undefined : publicOnlyLookup,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < RESPONSE_LIMIT) chunks.push(c);
          size += c.length;
        });
        res.on('end', () =>
          finish({
            statusCode: res.statusCode ?? null,
            response: Buffer.concat(chunks).subarray(0, RESPONSE_LIMIT).toString('utf8'),
            failure: null,
            detail: null,
          }),
        );
        res.on('error', (e) =>
          finish({
            statusCode: res.statusCode ?? null,
            response: null,
            failure: 'delivery_network',
            detail: e.message,
          }),
        );
      },
    );
    const timer = setTimeout(() => {
      finish({ statusCode: null, response: null, failure: 'delivery_timeout', detail: null });
      req.destroy();
    }, SEND_TIMEOUT_MS);
    req.on('error', (e) => {
      const blocked = e instanceof BlockedAddress || (e as { cause?: unknown }).cause instanceof BlockedAddress;
      finish({
        statusCode: null,
        response: null,
        failure: blocked ? 'delivery_blocked_address' : 'delivery_network',
        detail: e.message,
      });
    });
    req.end(body);
  });
}
