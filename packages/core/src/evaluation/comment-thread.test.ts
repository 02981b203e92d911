import { describe, expect, it } from 'vitest';
import { addComment, buildThreads, type SheetComment } from './comment-thread';
import { notificationFor } from './notifications';

const c = (id: string, parentId: string | null, at: string, sheetId = 's1'): SheetComment => ({
  id,
  sheetId,
  parentId,
  author: { id: 'u', role: 'section-head' },
  at,
  text: `comment ${id}`,
});

describe('comment threads', () => {
  it('adds replies to existing comments of the same sheet only', () => {
    const existing = [c('a', null, '2025-07-01T09:00:00Z'), c('x', null, '2025-07-01T09:00:00Z', 's2')];
    expect(addComment(existing, { ...c('b', 'a', '2025-07-02T09:00:00Z'), text: '  了解  ' })).toMatchObject({
      ok: true,
      value: { text: '了解' },
    });
    const bad = addComment(existing, { ...c('a', 'x', '2025-07-02T09:00:00Z'), text: ' ' });
    expect(!bad.ok && bad.problems.map((p) => p.code)).toEqual([
      'evaluation/comment-empty',
      'evaluation/comment-duplicate',
      'evaluation/comment-parent-unknown',
    ]);
  });

  it('rebuilds threads in time order', () => {
    const list = [
      c('r2', 'a', '2025-07-03T00:00:00Z'),
      c('b', null, '2025-07-02T00:00:00Z'),
      c('a', null, '2025-07-01T00:00:00Z'),
      c('r1', 'a', '2025-07-02T12:00:00Z'),
      c('rr', 'r1', '2025-07-04T00:00:00Z'),
      c('o', 'gone', '2025-07-05T00:00:00Z'),
      c('z', null, '2025-07-01T00:00:00Z', 'other'),
    ];
    const shape = (t: ReturnType<typeof buildThreads>): unknown =>
      t.map((n) => [n.comment.id, shape(n.replies)]);
    expect(shape(buildThreads(list, 's1'))).toEqual([
      [
        'a',
        [
          ['r1', [['rr', []]]],
          ['r2', []],
        ],
      ],
      ['b', []],
      ['o', []],
    ]);
  });
});

describe('notifications', () => {
  const event = (
    action: 'submit' | 'return' | 'approve' | 'publish',
    from: 'draft' | 'submitted' | 'approved' | 'seen',
  ) => ({
    sheetId: 's1',
    action,
    from,
    to: 'submitted' as const,
    actor: { id: 'u', role: 'admin' as const },
    at: 't',
    version: 2,
  });
  it('tells the next reviewer, or the department', () => {
    expect(notificationFor(event('submit', 'draft'), 'D1').recipients).toEqual([
      { role: 'section-head', departmentCode: 'D1' },
    ]);
    expect(notificationFor(event('return', 'approved'), 'D1').recipients.map((r) => r.role)).toEqual([
      'department-editor',
      'section-head',
    ]);
    expect(notificationFor(event('approve', 'submitted'), 'D1').recipients[0]).toEqual({
      role: 'planning-division',
    });
  });
});
