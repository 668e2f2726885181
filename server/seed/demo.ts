import { canSeeCase, type Agent, type Case, type Language } from '../../shared';
import type { Database, Queryable } from '../db/database';
import { findAgent } from '../repositories/agents';
import { findCase } from '../repositories/case-rows';
import { approveAction, proposeAction, rejectAction } from '../services/action-commands';
import {
  addNote,
  changeStatus,
  claimCase,
  resolveCase,
  sendMessage,
} from '../services/case-commands';
import { createDispute } from '../services/dispute-commands';
import { openCaseFromIntake } from '../services/intake';
import { createDemoAccounts } from './accounts';
import { AGENT_REPLIES, BUYER_FOLLOW_UPS } from './demo-phrases';
import { mulberry32, pick, planCase, type CasePlan, type Rng } from './demo-plan';

export interface DemoAgents {
  ana: Agent;
  marco: Agent;
  tess: Agent;
  tom: Agent;
  lena: Agent;
}

const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

/**
 * The most a worked case's planned steps add up to after it arrives: a first reply within
 * the hour, follow-ups and advice over hours, resolution a day later, a dispute filed three
 * days after that.
 */
const PLANNED_SPAN_MINUTES = 6_200;

/**
 * A case's own clock. Its steps keep their order and proportions, squeezed so that a case
 * that arrived recently has a history that ends by `now` — nothing in the demo data may lie
 * in the future, or History shows it out of order (issue 10, defect 11).
 */
function caseClock(createdAt: Date, now: Date) {
  const scale = Math.min(
    1,
    Math.max(0, now.getTime() - createdAt.getTime()) / (PLANNED_SPAN_MINUTES * 60_000),
  );
  return (from: Date, m: number) =>
    new Date(Math.min(from.getTime() + m * 60_000 * scale, now.getTime()));
}

/** Who works a case in this language: a plain agent where one speaks it, else the lead. */
function workerFor(a: DemoAgents, language: Language, rng: Rng): Agent {
  const speakers = [a.ana, a.marco].filter((x) =>
    canSeeCase({ ...x, roles: ['agent'] }, { language, assigneeId: null }),
  );
  if (speakers.length && rng() < 0.85) return pick(rng, speakers);
  return rng() < 0.5 ? a.lena : pick(rng, [a.tess, a.tom]);
}

async function incoming(tx: Queryable, c: Case, party: 'buyer' | 'seller', body: string, at: Date) {
  // Buyer and seller messages arrive from outside; no command exists for them (yet).
  await tx.query(
    `INSERT INTO messages (id, case_id, direction, party, author_id, body, created_at)
     VALUES (gen_random_uuid(), $1, 'from', $2, NULL, $3, $4)`,
    [c.id, party, body, at],
  );
  await tx.query('UPDATE cases SET version = version + 1, updated_at = $2 WHERE id = $1', [
    c.id,
    at,
  ]);
}

