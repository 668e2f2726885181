import { z } from 'zod';
import {
  MoveOpenCasesRequest,
  MoveOpenCasesResponse,
  RoutingLanguageParams,
  RoutingLanguageSetting,
  RoutingSettings,
  UpdateRoutingLanguageRequest,
} from '../../shared';
import type { RouteEntry } from './route-catalog';

/** Issue 18's routing endpoints, for the catalog (kept here so merges stay small). */
export const ROUTING_ROUTES: readonly RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/routing',
    summary: 'Automatic assignment per language (lead)',
    auth: 'agent',
    success: 200,
    response: RoutingSettings,
  },
  {
    method: 'PUT',
    path: '/api/v1/routing/languages/:language',
    summary: 'Turn automatic assignment of one language on or off (lead)',
    auth: 'agent',
    params: RoutingLanguageParams,
    body: UpdateRoutingLanguageRequest,
    success: 200,
    response: RoutingLanguageSetting,
    idempotent: true,
  },
  {
    method: 'POST',
    path: '/api/v1/agents/:id/move-open-cases',
    summary: 'Move all of one agent’s open cases to others (lead)',
    auth: 'agent',
    params: z.strictObject({ id: z.string().min(1).max(100) }),
    body: MoveOpenCasesRequest,
    success: 200,
    response: MoveOpenCasesResponse,
    idempotent: true,
  },
];
