import { describe, expect, it } from 'vitest';
import { createHomeViewersRepository } from '../../src/store/repositories/home-viewers.repository.ts';
import { DATABASES } from '../support/databases.ts';

// Issue 17: where homes were drawn, and the marks that have them drawn again by exactly one taker.
describe.each(DATABASES)('home viewers on %s', (_name, open) => {
  it('keeps one home per person and place, marks only stored homes, and hands each mark to one taker', async () => {
    const t = await open();
    try {
      const repo = createHomeViewersRepository(t.db);
      const slack = { platform: 'slack' as const, user: 'slack:U1', channelId: '', surface: 'private' as const };
      await repo.seen({ ...slack, messageRef: null });
      await repo.seen({ ...slack, messageRef: null });
      await repo.seen({
        platform: 'teams',
        user: 'teams:a',
        channelId: 'a:chat',
        surface: 'private',
        messageRef: '170001',
      });
      await repo.seen({
        platform: 'teams',
        user: 'teams:a',
        channelId: 'a:chat',
        surface: 'private',
        messageRef: '170002',
      });
      const recent = await repo.recent(new Date(Date.now() - 60_000), 10);
      expect(recent.map((v) => [v.platform, v.user, v.messageRef]).sort()).toEqual([
        ['slack', 'slack:U1', null],
        ['teams', 'teams:a', '170002'],
      ]);
      expect(await repo.recent(new Date(Date.now() + 60_000), 10)).toEqual([]);

      const unknown = { platform: 'slack' as const, user: 'slack:NOBODY', channelId: '' };
      expect(await repo.markDue([slack, unknown])).toBe(1);
      expect(await repo.markDue([slack])).toBe(1); // a mark already there stays one mark
      const [a, b] = await Promise.all([repo.takeDue(10), repo.takeDue(10)]);
      expect([...a, ...b].map((v) => v.user)).toEqual(['slack:U1']);
      expect(await repo.takeDue(10)).toEqual([]);

      await repo.forget(slack);
      expect((await repo.recent(new Date(0), 10)).map((v) => v.user)).toEqual(['teams:a']);
    } finally {
      await t.drop();
    }
  });
});
