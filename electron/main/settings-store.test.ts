import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/desktop/settings';
import { createSettings, settingsStoreOptions } from './settings-store';

// electron-store is conf with Electron's user-data folder as its home; under Node the
// same options go to conf directly, against a real file.
async function openStore(cwd?: string) {
  const dir = cwd ?? (await mkdtemp(path.join(tmpdir(), 'casedesk-settings-')));
  const { name, ...options } = settingsStoreOptions();
  const conf = new Conf<Settings>({
    ...options,
    configName: name,
    cwd: dir,
    projectName: 'casedesk-test',
    projectVersion: '0.2.0',
  });
  return { dir, conf, settings: createSettings(conf) };
}

describe('desktop settings', () => {
  it('start in standalone mode with every notification on', async () => {
    const { settings } = await openStore();
    expect(settings.read()).toEqual(DEFAULT_SETTINGS);
  });

  it('keep a change across restarts, in a JSON file', async () => {
    const { dir, settings } = await openStore();
    settings.update({ theme: 'dark', notifications: { slaAtRisk: false } });
    settings.useServer('https://cases.example.com');
    const again = await openStore(dir);
    expect(again.settings.read()).toMatchObject({
      mode: 'server',
      serverUrl: 'https://cases.example.com',
      theme: 'dark',
      notifications: { slaAtRisk: false, assignedToMe: true },
    });
    expect(JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      theme: 'dark',
    });
  });

  it('refuse a value outside the schema and keep the previous one', async () => {
    const { conf, settings } = await openStore();
    expect(() => conf.set({ mode: 'cloud' as never })).toThrow(/schema/i);
    expect(settings.read().mode).toBe('standalone');
  });

  it('reset a file that no longer validates instead of refusing to start', async () => {
    const { dir } = await openStore();
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ mode: 42, theme: 'neon' }));
    const again = await openStore(dir);
    expect(again.settings.read()).toEqual(DEFAULT_SETTINGS);
  });

  it('remember the window where it was left', async () => {
    const { dir, settings } = await openStore();
    const bounds = { x: 10, y: 20, width: 1280, height: 800, maximized: false };
    settings.saveWindowBounds(bounds);
    expect((await openStore(dir)).settings.read().windowBounds).toEqual(bounds);
  });
});
