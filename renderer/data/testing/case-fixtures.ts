import {
  LANGUAGES,
  PRIORITIES,
  TOPICS,
  type Agent,
  type Case,
  type CaseStatus,
} from '../../../shared';

export const ANA: Agent = {
  id: 'agent-ana',
  name: 'Ana',
  email: 'ana@demo.casedesk',
  roles: ['agent'],
  languages: ['de', 'en', 'nl'],
  refundLimit: { amount: 25_000, currency: 'EUR' },
  active: true,
  lastSeenAt: null,
};

export const LENA: Agent = {
  id: 'agent-lena',
  name: 'Lena',
  email: 'lena@demo.casedesk',
  roles: ['lead'],
  languages: [...LANGUAGES],
  refundLimit: { amount: 500_000, currency: 'EUR' },
  active: true,
  lastSeenAt: null,
};

const STATUSES: CaseStatus[] = [
  'new',
  'open',
  'pending_buyer',
  'pending_seller',
  'ts_review',
  'resolved',
];
const BASE = Date.UTC(2026, 10, 1);
const at = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();

/** mulberry32: a tiny seeded generator, so fixtures are random-looking but repeatable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A valid case whose fields are drawn independently from a generator seeded with `i`, so
 * every view and filter combination has members and due times are not in id order.
 */
export function makeCase(i: number, overrides: Partial<Case> = {}): Case {
  const r = random(i + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const createdMin = Math.floor(r() * 100_000);
  const responded = r() < 0.3;
  const assignees = [null, ANA.id, LENA.id, null, 'agent-marco'];
  return {
    id: `case-${String(i).padStart(6, '0')}`,
    reference: `CD-${String(100_000 + i)}`,
    status: pick(STATUSES),
    topic: pick(TOPICS),
    channel: pick(['email', 'chat', 'phone'] as const),
    language: pick(LANGUAGES),
    priority: pick(PRIORITIES),
    assigneeId: pick(assignees),
    buyer: {
      id: `buyer-${i % 5000}`,
      externalId: `B${i % 5000}`,
      name: `Buyer ${i}`,
      email: `buyer${i}@example.com`,
      language: 'de',
      country: 'DE',
      buyerSince: null,
    },
    order: {
      id: `order-${i}`,
      externalId: `O${i}`,
      lotId: `L${i}`,
      lotTitle: `Lot number ${i}`,
      category: 'Art',
      amountPaid: { amount: 100_00, currency: 'EUR' },
      fees: null,
      shippingStatus: 'shipped',
      orderedAt: at(createdMin - 10_000),
      shippedAt: at(createdMin - 5_000),
      deliveredAt: null,
      trackingNumber: null,
      payoutStatus: 'held',
      status: 'active',
      refundedAmount: { amount: 0, currency: 'EUR' },
      refundable: { amount: 100_00, currency: 'EUR' },
      seller: {
        id: `seller-${i % 700}`,
        externalId: `S${i % 700}`,
        name: 'Seller',
        country: 'NL',
        rating: 4.5,
      },
    },
    question: 'Where is my parcel?',
    aiAnswer: { text: 'It is on its way.', articleIds: [], rating: 'not_helpful' },
    contactedSellerFirst: true,
    sellerReply: null,
    externalDispute: r() < 0.06,
    version: 1,
    createdAt: at(createdMin),
    updatedAt: at(createdMin + Math.floor(r() * 5_000)),
    firstResponseDueAt: at(createdMin + 240),
    resolutionDueAt: at(createdMin + 4_320),
    firstRespondedAt: responded ? at(createdMin + 60) : null,
    resolvedAt: null,
    resolutionSummary: null,
    ...overrides,
  };
}
