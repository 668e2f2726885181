import {
  CHANNELS,
  LANGUAGES,
  ESCALATION_TOPICS as TOPICS,
  channelSupportsLanguage,
  type CaseStatus,
  type Channel,
  type Currency,
  type IntakeRequest,
  type Language,
  type EscalationTopic as Topic,
} from '../../shared';
import {
  AI_ANSWERS,
  COUNTRY,
  FIRST_NAMES,
  LAST_NAMES,
  LOTS,
  QUESTIONS,
  SELLERS,
  SELLER_REPLIES,
} from './demo-phrases';

/** A small, fast, seedable PRNG (mulberry32): the demo data must be the same every time. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const pick = <T>(rng: Rng, items: readonly T[]): T =>
  items[Math.floor(rng() * items.length)]!;
const between = (rng: Rng, lo: number, hi: number) => Math.round(lo + rng() * (hi - lo));

export interface CasePlan {
  intake: IntakeRequest;
  createdAt: Date;
  status: CaseStatus;
}

// Most escalations are EUR; the rest spread over the other currencies buyers pay in.
const CURRENCY_BY_COUNTRY: Partial<Record<string, Currency>> = { GB: 'GBP', CN: 'USD' };
/**
 * What a desk looks like by a case's age: the last hours' cases are mostly new,
 * today's are being worked,
 * the week's are in progress or waiting on someone, and what is older than the resolution
 * clock is nearly all resolved — with a few stragglers overdue, as on every real desk.
 */
function statusMixFor(ageDays: number): [CaseStatus, number][] {
  if (ageDays < 0.125)
    return [
      ['new', 0.5],
      ['open', 0.2],
      ['pending_buyer', 0.08],
      ['pending_seller', 0.08],
      ['ts_review', 0.09],
      ['resolved', 0.05],
    ];
  if (ageDays < 1)
    return [
      ['new', 0.1],
      ['open', 0.36],
      ['pending_buyer', 0.14],
      ['pending_seller', 0.14],
      ['ts_review', 0.12],
      ['resolved', 0.14],
    ];
  if (ageDays < 5)
    return [
      ['new', 0.12],
      ['open', 0.22],
      ['pending_buyer', 0.14],
      ['pending_seller', 0.14],
      ['ts_review', 0.12],
      ['resolved', 0.26],
    ];
  return [
    ['open', 0.03],
    ['pending_buyer', 0.02],
    ['pending_seller', 0.03],
    ['ts_review', 0.03],
    ['resolved', 0.89],
  ];
}
// Two sellers draw the counterfeit complaints: the clusters T&S must notice.
const COUNTERFEIT_SELLERS = [3, 9];

function weighted<T>(rng: Rng, mix: [T, number][]): T {
  let r = rng();
  for (const [v, w] of mix) {
    if ((r -= w) < 0) return v;
  }
  return mix[mix.length - 1]![0];
}

const ORDERLESS: readonly Topic[] = ['account_access', 'general_question'];

/**
 * The i-th demo case. Buyers come from a pool smaller than the number of cases, so
 * repeat buyers with history appear; languages, topics and channels cycle so every
 * combination the rules allow shows up.
 */
