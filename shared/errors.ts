/** Every error code of the contract, with the HTTP status it travels with. */
export const ERROR_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_deactivated: 401,
  second_factor_required: 401,
  invalid_second_factor: 401,
  forbidden: 403,
  four_eyes_violation: 403,
  // Issue 17: a complaint is decided by someone who neither proposed nor approved the decision.
  reviewer_involved: 403,
  second_factor_enrolment_required: 403,
  not_found: 404,
  already_assigned: 409,
  case_not_open: 409,
  pending_approvals: 409,
  action_not_pending: 409,
  idempotency_key_reused: 409,
  stale_state: 409,
  agent_inactive: 409,
  email_taken: 409,
  complaint_exists: 409,
  complaint_decided: 409,
  invitation_expired: 410,
  request_timeout: 408,
  payload_too_large: 413,
  unsupported_media_type: 415,
  channel_language_unsupported: 422,
  refund_exceeds_refundable: 422,
  currency_mismatch: 422,
  order_delivered: 422,
  order_cancelled: 422,
  no_order: 422,
  weak_password: 422,
  wrong_password: 422,
  order_buyer_mismatch: 422,
  recipient_unknown: 422,
  no_matching_case: 422,
  attachment_rejected: 422,
  restriction_not_in_effect: 422,
  complaint_window_closed: 422,
  not_a_complaint: 422,
  // A complaint case closes by its decision (DSA Art. 20), never by a plain resolve.
  complaint_undecided: 422,
  rate_limited: 429,
  headers_too_large: 431,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** A refusal the caller can act on; thrown by domain services, turned into JSON at the edge. */
export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
    this.status = ERROR_STATUS[code];
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}
