import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { loadConfig, parseTrustProxy, proxyTrust } from './config.ts';

/** The client address Fastify takes for a request that came through `socket` with these X-Forwarded-For hops. */
async function clientAddress(setting: string | undefined, socket: string, forwardedFor?: string): Promise<string> {
  const app = Fastify({ trustProxy: proxyTrust(parseTrustProxy(setting)) });
  app.get('/ip', (req) => ({ ip: req.ip }));
  try {
    const res = await app.inject({
      method: 'GET',
      url: '/ip',
      remoteAddress: socket,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });
    return res.json<{ ip: string }>().ip;
  } finally {
    await app.close();
  }
}

describe('OPENKAM_TRUST_PROXY', () => {
  it('reads off, a hop count (1 and true meaning one) or a list of proxy addresses', () => {
    for (const off of [undefined, '', '0', 'false']) expect(parseTrustProxy(off)).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('true')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy(' 127.0.0.1, 10.0.0.0/8 ')).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(loadConfig({ OPENKAM_TRUST_PROXY: '1' }).trustProxy).toBe(1);
  });

  it('with one hop takes the address the proxy saw, not the left-most one the client wrote', async () => {
    // The proxy (127.0.0.1) appends the address it saw to whatever the client sent.
    for (const setting of ['1', 'true']) {
      expect(await clientAddress(setting, '127.0.0.1', '10.1.2.3, 198.51.100.7')).toBe('198.51.100.7');
      expect(await clientAddress(setting, '127.0.0.1', '198.51.100.7')).toBe('198.51.100.7');
    }
    expect(await clientAddress('1', '127.0.0.1')).toBe('127.0.0.1');
  });

  it('with two hops takes the address the outer proxy saw', async () => {
    expect(await clientAddress('2', '127.0.0.1', '10.1.2.3, 198.51.100.7, 192.0.2.10')).toBe('198.51.100.7');
  });

  it('with a list trusts only those proxies: the first address from the right that is not one of them', async () => {
    const list = '127.0.0.1, 10.0.0.0/8';
    expect(await clientAddress(list, '127.0.0.1', '10.1.2.3, 198.51.100.7, 10.0.0.5')).toBe('198.51.100.7');
    // A client that reaches the app directly cannot name its own address.
    expect(await clientAddress(list, '203.0.113.9', '10.1.2.3')).toBe('203.0.113.9');
  });

  it('off, the header is ignored', async () => {
    expect(await clientAddress(undefined, '203.0.113.9', '10.1.2.3')).toBe('203.0.113.9');
  });
});
