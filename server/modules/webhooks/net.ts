// Where outbound requests may go (SSRF): the URL's scheme, and — unless the organisation allows private
// networks — every address its host resolves to, outside private, loopback, link-local and reserved
// ranges. Checked when a URL is saved (a clear 400) and again for each request through the connection's
// own lookup (DNS can change between the two; a re-pointed name must not reach the intranet).
import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';

const refused = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  refused.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  refused.addSubnet(net, bits, 'ipv6');

/** An address outside the public internet (IPv4-mapped IPv6 judged as its IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return refused.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return refused.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export type UrlProblem = 'webhook_url_invalid' | 'webhook_url_scheme';

/** The URL parsed, or what is wrong with it; only http(s), no credentials in it. */
export function parseTargetUrl(text: string): URL | UrlProblem {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'webhook_url_invalid';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'webhook_url_scheme';
  if (!url.hostname || url.username || url.password) return 'webhook_url_invalid';
  return url;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/** Every address the URL's host resolves to (a literal address is itself). */
export async function addressesOf(url: URL): Promise<string[]> {
  const host = hostOf(url);
  if (isIP(host)) return [host];
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (err, found: LookupAddress[]) =>
      err ? reject(err) : resolve(found.map((a) => a.address)),
    ),
  );
}

/** Thrown through a connection whose host resolved into a refused range. */
export class BlockedAddress extends Error {
  constructor(readonly address: string) {
    super(`refused address ${address}`);
  }
}

/** A `lookup` for http(s).request that refuses private addresses: the check happens on the connection itself. */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, found: LookupAddress[]) => {
    if (err) return callback(err, '', 4);
    const bad = found.find((a) => isPrivateAddress(a.address));
    if (bad) return callback(new BlockedAddress(bad.address), '', 4);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, found);
    const first = found[0];
    if (!first) return callback(new Error(`no address for ${hostname}`), '', 4);
    callback(null, first.address, first.family);
  });
};
