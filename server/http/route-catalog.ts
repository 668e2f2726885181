import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AcceptInvitationRequest,
  AccountEventsQuery,
  ActionRequest,
  AddNoteRequest,
  AssignRequest,
  CaseListQuery,
  ChangePasswordRequest,
  ChangeStatusRequest,
  ComplaintDecisionRequest,
  ComplaintDecisionResponse,
  ComplaintRequest,
  LiftRestrictionRequest,
  PartyAccount,
  PartyAccountParams,
  InvitationLookup,
  InvitationParams,
  ConfirmSecondFactorRequest,
  DisableSecondFactorRequest,
  RecoveryCodes,
  SecondFactorEnrolment,
  SecondFactorPolicy,
  SecondFactorStatus,
  ContactOptionsQuery,
  CreateAgentRequest,
  CreateDisputeRequest,
  ActionResultRequest,
  DeliveriesPage,
  DeliveriesQuery,
  Delivery,
  OrderUpdateRequest,
  ReplayRequest,
  EmptyBody,
  IntakeRequest,
  LoginRequest,
  OidcCallbackQuery,
  OidcExchangeRequest,
  OidcStartQuery,
  PresenceRequest,
  CasePresenceRequest,
  CasePresence,
  PriorityRequest,
  PullQuery,
  PushRequest,
  RejectActionRequest,
  ApproveActionRequest,
  ApproveActionBody,
  ResolveRequest,
  SendMessageRequest,
  UpdateAgentRequest,
  UpdateDisputeRequest,
  UploadAttachmentQuery,
  Attachment,
  IntakeMessageRequest,
  Message,
  AccountEventsPage,
  Action,
  Agent,
  AgentEntity,
  AgentsResponse,
  Case,
  CaseDetail,
  CasesPage,
  ContactOptions,
  CreateAgentResponse,
  ExternalDispute,
  HealthResponse,
  LoginResponse,
  Note,
  OrderUpdateResponse,
  PingResponse,
  PresenceResponse,
  PullResponse,
  PushResponse,
  ReplayResponse,
  ResetPasswordResponse,
  DsaStatement,
  DsaStatementsQuery,
  CaseFile,
  CaseFileQuery,
  QueueHealth,
  QueueHealthQuery,
  type MutationOp,
} from '../../shared';

import { ROUTING_ROUTES } from './routing-catalog';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered so far (see recordRoutes). */
    registeredRoutes: () => { method: string; path: string }[];
  }
}

/**
 * Every route the service answers, with what it accepts: the one list the fuzz suite
 * walks and the OpenAPI document is generated from. A test fails when a route is
 * registered without an entry here, so a new endpoint cannot skip either.
 */
export type RouteAuth = 'none' | 'agent' | 'admin' | 'intake' | 'integration';
export type RouteMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RouteEntry {
  method: RouteMethod;
  /** As registered with Fastify (`:id` for path parameters). */
  path: string;
  summary: string;
  auth: RouteAuth;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The status of a successful answer. */
  success: number;
  /** Accepts `Idempotency-Key` (a state-changing command). */
  idempotent?: boolean;
  /** Not JSON: an event stream or raw bytes. The fuzz suite sends these no body. */
  streams?: boolean;
  /** What a success answers, for the OpenAPI document (absent: an object, not described). */
  response?: z.ZodType;
  /** The media type of a body that is not JSON (the OpenAPI document says so). */
  requestType?: string;
  /** The media type of an answer that is not JSON. */
  responseType?: string;
  /** With `format=json`, the answer is JSON of this schema instead (a PDF's JSON twin). */
  jsonTwin?: z.ZodType;
}

const IdParams = z.strictObject({ id: z.string().min(1).max(100) });

const agent = (e: Omit<RouteEntry, 'auth'>): RouteEntry => ({ auth: 'agent', ...e });
const command = (
  path: string,
  summary: string,
  body: z.ZodType,
  success = 200,
  auth: RouteAuth = 'agent',
  response?: z.ZodType,
): RouteEntry => ({
  method: 'POST',
  path,
  summary,
  auth,
  params: path.includes(':id') ? IdParams : undefined,
  body,
  success,
  idempotent: true,
  response,
});