export function planCase(rng: Rng, i: number, total: number, now: Date): CasePlan {
  const language: Language = LANGUAGES[i % LANGUAGES.length]!;
  const topic: Topic = TOPICS[Math.floor(i / LANGUAGES.length) % TOPICS.length]!;
  let channel: Channel = CHANNELS[Math.floor(i / (LANGUAGES.length * 3)) % CHANNELS.length]!;
  if (!channelSupportsLanguage(channel, language)) channel = rng() < 0.5 ? 'chat' : 'email';

  // A buyer keeps one language: the pool is drawn per language, and small enough to repeat.
  const perLanguage = Math.max(2, Math.floor(total / (3 * LANGUAGES.length)));
  const buyerNo = LANGUAGES.indexOf(language) + LANGUAGES.length * Math.floor(rng() * perLanguage);
  const buyerRng = mulberry32(buyerNo * 7919 + 17);
  const buyerLanguage = language;
  const first = pick(buyerRng, FIRST_NAMES[buyerLanguage]);
  const last = pick(buyerRng, LAST_NAMES[buyerLanguage]);
  const country = COUNTRY[buyerLanguage];

  const sellerNo =
    topic === 'counterfeit_suspected' && rng() < 0.8
      ? pick(rng, COUNTERFEIT_SELLERS)
      : Math.floor(rng() * SELLERS.length);
  const seller = SELLERS[sellerNo]!;
  const lot = pick(rng, LOTS);
  const currency: Currency =
    rng() < 0.15
      ? pick(rng, ['GBP', 'USD', 'CHF'] as const)
      : (CURRENCY_BY_COUNTRY[country] ?? 'EUR');

  // Spread over the last 60 days, oldest first and thicker towards today (as a desk's
  // intake is seen from today), the newest ones minutes old.
  const ageMinutes =
    Math.round(((total - i) / total) ** 2.5 * 60 * 24 * 60 * (0.6 + rng() * 0.4)) +
    between(rng, 1, 50);
  const createdAt = new Date(now.getTime() - ageMinutes * 60_000);
  const orderedAt = new Date(createdAt.getTime() - between(rng, 4, 25) * 86_400_000);
  // Shipped and delivered before the buyer wrote, never after (nor after now).
  const beforeCase = createdAt.getTime() - 3_600_000;
  const shippedAt = new Date(
    Math.min(orderedAt.getTime() + between(rng, 1, 4) * 86_400_000, beforeCase - 3_600_000),
  );
  const deliveredAt = new Date(
    Math.min(shippedAt.getTime() + between(rng, 2, 8) * 86_400_000, beforeCase),
  );
  const shipping =
    topic === 'item_not_received' || topic === 'cancellation_request'
      ? rng() < 0.5 && topic === 'cancellation_request'
        ? 'not_shipped'
        : 'shipped'
      : 'delivered';
  const amount = between(rng, lot.price[0], lot.price[1]);
  const hasOrder = !ORDERLESS.includes(topic) || rng() < 0.2;
  const contacted = rng() < 0.65;

  const intake: IntakeRequest = {
    buyer: {
      externalId: `demo-buyer-${buyerNo}`,
      name: `${first} ${last}`,
      email:
        `${first}.${last}.${buyerNo}`
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^\w.]/g, '') + '@example.com',
      language: buyerLanguage,
      country,
    },
    order: hasOrder
      ? {
          externalId: `demo-order-${i}`,
          lotId: `lot-${80_000 + i}`,
          lotTitle: lot.title,
          category: lot.category,
          amountPaid: { amount, currency },
          shippingStatus: shipping,
          orderedAt: orderedAt.toISOString(),
          ...(shipping !== 'not_shipped'
            ? { shippedAt: shippedAt.toISOString(), trackingNumber: `3S${100000 + i}NL` }
            : {}),
          ...(shipping === 'delivered' ? { deliveredAt: deliveredAt.toISOString() } : {}),
          seller: {
            externalId: `demo-seller-${sellerNo}`,
            name: seller.name,
            country: seller.country,
            email: seller.email,
            language: seller.language,
          },
        }
      : null,
    topic,
    question: QUESTIONS[language][topic].replace('{lot}', hasOrder ? lot.title : ''),
    aiAnswer: {
      text: AI_ANSWERS[language][topic],
      articleIds: [`kb-${100 + TOPICS.indexOf(topic)}`],
      rating: rng() < 0.7 ? 'not_helpful' : null,
    },
    contactedSellerFirst: hasOrder && contacted,
    ...(hasOrder && contacted ? { sellerReply: SELLER_REPLIES[language] } : {}),
    context: {
      buyerSince: new Date(now.getTime() - between(buyerRng, 30, 3000) * 86_400_000).toISOString(),
      ...(hasOrder
        ? {
            sellerRating: seller.rating,
            fees: { amount: Math.round(amount * 0.09), currency },
            payoutStatus: shipping === 'delivered' && rng() < 0.4 ? 'released' : 'held',
          }
        : {}),
    },
    channel,
    language,
  };
  return { intake, createdAt, status: weighted(rng, statusMixFor(ageMinutes / (24 * 60))) };
}
