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

describe('DATABASE_MIGRATION_URL', () => {
  it('is the schema owner beside DATABASE_URL, and absent means one role does both', () => {
    const two = loadConfig({
      DATABASE_URL: 'postgres://casedesk_app@db/casedesk',
      DATABASE_MIGRATION_URL: 'postgres://casedesk_owner@db/casedesk',
    });
    expect(two.database).toEqual({
      kind: 'postgres',
      url: 'postgres://casedesk_app@db/casedesk',
      migrationUrl: 'postgres://casedesk_owner@db/casedesk',
    });
    const one = loadConfig({ DATABASE_URL: 'postgres://casedesk@db/casedesk' });
    expect(one.database).toMatchObject({ migrationUrl: null });
  });

  it('needs DATABASE_URL and a postgres:// URL', () => {
    expect(() => loadConfig({ DATABASE_MIGRATION_URL: 'postgres://o@db/c' })).toThrow(
      /DATABASE_MIGRATION_URL needs DATABASE_URL/,
    );
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://a@db/c', DATABASE_MIGRATION_URL: 'mysql://o@db/c' }),
    ).toThrow(/DATABASE_MIGRATION_URL must be a postgres:\/\/ URL/);
  });
});