export const ROUTE_CATALOG: readonly RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/health',
    summary: 'Service health',
    auth: 'none',
    success: 200,
    response: HealthResponse,
  },
  {
    method: 'GET',
    path: '/api/v1/openapi.json',
    summary: 'This API as an OpenAPI 3.1 document',
    auth: 'none',
    success: 200,
  },
  {
    method: 'POST',
    path: '/api/v1/auth/login',
    summary: 'Sign in with email and password',
    auth: 'none',
    body: LoginRequest,
    success: 200,
    response: LoginResponse,
  },
  {
    method: 'POST',
    path: '/api/v1/auth/accept-invitation',
    summary: 'Set a password from an invitation and sign in',
    auth: 'none',
    body: AcceptInvitationRequest,
    success: 200,
    response: LoginResponse,
  },
  {
    method: 'GET',
    path: '/api/v1/auth/invitations/:token',
    summary: 'Whom an open invitation is for (name, email), to judge a password by',
    auth: 'none',
    params: InvitationParams,
    success: 200,
    response: InvitationLookup,
  },
  {
    method: 'GET',
    path: '/api/v1/auth/oidc/start',
    summary: 'Begin a single sign-on: redirects to the OpenID provider (PKCE, state)',
    auth: 'none',
    query: OidcStartQuery,
    success: 302,
  },
  {
    method: 'GET',
    path: '/api/v1/auth/oidc/callback',
    summary: 'The provider returns here: redirects to redirect_uri with ?code= or ?error=',
    auth: 'none',
    query: OidcCallbackQuery,
    success: 302,
  },
  {
    method: 'POST',
    path: '/api/v1/auth/oidc/exchange',
    summary: 'Exchange the one-time code (60 s) for a session',
    auth: 'none',
    body: OidcExchangeRequest,
    success: 200,
    response: LoginResponse,
  },
  agent({ method: 'POST', path: '/api/v1/auth/logout', summary: 'Sign out', success: 204 }),
  agent({
    method: 'GET',
    path: '/api/v1/me',
    summary: 'The signed-in agent',
    success: 200,
    response: Agent,
  }),
  agent({
    method: 'POST',
    path: '/api/v1/me/presence',
    summary: 'Set availability for chat and phone',
    body: PresenceRequest,
    success: 200,
    response: PresenceResponse,
  }),
  command('/api/v1/me/password', 'Change one’s own password', ChangePasswordRequest, 204),
  agent({
    method: 'GET',
    path: '/api/v1/me/second-factor',
    summary: 'Whether two-step sign-in is on, required, or must be set up first',
    success: 200,
    response: SecondFactorStatus,
  }),
  agent({
    method: 'POST',
    path: '/api/v1/me/second-factor',
    summary: 'Begin setting up two-step sign-in: a TOTP secret, its otpauth URI and QR code',
    body: EmptyBody,
    success: 200,
    response: SecondFactorEnrolment,
  }),
  agent({
    method: 'POST',
    path: '/api/v1/me/second-factor/confirm',
    summary: 'Turn two-step sign-in on with a code; answers the recovery codes, once',
    body: ConfirmSecondFactorRequest,
    success: 200,
    response: RecoveryCodes,
  }),
  agent({
    method: 'DELETE',
    path: '/api/v1/me/second-factor',
    summary: 'Turn two-step sign-in off (with the password, a code or a recovery code)',
    body: DisableSecondFactorRequest,
    success: 204,
  }),
  agent({
    method: 'GET',
    path: '/api/v1/settings/second-factor',
    summary: 'Which roles must use two-step sign-in',
    success: 200,
    response: SecondFactorPolicy,
  }),
  {
    method: 'PUT',
    path: '/api/v1/settings/second-factor',
    summary: 'Require two-step sign-in of roles (admin)',
    auth: 'admin',
    body: SecondFactorPolicy,
    success: 200,
    idempotent: true,
    response: SecondFactorPolicy,
  },
  agent({
    method: 'GET',
    path: '/api/v1/agents',
    summary: 'The agent directory',
    success: 200,
    response: AgentsResponse,
  }),
  agent({
    method: 'GET',
    path: '/api/v1/agents/:id',
    summary: 'One agent',
    params: IdParams,
    success: 200,
    response: AgentEntity,
  }),
  command(
    '/api/v1/agents',
    'Create an agent and an invitation',
    CreateAgentRequest,
    201,
    'admin',
    CreateAgentResponse,
  ),
  {
    method: 'PATCH',
    path: '/api/v1/agents/:id',
    summary: 'Change an agent (admin); a lead may send `capacity` alone',
    auth: 'admin',
    params: IdParams,
    body: UpdateAgentRequest,
    success: 200,
    response: Agent,
    idempotent: true,
  },
  command('/api/v1/agents/:id/deactivate', 'Deactivate an agent', EmptyBody, 200, 'admin', Agent),
  command('/api/v1/agents/:id/activate', 'Activate an agent again', EmptyBody, 200, 'admin', Agent),
  command(
    '/api/v1/agents/:id/reset-password',
    'Reset a password',
    EmptyBody,
    200,
    'admin',
    ResetPasswordResponse,
  ),
  command(
    '/api/v1/agents/:id/reset-second-factor',
    'Turn someone’s two-step sign-in off (a lost phone)',
    EmptyBody,
    200,
    'admin',
  ),
  {
    method: 'GET',
    path: '/api/v1/agents/:id/events',
    summary: 'One agent’s account audit trail',
    auth: 'admin',
    params: IdParams,
    query: AccountEventsQuery,
    success: 200,
    response: AccountEventsPage,
  },
  {
    method: 'GET',
    path: '/api/v1/audit/accounts',
    summary: 'Every account’s audit trail',
    auth: 'admin',
    query: AccountEventsQuery,
    success: 200,
    response: AccountEventsPage,
  },
  command(
    '/api/v1/intake/escalations',
    'Open a case from the help center',
    IntakeRequest,
    201,
    'intake',
    Case,
  ),
  command(
    '/api/v1/intake/complaints',
    'A restricted party complains about the decision (DSA Art. 20)',
    ComplaintRequest,
    201,
    'intake',
    Case,
  ),
  {
    method: 'GET',
    path: '/api/v1/intake/contact-options',
    summary: 'Channels open for a language',
    auth: 'intake',
    query: ContactOptionsQuery,
    success: 200,
    response: ContactOptions,
  },
  agent({
    method: 'GET',
    path: '/api/v1/cases',
    summary: 'Visible cases, filtered and paged',
    query: CaseListQuery,
    success: 200,
    response: CasesPage,
  }),
  agent({
    method: 'GET',
    path: '/api/v1/cases/:id',
    summary: 'A case with its parts',
    params: IdParams,
    success: 200,
    response: CaseDetail,
  }),
  agent({
    method: 'POST',
    path: '/api/v1/cases/:id/presence',
    summary:
      'Heartbeat: I have this case open (typing a reply or not); answers who has it open now',
    params: IdParams,
    body: CasePresenceRequest,
    success: 200,
    response: CasePresence,
  }),
  agent({
    method: 'DELETE',
    path: '/api/v1/cases/:id/presence',
    summary: 'I closed this case: drop me from its viewers at once',
    params: IdParams,
    success: 204,
  }),
  command('/api/v1/cases/:id/claim', 'Claim a case', EmptyBody, 200, 'agent', Case),
  command(
    '/api/v1/cases/:id/release',
    'Release a case to the queue',
    EmptyBody,
    200,
    'agent',
    Case,
  ),
  command('/api/v1/cases/:id/assign', 'Assign a case (lead)', AssignRequest, 200, 'agent', Case),
  command(
    '/api/v1/cases/:id/priority',
    'Set a case’s priority',
    PriorityRequest,
    200,
    'agent',
    Case,
  ),
  command(
    '/api/v1/cases/:id/status',
    'Change a case’s status',
    ChangeStatusRequest,
    200,
    'agent',
    Case,
  ),
  command(
    '/api/v1/cases/:id/messages',
    'Send a message',
    SendMessageRequest,
    201,
    'agent',
    Message,
  ),
  command('/api/v1/cases/:id/notes', 'Add an internal note', AddNoteRequest, 201, 'agent', Note),
  command('/api/v1/cases/:id/resolve', 'Resolve a case', ResolveRequest, 200, 'agent', Case),
  command('/api/v1/cases/:id/reopen', 'Reopen a resolved case', EmptyBody, 200, 'agent', Case),
  command(
    '/api/v1/cases/:id/actions',
    'Propose or execute an action',
    ActionRequest,
    201,
    'agent',
    Action,
  ),
  command(
    '/api/v1/cases/:id/external-disputes',
    'Record an external dispute',
    CreateDisputeRequest,
    201,
    'agent',
    ExternalDispute,
  ),
  command(
    '/api/v1/actions/:id/approve',
    'Approve a pending action',
    ApproveActionBody,
    200,
    'agent',
    Action,
  ),
  command(
    '/api/v1/actions/:id/reject',
    'Reject a pending action',
    RejectActionRequest,
    200,
    'agent',
    Action,
  ),
  command(
    '/api/v1/actions/:id/withdraw',
    'Withdraw one’s own proposal',
    EmptyBody,
    200,
    'agent',
    Action,
  ),
  command(
    '/api/v1/actions/:id/lift',
    'End a restriction in effect early (Trust & Safety)',
    LiftRestrictionRequest,
    200,
    'agent',
    Action,
  ),
  command(
    '/api/v1/cases/:id/complaint-decision',
    'Decide a complaint (an uninvolved Trust & Safety reviewer)',
    ComplaintDecisionRequest,
    200,
    'agent',
    ComplaintDecisionResponse,
  ),
  agent({
    method: 'GET',
    path: '/api/v1/parties/:kind/:externalId/account',
    summary: 'An account’s cases, restrictions, decisions and complaints (T&S, lead)',
    params: PartyAccountParams,
    success: 200,
    response: PartyAccount,
  }),
  {
    method: 'PATCH',
    path: '/api/v1/external-disputes/:id',
    summary: 'Update an external dispute',
    auth: 'agent',
    params: IdParams,
    body: UpdateDisputeRequest,
    success: 200,
    response: ExternalDispute,
    idempotent: true,
  },
  {
    method: 'GET',
    path: '/api/v1/integration/deliveries',
    summary: 'Webhook deliveries by status (admin)',
    auth: 'admin',
    query: DeliveriesQuery,
    success: 200,
    response: DeliveriesPage,
  },
  {
    ...command(
      '/api/v1/integration/deliveries/:id/retry',
      'Resend a delivery',
      EmptyBody,
      200,
      'admin',
    ),
    response: Delivery,
  },
  command(
    '/api/v1/integration/deliveries/replay',
    'Resend a time range',
    ReplayRequest,
    200,
    'admin',
    ReplayResponse,
  ),
  command(
    '/api/v1/integration/deliveries/ping',
    'Send a test event',
    EmptyBody,
    201,
    'admin',
    PingResponse,
  ),
  command(
    '/api/v1/integration/actions/:id/result',
    'The marketplace reports an action’s result',
    ActionResultRequest,
    200,
    'integration',
    Action,
  ),
  {
    method: 'PATCH',
    path: '/api/v1/integration/orders/:externalId',
    summary: 'The marketplace updates order facts',
    auth: 'integration',
    params: z.strictObject({ externalId: z.string().min(1).max(200) }),
    body: OrderUpdateRequest,
    success: 200,
    response: OrderUpdateResponse,
    idempotent: true,
  },
  {
    method: 'POST',
    path: '/api/v1/inbound/email',
    summary: 'A reply by email (raw message/rfc822)',
    auth: 'intake',
    success: 201,
    streams: true,
    requestType: 'message/rfc822',
  },
  {
    method: 'POST',
    path: '/api/v1/intake/messages',
    summary: 'A buyer’s or seller’s message from the help center',
    auth: 'intake',
    body: IntakeMessageRequest,
    success: 201,
    response: Message,
    idempotent: true,
  },
  command(
    '/api/v1/messages/:id/retry',
    'Send a failed message again',
    EmptyBody,
    200,
    'agent',
    Message,
  ),
  {
    method: 'POST',
    path: '/api/v1/cases/:id/attachments',
    summary: 'Upload a file to send with a reply or note (multipart field "file")',
    auth: 'agent',
    params: IdParams,
    query: UploadAttachmentQuery,
    success: 201,
    idempotent: true,
    requestType: 'multipart/form-data',
    response: Attachment,
  },
  agent({
    method: 'GET',
    path: '/api/v1/attachments/:id',
    summary: 'An attachment’s bytes, as a download',
    params: IdParams,
    success: 200,
    responseType: 'application/octet-stream',
  }),
  {
    method: 'GET',
    path: '/api/v1/integration/attachments/:id',
    summary: 'A file of a message handed to the help center (message.created), as a download',
    auth: 'integration',
    params: IdParams,
    success: 200,
    responseType: 'application/octet-stream',
  },
  agent({
    method: 'GET',
    path: '/api/v1/cases/:id/case-file',
    summary:
      'The evidence case file of a case (T&S and leads): a PDF, or with format=json its JSON twin, every audit event hash-chained',
    params: IdParams,
    query: CaseFileQuery,
    success: 200,
    responseType: 'application/pdf',
    jsonTwin: CaseFile,
  }),
  agent({
    method: 'GET',
    path: '/api/v1/reports/dsa-statements',
    summary:
      'Statements of reasons of the restrictions that took effect in [from, to), in the DSA Transparency Database API format, one JSON object a line (T&S and leads); a bare day stands for its midnight UTC',
    query: DsaStatementsQuery,
    success: 200,
    response: DsaStatement,
    responseType: 'application/x-ndjson',
  }),
  agent({
    method: 'GET',
    path: '/api/v1/reports/queue-health',
    summary:
      'The dashboard (leads and T&S): open cases and running clocks now, per-day response and resolution times (median, 90th percentile, SLA met), incoming and resolved, workload per agent, refunds and restrictions per ISO week, AI answers rated not helpful per topic; UTC days from..to included, at most 92 (a time stands for its UTC day)',
    query: QueueHealthQuery,
    success: 200,
    response: QueueHealth,
  }),
  agent({
    method: 'GET',
    path: '/api/v1/messages/:id/original',
    summary: 'The original inbound email',
    params: IdParams,
    success: 200,
    streams: true,
    responseType: 'message/rfc822',
  }),
  agent({
    method: 'GET',
    path: '/api/v1/sync/pull',
    summary: 'Changes since a cursor',
    query: PullQuery,
    success: 200,
    response: PullResponse,
  }),
  agent({
    method: 'POST',
    path: '/api/v1/sync/push',
    summary: 'Apply queued mutations, each on its own',
    body: PushRequest,
    success: 200,
    response: PushResponse,
  }),
  agent({
    method: 'GET',
    path: '/api/v1/sync/stream',
    summary: 'Server-sent pokes when visible data changes',
    success: 200,
    streams: true,
    responseType: 'text/event-stream',
  }),
  ...ROUTING_ROUTES,
];

