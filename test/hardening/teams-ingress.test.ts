import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYST, startTeamsHarness, type TeamsHarness } from '../teams/harness.ts';

// Issue 18 rows 4 and 8, in Teams: an activity from another tenant, and one activity delivered twice.
describe('activities reaching /api/messages with app credentials', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ credentials: true });
  });
  afterAll(() => h?.stop());

  const posts = () => h.double.activityCalls().filter((c) => c.method === 'POST');

  it('are refused when they come from another tenant, before any handler runs', async () => {
    const foreign = h.activities.message(ANALYST, 'help') as Record<string, unknown> & {
      conversation: Record<string, unknown>;
    };
    const evil = '99999999-9999-9999-9999-999999999999';
    const activity = {
      ...foreign,
      conversation: { ...foreign.conversation, tenantId: evil },
      channelData: { tenant: { id: evil } },
    };
    const before = posts().length;
    expect((await h.send(activity)).status).toBeLessThan(300);
    // The same words from the installed tenant are answered; the foreign ones never were.
    expect((await h.send(h.activities.message(ANALYST, 'help'))).status).toBe(200);
    await h.double.waitFor(() => posts().length > before, 'the home tenant answered');
    await h.settle();
    expect(posts().length - before).toBe(1);
  });

  it('take one activity once when Teams delivers it twice', async () => {
    const activity = h.activities.message(ANALYST, 'help');
    const before = posts().length;
    expect((await h.send(activity)).status).toBe(200);
    expect((await h.send(activity)).status).toBe(200);
    await h.double.waitFor(() => posts().length > before, 'the answer');
    await h.settle();
    const next = h.activities.message(ANALYST, 'help');
    expect((await h.send(next)).status).toBe(200);
    await h.double.waitFor(() => posts().length > before + 1, 'the next answer');
    expect(posts().length - before).toBe(2);
  });
});
