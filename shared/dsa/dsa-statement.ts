import { z } from 'zod';
import {
  ACCOUNT_TYPES,
  AUTOMATED_DECISIONS,
  CONTENT_TYPES,
  DECISION_ACCOUNTS,
  DECISION_GROUNDS,
  DECISION_MONETARIES,
  DECISION_PROVISIONS,
  DECISION_VISIBILITIES,
  DSA_CATEGORIES,
  DSA_LIMITS,
  EEA_COUNTRIES,
  SOURCE_TYPES,
  YES_NO,
} from './dsa-values';

/** A calendar date as the Commission takes it: YYYY-MM-DD, leading zeroes, a real day. */
const dateBetween = (min: string, max: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    }, 'not a calendar day')
    .refine((s) => s >= min && s <= max, `between ${min} and ${max}`);

const endDate = dateBetween('2000-01-01', '2038-01-01').nullable().optional();
const limited = (max: number) => z.string().trim().min(1).max(max);

const END_DATES = [
  ['end_date_account_restriction', 'decision_account'],
  ['end_date_monetary_restriction', 'decision_monetary'],
  ['end_date_service_restriction', 'decision_provision'],
  ['end_date_visibility_restriction', 'decision_visibility'],
] as const;

/**
 * One statement of reasons as the DSA Transparency Database API accepts it (POST
 * /api/v1/statement), with the rules its request validation states: required fields,
 * enumerations, lengths, and the conditional requirements (one decision at least; an
 * "other" value needs its text; each ground needs its ground and explanation). Where the
 * Commission silently drops a field that does not belong (a legal ground on a contractual
 * decision), this schema refuses it: our export never means to send one. Unknown fields
 * are refused too, so nothing personal slips in under a new name.
 */
export const DsaStatement = z
  .strictObject({
    decision_visibility: z.array(z.enum(DECISION_VISIBILITIES)).min(1).nullable().optional(),
    decision_visibility_other: limited(DSA_LIMITS.other).optional(),
    decision_monetary: z.enum(DECISION_MONETARIES).nullable().optional(),
    decision_monetary_other: limited(DSA_LIMITS.other).optional(),
    decision_provision: z.enum(DECISION_PROVISIONS).nullable().optional(),
    decision_account: z.enum(DECISION_ACCOUNTS).nullable().optional(),
    account_type: z.enum(ACCOUNT_TYPES).nullable().optional(),

    decision_ground: z.enum(DECISION_GROUNDS),
    decision_ground_reference_url: z.url().max(500).nullable().optional(),
    illegal_content_legal_ground: limited(DSA_LIMITS.ground).optional(),
    illegal_content_explanation: limited(DSA_LIMITS.explanation).optional(),
    incompatible_content_ground: limited(DSA_LIMITS.ground).optional(),
    incompatible_content_explanation: limited(DSA_LIMITS.explanation).optional(),
    incompatible_content_illegal: z.enum(YES_NO).optional(),

    content_type: z.array(z.enum(CONTENT_TYPES)).min(1),
    content_type_other: limited(DSA_LIMITS.other).optional(),
    category: z.enum(DSA_CATEGORIES),
    category_addition: z.array(z.enum(DSA_CATEGORIES)).optional(),
    // The documentation calls it required; the request validation lets it be null. We
    // always send at least one country.
    territorial_scope: z.array(z.enum(EEA_COUNTRIES)).min(1),
    content_language: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable()
      .optional(),

    content_date: dateBetween('2000-01-01', '2038-01-01'),
    application_date: dateBetween('2020-01-01', '2038-01-01'),
    end_date_account_restriction: endDate,
    end_date_monetary_restriction: endDate,
    end_date_service_restriction: endDate,
    end_date_visibility_restriction: endDate,

    decision_facts: limited(DSA_LIMITS.facts),
    source_type: z.enum(SOURCE_TYPES),
    source_identity: z.string().max(DSA_LIMITS.sourceIdentity).optional(),
    automated_detection: z.enum(YES_NO),
    automated_decision: z.enum(AUTOMATED_DECISIONS),
    puid: z
      .string()
      .min(1)
      .max(DSA_LIMITS.puid)
      .regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, hyphens and underscores only'),
  })
  .superRefine((s, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    const present = (v: unknown) => v !== undefined && v !== null;

    if (
      !present(s.decision_visibility) &&
      !present(s.decision_monetary) &&
      !present(s.decision_provision) &&
      !present(s.decision_account)
    )
      problem('decision_visibility', 'at least one of the four decision fields is required');

    const pair = (when: boolean, field: keyof typeof s, what: string) => {
      if (when && !present(s[field])) problem(field, `required when ${what}`);
      if (!when && present(s[field])) problem(field, `only allowed when ${what}`);
    };
    pair(
      s.decision_visibility?.includes('DECISION_VISIBILITY_OTHER') ?? false,
      'decision_visibility_other',
      'decision_visibility includes DECISION_VISIBILITY_OTHER',
    );
    pair(
      s.decision_monetary === 'DECISION_MONETARY_OTHER',
      'decision_monetary_other',
      'decision_monetary is DECISION_MONETARY_OTHER',
    );
    pair(
      s.content_type.includes('CONTENT_TYPE_OTHER'),
      'content_type_other',
      'content_type includes CONTENT_TYPE_OTHER',
    );
    const illegal = s.decision_ground === 'DECISION_GROUND_ILLEGAL_CONTENT';
    pair(illegal, 'illegal_content_legal_ground', 'the ground is illegal content');
    pair(illegal, 'illegal_content_explanation', 'the ground is illegal content');
    pair(!illegal, 'incompatible_content_ground', 'the ground is incompatible content');
    pair(!illegal, 'incompatible_content_explanation', 'the ground is incompatible content');
    if (illegal && present(s.incompatible_content_illegal))
      problem(
        'incompatible_content_illegal',
        'only allowed when the ground is incompatible content',
      );
    if (s.source_type === 'SOURCE_VOLUNTARY' && present(s.source_identity))
      problem('source_identity', 'not taken when the source is own voluntary initiative');

    for (const [end, decision] of END_DATES) {
      const v = s[end];
      if (!present(v)) continue;
      if (!present(s[decision])) problem(end, `only allowed with ${decision}`);
      // The documentation: an end date is on or after the application date.
      if (v! < s.application_date) problem(end, 'before the application date');
    }
  });
export type DsaStatement = z.infer<typeof DsaStatement>;
