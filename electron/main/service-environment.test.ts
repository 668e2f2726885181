import { describe, expect, it } from 'vitest';
import { serviceEnvironment } from './service-environment';

describe("the embedded service's environment", () => {
  it('keeps what a Windows child needs to start networking and find its folders', () => {
    const env = serviceEnvironment(
      {
        Path: 'C:\\Windows\\system32',
        SystemRoot: 'C:\\Windows',
        windir: 'C:\\Windows',
        TEMP: 'C:\\Users\\ana\\AppData\\Local\\Temp',
        LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local',
        DATABASE_URL: 'postgres://elsewhere/db',
        NODE_OPTIONS: '--inspect',
      },
      'win32',
      { dataDir: 'C:\\Users\\ana\\AppData\\Roaming\\Casedesk\\case-service' },
    );
    expect(env).toMatchObject({
      PATH: 'C:\\Windows\\system32',
      SystemRoot: 'C:\\Windows',
      windir: 'C:\\Windows',
      TEMP: 'C:\\Users\\ana\\AppData\\Local\\Temp',
      LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local',
      PORT: '0',
      HOST: '127.0.0.1',
      CASEDESK_SEED: 'demo',
      CASEDESK_DATA_DIR: 'C:\\Users\\ana\\AppData\\Roaming\\Casedesk\\case-service',
    });
    expect(env).not.toHaveProperty('DATABASE_URL');
    expect(env).not.toHaveProperty('NODE_OPTIONS');
  });

  it('passes only PATH of the shell elsewhere', () => {
    const env = serviceEnvironment(
      { PATH: '/usr/bin', HOME: '/home/ana', DATABASE_URL: 'postgres://x/y', SystemRoot: 'x' },
      'linux',
      { dataDir: '/home/ana/.config/Casedesk/case-service' },
    );
    expect(Object.keys(env).sort()).toEqual(
      ['CASEDESK_DATA_DIR', 'CASEDESK_LOG_LEVEL', 'CASEDESK_SEED', 'HOST', 'PATH', 'PORT'].sort(),
    );
  });
});
