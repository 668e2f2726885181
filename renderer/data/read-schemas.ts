import { z } from 'zod';
import {
  ACTION_STATUSES,
  Action,
  AgentEntity,
  Case,
  CaseEvent,
  EVENT_TYPES,
  ExternalDispute,
  Message,
  MutationResult,
  Note,
  PartyAccount,
  ROLES,
  type SyncEntity,
} from '../../shared';

/**
 * A value of an enum the service may extend within v1 (the contract's forward-compatibility
 * rule): one this client knows, or a newer one kept as sent. The `string & {}` keeps the
 * known values visible to the editor while making code handle the rest.
 */
export type Open<T extends string> = T | (string & {});

function openEnum<const T extends readonly [string, ...string[]]>(known: T) {
  return z.union([z.enum(known), z.string().min(1).max(100)]) as z.ZodType<Open<T[number]>>;
}

/**
 * The entities as this client reads them from the service: the shared schemas, except that
 * the enum values the workspace can show generically (a role, an action's status, an event
 * type) may be ones a newer service added. Everything else is as strict as the contract.
 */
// A colleague arrives as the directory (id, name, roles, languages, active) unless the
// caller is an admin or lead, or it is their own record: the other fields are optional.
export const AgentRead = AgentEntity.extend({ roles: z.array(openEnum(ROLES)).min(1) });
export type AgentRead = z.infer<typeof AgentRead>;

const actionStatus = { status: openEnum(ACTION_STATUSES) };
const [refund, cancel, restrict, referral] = Action.options;
export const ActionRead = z.discriminatedUnion('type', [
  refund.extend(actionStatus),
  cancel.extend(actionStatus),
  restrict.extend(actionStatus),
  referral.extend(actionStatus),
]);
export type ActionRead = z.infer<typeof ActionRead>;

/** The Account view's answer from the service, its actions read as leniently as synced ones. */
export const PartyAccountRead = PartyAccount.extend({ actions: z.array(ActionRead) });
export type PartyAccountRead = z.infer<typeof PartyAccountRead>;

export const EventRead = CaseEvent.extend({ type: openEnum(EVENT_TYPES) });
export type EventRead = z.infer<typeof EventRead>;

/**
 * The service's answer to a push. A status this client does not know (a newer service's)
 * settles nothing: the mutation stays in the outbox and is sent again — its id makes that
 * safe — while every other answer in the batch is recorded as usual.
 */
export const MutationResultRead = MutationResult.extend({
  status: openEnum(['applied', 'duplicate', 'rejected']),
});
export type MutationResultRead = z.infer<typeof MutationResultRead>;
export const PushResponseRead = z.object({ results: z.array(MutationResultRead) });
export type PushResponseRead = z.infer<typeof PushResponseRead>;

export const ENTITY_SCHEMAS = {
  case: Case,
  message: Message,
  note: Note,
  action: ActionRead,
  external_dispute: ExternalDispute,
  event: EventRead,
  agent: AgentRead,
} as const satisfies Record<SyncEntity, z.ZodType>;

export type EntityData<E extends SyncEntity> = z.infer<(typeof ENTITY_SCHEMAS)[E]>;

/** A label for a value this client may not know: its own words, else the raw value. */
export function labelOf(labels: Readonly<Record<string, string>>, value: string): string {
  return Object.hasOwn(labels, value) ? labels[value]! : value.replaceAll('_', ' ');
}
