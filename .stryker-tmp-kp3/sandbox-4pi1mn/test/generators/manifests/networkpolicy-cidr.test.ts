// @ts-nocheck
import { cidrContains, coveringCidr, hostCidr } from '../../../generators/manifests/networkpolicy-cidr';

describe('CIDR arithmetic for ipBlocks', () => {
  it('host CIDRs are /32 for IPv4 and /128 for IPv6, in canonical form', () => {
    expect(hostCidr('10.244.1.5')).toBe('10.244.1.5/32');
    expect(hostCidr('fd00:10:244::5')).toBe('fd00:10:244::5/128');
    expect(hostCidr('FD00:0:0:1:0:0:0:5')).toBe('fd00:0:0:1::5/128');
    expect(hostCidr('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1/128');
  });

  it('the covering CIDR is the longest common prefix, at its network address', () => {
    // Third octets 1 (00000001) and 2 (00000010) share 6 leading bits: /16 + 6 = /22.
    expect(coveringCidr(['10.244.1.5', '10.244.2.7'])).toBe('10.244.0.0/22');
    expect(coveringCidr(['10.244.1.5', '10.244.1.9'])).toBe('10.244.1.0/28');
    expect(coveringCidr(['10.0.0.1'])).toBe('10.0.0.1/32');
    expect(coveringCidr(['fd00::1', 'fd00::2'])).toBe('fd00::/126');
  });

  it('containment', () => {
    expect(cidrContains('10.244.0.0/22', '10.244.3.255')).toBe(true);
    expect(cidrContains('10.244.0.0/22', '10.244.4.0')).toBe(false);
    expect(cidrContains('fd00::/126', '10.0.0.1')).toBe(false);
  });

  it('rejects what is not an IP, and mixed families', () => {
    expect(() => hostCidr('10.0.0')).toThrow(/invalid pod IP/);
    expect(() => hostCidr('fd00::1::2')).toThrow(/invalid pod IP/);
    expect(() => coveringCidr(['10.0.0.1', 'fd00::1'])).toThrow(/mixed families/);
  });
});
