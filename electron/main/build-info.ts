import type { AppInfo, ReleaseChannel } from '../../shared/desktop/ipc-contract';

/** Stamped in by electron-vite at build time (electron.vite.config.ts). */
declare const __CASEDESK_BUILD__: { commit: string; channel: ReleaseChannel } | undefined;

export interface BuildInfo {
  name: string;
  version: string;
  commit: string;
  channel: ReleaseChannel;
}

export function buildInfo(version: string): BuildInfo {
  const stamped = typeof __CASEDESK_BUILD__ === 'undefined' ? undefined : __CASEDESK_BUILD__;
  return {
    name: 'Casedesk',
    version,
    commit: stamped?.commit ?? 'unknown',
    channel: stamped?.channel ?? 'dev',
  };
}

/**
 * A QA build says so in every window title, with what QA needs in a bug report; a
 * release build is just "Casedesk".
 */
export function windowTitle(build: BuildInfo, server: string): string {
  if (build.channel === 'release') return build.name;
  const kind = build.channel === 'qa' ? 'QA build' : 'development build';
  return `${build.name} — ${kind} ${build.version} (${build.commit}) — ${server}`;
}

export function aboutText(build: BuildInfo, server: string): { message: string; detail: string } {
  const marking =
    build.channel === 'qa' ? ' (QA build)' : build.channel === 'dev' ? ' (development build)' : '';
  return {
    message: `${build.name}${marking}`,
    detail: [
      `Version: ${build.version}`,
      `Commit: ${build.commit}`,
      `Channel: ${build.channel}`,
      `Server: ${server}`,
    ].join('\n'),
  };
}

export function appInfo(build: BuildInfo, server: { label: string; id: string }): AppInfo {
  return {
    name: build.name,
    version: build.version,
    commit: build.commit,
    channel: build.channel,
    server: server.label,
    serverId: server.id,
    platform: 'desktop',
  };
}
