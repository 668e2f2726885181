import type { Topic } from '../../schemas/case';
import { ACCOUNT_ACCESS } from './account-access';
import { CANCELLATION_REQUEST } from './cancellation-request';
import { COMPLAINT } from './complaint';
import { COUNTERFEIT_SUSPECTED } from './counterfeit-suspected';
import { DAMAGED_IN_TRANSIT } from './damaged-in-transit';
import { FRAUD_SUSPECTED } from './fraud-suspected';
import { GENERAL_QUESTION } from './general-question';
import { ITEM_NOT_RECEIVED } from './item-not-received';
import { NOT_AS_DESCRIBED } from './not-as-described';
import { PAYMENT_ISSUE } from './payment-issue';
import type { TopicTexts } from './types';

export { STATUS_UPDATE } from './status-update';
export type { Localized, TemplateText, TopicTexts } from './types';

/** Topic-specific reply texts; a topic added to TOPICS without texts fails to compile. */
export const REPLY_TEXTS: Readonly<Record<Topic, TopicTexts>> = {
  item_not_received: ITEM_NOT_RECEIVED,
  not_as_described: NOT_AS_DESCRIBED,
  damaged_in_transit: DAMAGED_IN_TRANSIT,
  counterfeit_suspected: COUNTERFEIT_SUSPECTED,
  fraud_suspected: FRAUD_SUSPECTED,
  payment_issue: PAYMENT_ISSUE,
  cancellation_request: CANCELLATION_REQUEST,
  account_access: ACCOUNT_ACCESS,
  general_question: GENERAL_QUESTION,
  // The decision's outcome is told by the service (statement-notice.ts); these are the replies meanwhile.
  complaint: COMPLAINT,
};