/** Works one case to its planned status with the real commands, so the data is what they produce. */
async function workCase(
  tx: Queryable,
  a: DemoAgents,
  plan: CasePlan,
  i: number,
  rng: Rng,
  now: Date,
): Promise<void> {
  let c = await openCaseFromIntake(tx, plan.intake, plan.createdAt);
  if (plan.status === 'new') return;
  const at = caseClock(plan.createdAt, now);
  const worker = workerFor(a, c.language, rng);
  let t = at(plan.createdAt, 3 + Math.floor(rng() * 40));
  c = await claimCase(tx, worker, c.id, t);
  if (rng() < 0.8) {
    t = at(t, 5);
    await sendMessage(tx, worker, c.id, { to: 'buyer', body: AGENT_REPLIES[c.language] }, t);
  }
  if (rng() < 0.4) {
    t = at(t, 90);
    await incoming(tx, c, 'buyer', BUYER_FOLLOW_UPS[c.language], t);
  }
  const tsTopic = c.topic === 'counterfeit_suspected' || c.topic === 'fraud_suspected';
  if (tsTopic) {
    t = at(t, 30);
    const reviewer = rng() < 0.5 ? a.tess : a.tom;
    await addNote(
      tx,
      reviewer,
      c.id,
      'T&S advice: ask the seller for proof of authenticity and keep the payout on hold.',
      t,
    );
  }

  // Refunds change what is refundable: money decisions read the order afresh each time.
  const fresh = async () => (await findCase(tx, c.id))!.order!;
  const order = c.order;
  // Every 7th worked case with an order carries money: an executed partial refund.
  if (order && i % 7 === 0 && order.refundable.amount > 2_00) {
    t = at(t, 20);
    const amount = Math.max(1_00, Math.min(Math.round(order.refundable.amount * 0.3), 200_00));
    await proposeAction(
      tx,
      worker,
      c.id,
      {
        type: 'refund',
        amount: { amount, currency: order.refundable.currency },
        reason: 'Partial refund for the damage shown in the photos.',
      },
      t,
    );
  }
  // Pending approvals: a large refund by an agent, a restriction, a referral.
  const pendingKind = plan.status === 'resolved' ? -1 : i % 11;
  if (order && pendingKind === 1 && (await fresh()).refundable.amount > 300_00) {
    const proposer = worker.roles.includes('agent')
      ? worker
      : a.ana.languages.includes(c.language)
        ? a.ana
        : a.marco;
    if (
      canSeeCase(proposer, { language: c.language, assigneeId: c.assigneeId }) &&
      c.assigneeId === proposer.id
    ) {
      t = at(t, 15);
      await proposeAction(
        tx,
        proposer,
        c.id,
        {
          type: 'refund',
          amount: (await fresh()).refundable,
          reason: 'Full refund: the object is not as described.',
        },
        t,
      );
    }
  }
  if (tsTopic && order && pendingKind === 4) {
    t = at(t, 15);
    const restriction = await proposeAction(
      tx,
      worker,
      c.id,
      {
        type: 'restrict_account',
        subject: 'seller',
        restriction: 'block_selling',
        until: null,
        statementOfReasons: {
          facts: `Repeated complaints that objects sold by ${order.seller.name} are counterfeit, including case ${c.reference}.`,
          ground: 'Terms of use, section 7.2: sale of counterfeit goods is prohibited.',
          groundType: 'contractual',
          automated: false,
          redress:
            'You may file an internal complaint within 6 months, use an out-of-court dispute settlement body, or go to court.',
          territorialScope: 'EU',
          basis: 'own_investigation',
        },
      },
      t,
    );
    // Half of them were already decided by a second reviewer.
    if (i % 2 === 0) {
      const reviewer = worker.id === a.tess.id ? a.tom : a.tess;
      t = at(t, 60);
      await approveAction(tx, reviewer, restriction.id, t);
    }
  }
  if (c.topic === 'fraud_suspected' && pendingKind === 6) {
    t = at(t, 15);
    await proposeAction(
      tx,
      worker,
      c.id,
      {
        type: 'law_enforcement_referral',
        category: 'fraud',
        authority: 'Politie, Team High Tech Crime',
        summary: 'Seller asked buyers to pay outside the platform.',
        evidence: ['chat screenshots', 'payment request'],
      },
      t,
    );
  }
  if (
    order &&
    pendingKind === 8 &&
    (await fresh()).refundable.amount > 300_00 &&
    worker.roles.includes('agent')
  ) {
    t = at(t, 15);
    const big = await proposeAction(
      tx,
      worker,
      c.id,
      {
        type: 'refund',
        amount: (await fresh()).refundable,
        reason: 'Buyer asks for a full refund.',
      },
      t,
    );
    t = at(t, 45);
    await rejectAction(
      tx,
      a.lena,
      big.id,
      'The seller has proven delivery; offer a partial refund instead.',
      t,
    );
  }
  if (
    order &&
    c.topic === 'cancellation_request' &&
    order.shippingStatus === 'not_shipped' &&
    i % 2 === 0
  ) {
    t = at(t, 10);
    await proposeAction(
      tx,
      worker,
      c.id,
      { type: 'cancel_order', reason: 'Buyer bid by mistake; seller agreed.' },
      t,
    );
  }

  if (plan.status === 'resolved') {
    t = at(t, 60 * 24);
    const summary = order
      ? 'Resolved with the buyer and seller; see actions.'
      : 'Answered the question; no further action.';
    const done = await resolveCase(tx, worker, c.id, summary, t).catch(() => null);
    if (done && i % 9 === 0) {
      const filed = at(t, 60 * 24 * 3);
      await createDispute(
        tx,
        worker,
        c.id,
        {
          body:
            i % 18 === 0
              ? 'De Geschillencommissie'
              : 'Stichting Consumenten Geschillen Beslechting (CGB)',
          reference: `GC-${2026}-${1000 + i}`,
          filedAt: filed.toISOString(),
          status: pick(rng, ['filed', 'in_progress', 'decided'] as const),
          notes: 'Buyer did not accept our resolution and filed with the body.',
          // A deadline, not something that happened: it may lie ahead. One body set its
          // own date; for the others the service counts 20 working days.
          ...(i % 18 === 0 ? { responseDueAt: minutes(filed, 60 * 24 * 28).toISOString() } : {}),
        },
        filed,
      );
    }
    return;
  }
  if (plan.status !== 'open') {
    t = at(t, 10);
    await changeStatus(
      tx,
      worker,
      c.id,
      { from: 'open', to: plan.status as 'pending_buyer' },
      t,
    ).catch(() => undefined);
  }
}

