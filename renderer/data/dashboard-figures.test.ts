import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CASE_STATUSES, LANGUAGES, countClocks, type Case, type QueueHealth } from '../../shared';
import { keepQueueHealth, keptQueueHealth, liveQueue } from './dashboard-figures';
import { toLocalCase } from './local-case';
import { openReplica, type ReplicaDb } from './replica-db';
import { makeCase } from './testing/case-fixtures';

const now = new Date('2026-12-02T10:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

// A spread of open and resolved cases with clocks around now: past due, within the hour, later.
function spread(): Case[] {
  const offsets = [-600, -61, -1, 0, 1, 30, 60, 61, 600, 3000];
  return Array.from({ length: 180 }, (_, i) => {
    const status = CASE_STATUSES[i % CASE_STATUSES.length]!;
    const waiting = status === 'pending_buyer' || status === 'pending_seller';
    return makeCase(i, {
      status,
      language: LANGUAGES[i % LANGUAGES.length]!,
      firstRespondedAt: i % 4 === 0 ? at(-700) : null,
      firstResponseDueAt: at(offsets[i % offsets.length]!),
      resolutionDueAt: at(offsets[(i + 3) % offsets.length]! + 2000),
      clockPausedAt: waiting ? at(-100) : null,
      sellerAnswerDueAt:
        status === 'pending_seller' ? at(offsets[(i * 7) % offsets.length]!) : null,
      resolvedAt: status === 'resolved' ? at(-5) : null,
    });
  });
}

describe('the dashboard on the device', () => {
  let db: ReplicaDb;
  afterEach(() => db?.delete());

  it('counts open cases and running clocks from the replica as counting every case would', async () => {
    db = openReplica(`dashboard-${Math.random()}`);
    const cases = spread();
    await db.cases.bulkPut(cases.map((c) => toLocalCase(c, false)));
    const languages = ['de', 'nl', 'fr', 'pt'] as const;
    const live = await liveQueue(db, languages, now);

    const open = cases.filter(
      (c) => c.status !== 'resolved' && languages.includes(c.language as never),
    );
    const expectedOpen = new Map<string, number>();
    for (const c of open)
      expectedOpen.set(
        `${c.language}:${c.status}`,
        (expectedOpen.get(`${c.language}:${c.status}`) ?? 0) + 1,
      );
    expect(new Map(live.open.map((o) => [`${o.language}:${o.status}`, o.count]))).toEqual(
      expectedOpen,
    );
    expect(live.clocks).toEqual(countClocks(cases, languages, now));
    expect(live.clocks.some((c) => c.overdue > 0)).toBe(true);
    expect(live.clocks.some((c) => c.dueWithinHour > 0)).toBe(true);
    expect(
      live.clocks.some((c) => c.clock === 'seller_answer' && c.overdue + c.dueWithinHour > 0),
    ).toBe(true);
  });

  it('reads the clocks a few cases at a time and counts them as reading them at once would, ties on one due time included', async () => {
    db = openReplica(`dashboard-chunks-${Math.random()}`);
    // 180 cases on ten due times: 18 share each, more than a chunk of 4.
    const cases = spread();
    await db.cases.bulkPut(cases.map((c) => toLocalCase(c, false)));
    const languages = [...LANGUAGES];
    const whole = await liveQueue(db, languages, now);
    expect(whole.clocks).toEqual(countClocks(cases, languages, now));
    for (const chunk of [1, 4, 17]) {
      const chunked = await liveQueue(db, languages, now, chunk);
      expect(chunked).toEqual(whole);
    }
  });

  it('keeps the service’s figures with the time they were read, and forgets none it cannot read', async () => {
    db = openReplica(`dashboard-kept-${Math.random()}`);
    expect(await keptQueueHealth(db)).toBeNull();
    const figures: QueueHealth = {
      from: '2026-11-03',
      to: '2026-12-02',
      asOf: now.toISOString(),
      languages: ['de'],
      open: [],
      clocks: [],
      days: [],
      workload: [],
      weeks: [],
      aiAnswers: [],
    };
    await keepQueueHealth(db, figures, now);
    expect(await keptQueueHealth(db)).toEqual({
      key: 'queue-health',
      at: now.toISOString(),
      data: figures,
    });
    await db
      .table('figures')
      .put({ key: 'queue-health', at: now.toISOString(), data: { from: 1 } });
    expect(await keptQueueHealth(db)).toBeNull();
  });
});
