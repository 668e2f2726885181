/**
 * Fixed EUR value of one unit of each currency, used only to compare refunds with an
 * agent's refund limit (which is kept in EUR). Policy data: finance reviews it, code
 * never computes it. Refunds themselves always move money in the order's currency.
 */
export const EUR_RATES = {
  EUR: 1,
  GBP: 1.17,
  USD: 0.92,
  CHF: 1.05,
  SEK: 0.088,
  DKK: 0.134,
  NOK: 0.086,
  PLN: 0.23,
  CZK: 0.04,
} as const;
