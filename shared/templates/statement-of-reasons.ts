import type { Restriction, StatementOfReasons } from '../schemas/actions';
import type { Topic } from '../schemas/case';
import { GROUND_TEXTS } from './statement-ground-texts';

/**
 * Everything of a statement of reasons but the facts: those are the agent's own account of
 * this case (issue 16 defect 6). Boilerplate facts would be submitted with one click as if
 * someone had reviewed the case.
 */
export interface StatementTemplate extends Omit<StatementOfReasons, 'facts'> {
  suggestedRestriction: Restriction;
  /** Days until the measure ends, or null for "until lifted". */
  suggestedDays: number | null;
}

// Drafted by staff in English: the statement of reasons is sent as the marketplace's
// formal notice; translation happens on delivery, not while drafting. The suggested
// redress says what the notice's own translated redress lines say, so kept as suggested
// it is not repeated there (statement-notice.ts).
export const STANDARD_REDRESS =
  'You can contest this decision through our internal complaint system within 6 months (DSA Art. 20), ' +
  'use a certified out-of-court dispute settlement body (Art. 21), or go to court.';

const BASE = {
  groundType: 'contractual' as const,
  automated: false,
  redress: STANDARD_REDRESS,
  territorialScope: 'EU',
  basis: 'own_investigation' as const,
};

const BY_TOPIC: Partial<Record<Topic, Omit<StatementTemplate, keyof typeof BASE>>> = {
  counterfeit_suspected: {
    ground: GROUND_TEXTS.counterfeit_suspected.en,
    suggestedRestriction: 'block_selling',
    suggestedDays: null,
  },
  fraud_suspected: {
    ground: GROUND_TEXTS.fraud_suspected.en,
    suggestedRestriction: 'suspend',
    suggestedDays: null,
  },
  payment_issue: {
    ground: GROUND_TEXTS.payment_issue.en,
    suggestedRestriction: 'block_bidding',
    suggestedDays: 30,
  },
  not_as_described: {
    ground: GROUND_TEXTS.not_as_described.en,
    suggestedRestriction: 'block_selling',
    suggestedDays: 30,
  },
  item_not_received: {
    ground: GROUND_TEXTS.item_not_received.en,
    suggestedRestriction: 'block_payouts',
    suggestedDays: 30,
  },
  account_access: {
    ground: GROUND_TEXTS.account_access.en,
    suggestedRestriction: 'suspend',
    suggestedDays: 7,
  },
};

const GENERIC = {
  ground: 'Terms of use: name the section that was breached.',
  suggestedRestriction: 'suspend' as const,
  suggestedDays: 30,
};

export function statementTemplateFor(topic: Topic): StatementTemplate {
  return { ...BASE, ...(BY_TOPIC[topic] ?? GENERIC) };
}
