import type { Restriction, StatementOfReasons } from '../schemas/actions';
import type { Topic } from '../schemas/case';

export interface StatementTemplate extends StatementOfReasons {
  suggestedRestriction: Restriction;
  /** Days until the measure ends, or null for "until lifted". */
  suggestedDays: number | null;
}

// Drafted by staff in English: the statement of reasons is sent as the marketplace's
// formal notice; translation happens on delivery, not while drafting.
const REDRESS =
  'You can contest this decision through our internal complaint system within 6 months (DSA Art. 20), ' +
  'use a certified out-of-court dispute settlement body (Art. 21), or go to court.';

const BASE = {
  groundType: 'contractual' as const,
  automated: false,
  redress: REDRESS,
  territorialScope: 'EU',
  basis: 'own_investigation' as const,
};

const BY_TOPIC: Partial<Record<Topic, Omit<StatementTemplate, keyof typeof BASE>>> = {
  counterfeit_suspected: {
    facts:
      'In case {reference}, the object "{lotTitle}" was reported as counterfeit; our review of the evidence supports this.',
    ground: 'Terms of use: the sale of counterfeit goods is prohibited.',
    suggestedRestriction: 'block_selling',
    suggestedDays: null,
  },
  fraud_suspected: {
    facts:
      'In case {reference}, the account asked for payment outside the platform for "{lotTitle}".',
    ground:
      'Terms of use: payments must go through the platform; attempts to defraud users are prohibited.',
    suggestedRestriction: 'suspend',
    suggestedDays: null,
  },
  payment_issue: {
    facts:
      'In case {reference}, payments for "{lotTitle}" were disputed in a way that indicates misuse.',
    ground: 'Terms of use: payment obligations and chargebacks.',
    suggestedRestriction: 'block_bidding',
    suggestedDays: 30,
  },
  not_as_described: {
    facts:
      'In case {reference}, "{lotTitle}" differed materially from its description, as in earlier cases.',
    ground: 'Terms of use: objects must be described accurately.',
    suggestedRestriction: 'block_selling',
    suggestedDays: 30,
  },
  item_not_received: {
    facts: 'In case {reference}, "{lotTitle}" was paid for and not shipped, as in earlier cases.',
    ground: 'Terms of use: sold objects must be shipped within the stated period.',
    suggestedRestriction: 'block_payouts',
    suggestedDays: 30,
  },
  account_access: {
    facts: 'In case {reference}, the account shows signs of being taken over by someone else.',
    ground: 'Terms of use: account security.',
    suggestedRestriction: 'suspend',
    suggestedDays: 7,
  },
};

const GENERIC = {
  facts: 'In case {reference}, describe what happened and what our review found.',
  ground: 'Terms of use: name the section that was breached.',
  suggestedRestriction: 'suspend' as const,
  suggestedDays: 30,
};

export function statementTemplateFor(topic: Topic): StatementTemplate {
  return { ...BASE, ...(BY_TOPIC[topic] ?? GENERIC) };
}