const CaseRef = { caseId: z.string().min(1).max(100) };
const ActionRef = { actionId: z.string().min(1).max(100) };
const withRef = (ref: Record<string, z.ZodType>, body?: z.ZodType): z.ZodType => {
  if (!body) return z.strictObject(ref);
  // Intersections keep discriminated unions (actions) whole.
  return z.intersection(z.object(ref), body);
};

/** What each sync op's `args` are: the path id(s) plus the matching endpoint's body. */
export const SYNC_OP_CATALOG: Record<MutationOp, z.ZodType> = {
  'case.claim': withRef(CaseRef),
  'case.release': withRef(CaseRef),
  'case.reopen': withRef(CaseRef),
  'case.message': withRef(CaseRef, SendMessageRequest),
  'case.note': withRef(CaseRef, AddNoteRequest),
  'case.status': withRef(CaseRef, ChangeStatusRequest),
  'case.priority': withRef(CaseRef, PriorityRequest),
  'case.assign': withRef(CaseRef, AssignRequest),
  'case.resolve': withRef(CaseRef, ResolveRequest),
  'case.action': withRef(CaseRef, ActionRequest),
  'dispute.create': withRef(CaseRef, CreateDisputeRequest),
  'dispute.update': withRef({ disputeId: z.string().min(1).max(100) }, UpdateDisputeRequest),
  'action.approve': withRef(ActionRef, ApproveActionRequest),
  'action.reject': withRef(ActionRef, RejectActionRequest),
  'action.withdraw': withRef(ActionRef),
  'action.lift': withRef(ActionRef, LiftRestrictionRequest),
  'case.complaint_decision': withRef(CaseRef, ComplaintDecisionRequest),
};

const key = (method: string, path: string) => `${method} ${path}`;

/**
 * Records every route as it is registered (call before any route is added), so a test
 * can compare what the service answers with the catalog.
 */
export function recordRoutes(app: FastifyInstance): () => { method: string; path: string }[] {
  const seen: { method: string; path: string }[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) seen.push({ method, path: r.url });
  });
  return () => seen;
}

/** Registered API routes that have no catalog entry (HEAD twins of GETs excluded). */
export function uncataloguedRoutes(registered: { method: string; path: string }[]): string[] {
  const known = new Set(ROUTE_CATALOG.map((r) => key(r.method, r.path)));
  return registered
    .filter((r) => r.path.startsWith('/api/') && r.method !== 'HEAD')
    .map((r) => key(r.method, r.path))
    .filter((k) => !known.has(k));
}