export async function loadDemoAgents(db: Queryable, ids: Map<string, string>): Promise<DemoAgents> {
  const get = async (name: string) => (await findAgent(db, ids.get(`${name}@demo.casedesk`)!))!;
  return {
    ana: await get('ana'),
    marco: await get('marco'),
    tess: await get('tess'),
    tom: await get('tom'),
    lena: await get('lena'),
  };
}

/**
 * Adds `count` planned cases, `batch` per transaction (1 for the demo, so each case is
 * what a real sequence of requests leaves; more for bulk fills, where commits dominate).
 */
export async function addDemoCases(
  db: Database,
  agents: DemoAgents,
  opts: {
    seedNumber: number;
    count: number;
    now: Date;
    batch?: number;
    onProgress?: (done: number) => void;
  },
) {
  const rng = mulberry32(opts.seedNumber);
  const batch = opts.batch ?? 1;
  for (let from = 0; from < opts.count; from += batch) {
    const plans: { i: number; plan: CasePlan }[] = [];
    for (let i = from; i < Math.min(opts.count, from + batch); i++)
      plans.push({ i, plan: planCase(rng, i, opts.count, opts.now) });
    await db.transaction(async (tx) => {
      for (const { i, plan } of plans)
        await workCase(tx, agents, plan, i, mulberry32(opts.seedNumber * 1_000_003 + i), opts.now);
    });
    opts.onProgress?.(Math.min(opts.count, from + batch));
  }
}

/**
 * `CASEDESK_SEED=demo`: on an empty database, the five accounts of the contract and a
 * realistic, deterministic set of cases. A database with agents is left alone.
 */
export async function seedDemoIfEmpty(
  db: Database,
  opts: { seedNumber: number; cases?: number; now?: Date },
): Promise<{ agents: number; cases: number } | null> {
  const existing = await db.query('SELECT 1 FROM agents LIMIT 1');
  if (existing.rows.length > 0) return null;
  const ids = await db.transaction((tx) => createDemoAccounts(tx));
  const agents = await loadDemoAgents(db, ids);
  const count = opts.cases ?? 320;
  await addDemoCases(db, agents, {
    seedNumber: opts.seedNumber,
    count,
    now: opts.now ?? new Date(),
  });
  return { agents: ids.size, cases: count };
}
