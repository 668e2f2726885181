import { z } from 'zod';
import {
  INTEGRATION_EVENT_DATA,
  INTEGRATION_EVENT_TYPES,
  IntegrationEventEnvelope,
  type IntegrationEventType,
} from '../../shared';
import { jsonSchemaOf } from './json-schema';
import type { Operation } from './openapi';

/** Why each event is sent, for the reference. */
const WHEN: Record<IntegrationEventType, string> = {
  'case.created': 'A case was opened (by the help center or an agent).',
  'case.resolved': 'A case was resolved.',
  'message.created': 'An agent replied to the buyer or seller on a chat or phone case.',
  'refund.requested': 'A refund was decided: pay it back, then report the result.',
  'order.cancel_requested': 'An order cancellation was decided: cancel it, then report.',
  'account.restriction_requested':
    'An account restriction was decided, with its statement of reasons: put it in force, then report.',
  'account.restriction_lifted':
    'A restriction in effect ended: its `until` came, Trust & Safety lifted it, or a complaint reversed it (`data.restriction.reason`). Lift it; nothing to report back.',
  'law_enforcement.referral_requested': 'A referral to law enforcement was decided: send it.',
};

/** Whether the marketplace reports back with `POST /integration/actions/{id}/result`. */
const REPORTS_RESULT = new Set<IntegrationEventType>([
  'refund.requested',
  'order.cancel_requested',
  'account.restriction_requested',
  'law_enforcement.referral_requested',
]);

/**
 * The events Casedesk POSTs to `CASEDESK_WEBHOOK_URL`, as OpenAPI 3.1 `webhooks`: one
 * operation per type, the envelope with that type's `data`, and the signature headers.
 */
export function openApiWebhooks(): Record<string, Record<string, Operation>> {
  const webhooks: Record<string, Record<string, Operation>> = {};
  for (const type of INTEGRATION_EVENT_TYPES) {
    const body = IntegrationEventEnvelope.extend({
      type: z.literal(type),
      data: INTEGRATION_EVENT_DATA[type],
    });
    const then = REPORTS_RESULT.has(type)
      ? ' Report what became of it with `POST /api/v1/integration/actions/{id}/result` (the `data.action.id`).'
      : '';
    webhooks[type] = {
      post: {
        operationId: `webhook${type
          .split(/[._]/)
          .map((w) => w[0]!.toUpperCase() + w.slice(1))
          .join('')}`,
        summary: WHEN[type],
        description: `POSTed to CASEDESK_WEBHOOK_URL, signed; delivered at least once, in order per case (deduplicate by \`Casedesk-Event-Id\`).${then}`,
        parameters: [
          {
            name: 'Casedesk-Event-Id',
            in: 'header',
            required: true,
            description: 'The event’s id, the same on every redelivery.',
            schema: { type: 'string' },
          },
          {
            name: 'Casedesk-Signature',
            in: 'header',
            required: true,
            description:
              '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, one `v1=` per secret of CASEDESK_WEBHOOK_SECRET while it is rotated. Verify over the raw bytes, in constant time, and refuse an old `t`.',
            schema: { type: 'string' },
          },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: jsonSchemaOf(body, 'output') } },
        },
        responses: {
          '2XX': { description: 'Received: not sent again.' },
          default: {
            description:
              'Anything else, or no answer within 10 s: sent again with backoff for at least 72 hours, then dead.',
          },
        },
      },
    };
  }
  return webhooks;
}
