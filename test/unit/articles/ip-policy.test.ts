import { describe, expect, it } from 'vitest';
import { blockedReason, ipv6Bytes, isBlockedAddress } from '../../../src/articles/ip-policy.js';

describe('blockedReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.20.30.40', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', 'carrier-grade NAT'],
    ['224.0.0.251', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'private'],
    ['fd00:ec2::254', 'private'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback (IPv4 in IPv6)'],
    ['::ffff:a9fe:a9fe', 'link-local (IPv4 in IPv6)'],
    ['::ffff:10.0.0.1', 'private (IPv4 in IPv6)'],
    ['64:ff9b::169.254.169.254', 'link-local (IPv4 in IPv6)'],
    ['2002:c0a8:0101::1', 'private (IPv4 in IPv6)'],
  ])('%s is %s', (ip, reason) => {
    expect(blockedReason(ip)).toBe(reason);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '93.184.216.34',
    '2606:4700:4700::1111',
    '::ffff:8.8.4.4',
  ])('%s is public', (ip) => {
    expect(isBlockedAddress(ip)).toBe(false);
  });

  it('refuses what is not an address', () => {
    expect(blockedReason('example.com')).toBe('invalid');
    expect(blockedReason('1.2.3')).toBe('invalid');
    expect(blockedReason('1::2::3')).toBe('invalid');
  });
});

describe('ipv6Bytes', () => {
  it('expands compressed forms and dotted tails', () => {
    expect(ipv6Bytes('::1')).toEqual([...new Array(15).fill(0), 1]);
    expect(ipv6Bytes('::ffff:1.2.3.4')?.slice(10)).toEqual([0xff, 0xff, 1, 2, 3, 4]);
    expect(ipv6Bytes('1:2:3:4:5:6:7:8')?.[15]).toBe(8);
    expect(ipv6Bytes('1:2:3')).toBeNull();
  });
});
