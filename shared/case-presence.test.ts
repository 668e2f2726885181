import { describe, expect, it } from 'vitest';
import { CASE_PRESENCE_TTL_MS, othersOnCase, repliedAgo, replyCollision } from './case-presence';

const viewer = (agentId: string, typing = false) => ({
  agentId,
  name: agentId,
  typing,
  openedAt: '2026-12-02T08:00:00.000Z',
  seenAt: '2026-12-02T08:00:00.000Z',
});

describe('who else is on a case', () => {
  it('lists the others, never oneself', () => {
    const now = Date.now();
    expect(othersOnCase([viewer('me'), viewer('lena', true)], 'me', now, now)).toEqual([
      viewer('lena', true),
    ]);
  });

  it('forgets everyone once nothing was heard for the expiry', () => {
    const now = Date.now();
    expect(othersOnCase([viewer('lena')], 'me', now - CASE_PRESENCE_TTL_MS - 1, now)).toEqual([]);
    expect(othersOnCase([viewer('lena')], 'me', now - CASE_PRESENCE_TTL_MS, now)).toHaveLength(1);
  });
});

describe('how long ago a colleague replied', () => {
  const at = Date.parse('2026-12-02T08:10:00.000Z');
  it('says minutes, and less than a minute for a fresh reply or a clock ahead', () => {
    expect(repliedAgo('2026-12-02T08:08:00.000Z', at)).toBe('2 minutes ago');
    expect(repliedAgo('2026-12-02T08:09:01.000Z', at)).toBe('less than a minute ago');
    expect(repliedAgo('2026-12-02T08:10:30.000Z', at)).toBe('less than a minute ago');
    expect(repliedAgo('2026-12-02T07:09:00.000Z', at)).toBe('1 hour ago');
  });
});

describe('a reply someone else sent since the case was opened', () => {
  const opened = '2026-12-02T08:00:00.000Z';
  const reply = (
    authorId: string | null,
    createdAt: string,
    to: 'buyer' | undefined = 'buyer',
  ) => ({
    id: `${authorId}-${createdAt}`,
    to,
    authorId,
    createdAt,
  });

  it('finds the newest reply by another agent after opening', () => {
    expect(
      replyCollision(
        [
          reply('lena', '2026-12-02T08:01:00.000Z'),
          reply('tom', '2026-12-02T08:03:00.000Z'),
          reply('lena', '2026-12-02T07:59:00.000Z'),
        ],
        'me',
        opened,
      ),
    ).toEqual({
      id: 'tom-2026-12-02T08:03:00.000Z',
      authorId: 'tom',
      createdAt: '2026-12-02T08:03:00.000Z',
    });
  });

  it('ignores one’s own replies, incoming messages and what came before opening', () => {
    expect(
      replyCollision(
        [
          reply('me', '2026-12-02T08:01:00.000Z'),
          reply(null, '2026-12-02T08:02:00.000Z', undefined),
          reply('lena', '2026-12-02T07:59:59.000Z'),
          reply('lena', opened),
        ],
        'me',
        opened,
      ),
    ).toBeNull();
  });
});
