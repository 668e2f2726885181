import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { WORKSPACE_CSP } from '../../shared/workspace-csp';
import { WORKSPACE_HEADERS } from './security-headers';

export { WORKSPACE_CSP };

/**
 * Serves the built workspace (`npm run build`) at `/`, so any browser can work against
 * this service. Unknown non-API paths get index.html: the workspace routes on the client.
 */
export function serveWorkspace(app: FastifyInstance, root: string): boolean {
  if (!existsSync(path.join(root, 'index.html'))) return false;
  void app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    // Source maps would hand anyone the workspace's source; they stay on the build machine.
    allowedPath: (pathName) => !pathName.endsWith('.map'),
    setHeaders: (res) => {
      res.header('content-security-policy', WORKSPACE_CSP);
      for (const [name, value] of Object.entries(WORKSPACE_HEADERS)) res.header(name, value);
    },
  });
  return true;
}
