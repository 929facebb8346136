// The SSRF ranges (issue 23, item 2): what counts as a private address, and what a URL must be.
import { describe, expect, it } from 'vitest';
import { isPrivateAddress, parseTargetUrl } from './net.ts';

describe('outbound addresses', () => {
  it.each([
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['192.168.1.1', true],
    ['127.0.0.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:10.0.0.1', true],
    ['8.8.8.8', false],
    ['203.0.113.10', false],
    ['::ffff:8.8.8.8', false],
    ['2001:db8::1', false],
  ])('%s private: %s', (address, expected) => expect(isPrivateAddress(address)).toBe(expected));

  it('takes http(s) URLs only, without credentials', () => {
    expect(parseTargetUrl('ftp://example.com')).toBe('webhook_url_scheme');
    expect(parseTargetUrl('javascript:alert(1)')).toBe('webhook_url_scheme');
    expect(parseTargetUrl('https://user:pw@example.com/')).toBe('webhook_url_invalid');
    expect(parseTargetUrl('nonsense')).toBe('webhook_url_invalid');
    expect(parseTargetUrl(' https://erp.example.com/hook ')).toBeInstanceOf(URL);
  });
});
