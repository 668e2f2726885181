import type { Topic } from '../schemas/case';

/**
 * When a buyer's problem counts as reported in time, per topic, in calendar days. The
 * help-center text (shared/reference) gives no numbers; product.md: "problems reported
 * within days of delivery; 'not arrived' checks some weeks after shipping". Ours until the
 * policy owners say otherwise: a problem with what arrived within 14 days of delivery (a
 * suspected counterfeit within 30: it may take an expert to see it); "not arrived" after
 * 21 days from shipping, when the parcel is overdue rather than slow.
 */
export type ReportingRule =
  { from: 'delivery'; withinDays: number } | { from: 'shipping'; afterDays: number };

export const REPORTING_WINDOWS: Readonly<Partial<Record<Topic, ReportingRule>>> = {
  not_as_described: { from: 'delivery', withinDays: 14 },
  damaged_in_transit: { from: 'delivery', withinDays: 14 },
  counterfeit_suspected: { from: 'delivery', withinDays: 30 },
  item_not_received: { from: 'shipping', afterDays: 21 },
};
