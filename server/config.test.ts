import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('CASEDESK_TRUST_PROXY', () => {
  it('trusts no proxy when unset or blank', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ CASEDESK_TRUST_PROXY: '' }).trustProxy).toEqual([]);
  });

  it('takes a comma-separated list of addresses and CIDR ranges, IPv4 and IPv6', () => {
    const config = loadConfig({ CASEDESK_TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,::1,fd00::/8' });
    expect(config.trustProxy).toEqual(['10.0.0.5', '192.168.0.0/16', '::1', 'fd00::/8']);
  });

  it.each([
    'loopback',
    '10.0.0.300',
    '10.0.0.0/33',
    'fd00::/129',
    '10.0.0.0/8/1',
    '10.0.0.1,',
    '*',
  ])('stops the service with a one-line reason for %j', (value) => {
    const load = () => loadConfig({ CASEDESK_TRUST_PROXY: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      /^invalid configuration: CASEDESK_TRUST_PROXY must be a comma-separated list/,
    );
    try {
      load();
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
    }
  });
});
