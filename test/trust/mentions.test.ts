import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { card } from '../../src/core/cards/card.model.ts';
import { reportBlocks } from '../../src/core/cards/report.cards.ts';
import { cardToText } from '../../src/core/digest/card.text.ts';
import { renderCard as renderConsole } from '../../src/platforms/console/console.cards.ts';
import { renderCard as renderSlack } from '../../src/platforms/slack/slack.cards.ts';
import { renderCard as renderTeams } from '../../src/platforms/teams/teams.cards.ts';
import { sampleReport } from '../support/fakes.ts';

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

describe('"1 of 2 approvals" names the first approver as a real mention', () => {
  const report = {
    id: 'r-1',
    accountNumber: 'U1',
    reportDate: '2026-11-27',
    extracted: sampleReport(),
    confidence: 0.9,
    qualityScore: 0.9,
    status: 'pending' as const,
    createdBy: null,
    processingTimeMs: 1,
    sourceFileName: 'a.pdf',
    createdAt: '2026-11-27T10:00:00.000Z',
    updatedAt: '2026-11-27T10:00:00.000Z',
    ingestionId: null,
    needsReview: false,
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    version: 1,
  };
  const onCard = (approver: string, name: string) =>
    card(
      'S',
      'info',
      reportBlocks(report, new Map([[approver, name]]), undefined, {
        approvals: new Map([['r-1', [{ approver }]]]),
        needed: () => 2,
      }),
    );

  it('Slack <@U…>, Teams <at> with its entity, console and text the display name', () => {
    expect(JSON.stringify(renderSlack(onCard('slack:U0FIRST', 'Dana Reyes')).blocks)).toContain(
      '1 of 2 approvals (<@U0FIRST>)',
    );
    const teams = renderTeams(onCard('teams:aad-first', 'Sam Lee')) as {
      body: unknown[];
      msteams: { entities?: unknown[] };
    };
    expect(JSON.stringify(teams.body)).toContain('1 of 2 approvals (<at>Sam Lee</at>)');
    expect(teams.msteams.entities).toEqual([
      { type: 'mention', text: '<at>Sam Lee</at>', mentioned: { id: 'aad-first', name: 'Sam Lee' } },
    ]);
    expect(renderConsole(onCard('console:kim', 'Kim'))).toContain('1 of 2 approvals (@Kim)');
    expect(cardToText(onCard('console:kim', 'Kim'))).toContain('1 of 2 approvals (@Kim)');
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
