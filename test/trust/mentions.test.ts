import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { card } from '../../src/core/cards/card.model.ts';
import { cardToText } from '../../src/core/digest/card.text.ts';
import { renderCard as renderConsole } from '../../src/platforms/console/console.cards.ts';
import { renderCard as renderSlack } from '../../src/platforms/slack/slack.cards.ts';
import { renderCard as renderTeams } from '../../src/platforms/teams/teams.cards.ts';

/** Issue 14: people named on a card — Slack `<@U…>`, Teams mention entities, console and text by name. */
const named = card('Waiting', 'warning', [
  {
    type: 'text',
    text: '{0} and {1}, please look <!here> *now*; also {2}.',
    people: [
      { id: 'slack:U0APPROVE', name: 'Dana Reyes' },
      { id: 'teams:11111111-2222-3333-4444-555555555555', name: 'Sam <Lee>' },
      { id: 'console:kim', name: 'Kim' },
    ],
  },
]);

describe('real mentions', () => {
  it('Slack: <@U…> for Slack users, escaped names for anyone else, document text still inert', () => {
    const text = JSON.stringify(renderSlack(named).blocks);
    expect(text).toContain('<@U0APPROVE> and @Sam &lt;Lee&gt;, please look &lt;!here&gt; *now*; also @Kim.');
  });

  it('Teams: <at>name</at> in a TextBlock and one mention entity per Teams user', () => {
    const c = renderTeams(named) as { body: unknown[]; msteams: { entities?: unknown[] } };
    expect(JSON.stringify(c.body)).toContain('<at>Sam <\u200bLee></at>');
    expect(JSON.stringify(c.body)).not.toContain('<!here>');
    expect(c.msteams.entities).toEqual([
      {
        type: 'mention',
        text: '<at>Sam <\u200bLee></at>',
        mentioned: { id: '11111111-2222-3333-4444-555555555555', name: 'Sam <Lee>' },
      },
    ]);
  });

  it('console and plain text: display names', () => {
    expect(renderConsole(named)).toContain(
      '@Dana Reyes and @Sam &#60;Lee&#62;, please look &#60;!here&#62; *now*; also @Kim.',
    );
    expect(cardToText(named)).toContain('@Dana Reyes and @Sam <Lee>, please look <!here> *now*; also @Kim.');
  });
});

describe('trust settings', () => {
  it('reads FOUR_EYES, DUAL_APPROVAL_ABOVE, REMIND_AFTER, ESCALATE_AFTER, REMIND_HOURS and refuses bad values in one line each', () => {
    const ok = loadConfig({
      FOUR_EYES: 'off',
      DUAL_APPROVAL_ABOVE: '250000',
      REMIND_AFTER: '90m',
      ESCALATE_AFTER: '1h30m',
      REMIND_HOURS: '08-18',
      DIGEST_TZ: 'Europe/London',
    });
    if (!ok.ok) throw new Error(JSON.stringify(ok.problems));
    expect(ok.config.trust.fourEyes).toBe(false);
    expect(ok.config.trust.dualApprovalAbove).toBe(250_000);
    expect(ok.config.reminders).toEqual({
      afterMinutes: 90,
      escalateAfterMinutes: 90,
      hours: { from: 8, to: 18 },
      tz: 'Europe/London',
    });
    const defaults = loadConfig({});
    if (!defaults.ok) throw new Error('defaults');
    expect(defaults.config.trust.fourEyes).toBe(true);
    expect(defaults.config.trust.dualApprovalAbove).toBeUndefined();
    expect(defaults.config.reminders.afterMinutes).toBe(120);
    expect(defaults.config.reminders.escalateAfterMinutes).toBe(480);
    expect(defaults.config.reminders.hours).toBeUndefined();
    const bad = loadConfig({
      FOUR_EYES: 'maybe',
      DUAL_APPROVAL_ABOVE: 'lots',
      REMIND_AFTER: 'soon',
      REMIND_HOURS: '18-08',
    });
    if (bad.ok) throw new Error('accepted');
    expect(bad.problems.map((p) => p.setting).sort()).toEqual([
      'DUAL_APPROVAL_ABOVE',
      'FOUR_EYES',
      'REMIND_AFTER',
      'REMIND_HOURS',
    ]);
  });
});
