import type { FastifyInstance } from 'fastify';

/**
 * API answers are data for this API's clients only: never sniffed into something
 * renderable, never kept by a cache (they carry case data and tokens).
 */
export const API_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
} as const;

/**
 * The workspace page: isolated from other origins' windows and embedders, and no access
 * to devices or sensors it never uses.
 */
export const WORKSPACE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy':
    'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), serial=(), hid=(), bluetooth=()',
} as const;

/** Adds the API headers to every `/api/` answer, errors and 404s included. */
export function registerApiHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    void reply.header('x-content-type-options', API_HEADERS['x-content-type-options']);
    // A route that knows better (an event stream, a download) keeps its own.
    if (!reply.hasHeader('cache-control'))
      void reply.header('cache-control', API_HEADERS['cache-control']);
  });
}
