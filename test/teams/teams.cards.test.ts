import { describe, expect, it } from 'vitest';
import { ACTION_IDS, type Card, EDIT_FORM_ID } from '../../src/core/cards/card.model.ts';
import { summaryCard } from '../../src/core/cards/report.cards.ts';
import { editForm } from '../../src/core/cards/report.forms.ts';
import type { Ingestion } from '../../src/core/ingest/ingestion.model.ts';
import type { Report } from '../../src/core/report/report.model.ts';
import {
  commandText,
  conversationRefOf,
  plainText,
  threadedConversationId,
} from '../../src/platforms/teams/teams.activity.ts';
import { MAX_CARD_BYTES, neutraliseMarkdown, renderCard } from '../../src/platforms/teams/teams.cards.ts';
import { renderEditForm } from '../../src/platforms/teams/teams.forms.ts';
import { sampleReport } from '../support/fakes.ts';

const stored = (over: Partial<Report> = {}): Report => {
  const d = sampleReport({ confidence: { overall: 0.7, fields: { total_equity: 0.5 } }, needs_review: true });
  return {
    id: 'r1',
    accountNumber: 'U1234567',
    reportDate: '2026-11-27',
    extracted: d,
    confidence: 0.7,
    qualityScore: 0.9,
    status: 'pending',
    createdBy: 'teams:a',
    processingTimeMs: 100,
    sourceFileName: 'statement.pdf',
    createdAt: '2026-11-27T10:00:00Z',
    updatedAt: '2026-11-27T10:00:00Z',
    ingestionId: 'i1',
    needsReview: true,
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    version: 1,
    ...over,
  };
};
const ingestion = { id: 'i1', fileName: 'statement.pdf', createdAt: '2026-11-27T10:00:00Z' } as Ingestion;

describe('Adaptive Card renderer', () => {
  it('renders the summary as an Adaptive Card 1.5 with facts, flags and Execute buttons that fall back to Submit', () => {
    const ac = renderCard(summaryCard(ingestion, [stored()], []));
    expect(ac.version).toBe('1.5');
    expect(ac.fallbackText).toContain('U1234567');
    const json = JSON.stringify(ac);
    expect(json).toContain('"type":"FactSet"');
    expect(json).toMatch(/Total equity ⚠️/);
    const set = ac.body.find((e) => e.type === 'ActionSet') as unknown as { actions: Record<string, unknown>[] };
    expect(set.actions.map((a) => a.verb)).toEqual([ACTION_IDS.approve, ACTION_IDS.reject, ACTION_IDS.edit]);
    expect(set.actions[0]).toMatchObject({
      type: 'Action.Execute',
      data: { value: 'r1' },
      style: 'positive',
      fallback: { type: 'Action.Submit', data: { verb: ACTION_IDS.approve, value: 'r1' } },
    });
  });

  it('never lets document text mention, link or format', () => {
    const evil = '<at>General</at> **urgent** [click](https://evil.example) _x_';
    const card: Card = {
      title: evil,
      tone: 'warning',
      fallbackText: evil,
      blocks: [
        { type: 'text', text: evil },
        { type: 'fields', fields: [{ label: 'Broker', value: evil }] },
        { type: 'list', title: 'Issues', items: [evil] },
        { type: 'table', columns: ['a'], rows: [[evil]] },
      ],
    };
    const json = JSON.stringify(renderCard(card));
    expect(json).not.toContain('<at>');
    const fact = neutraliseMarkdown(evil);
    expect(fact).not.toMatch(/\*\*|\]\(|(^|\s)_x_/);
    // Free text goes in RichTextBlock runs, which Teams never parses as markdown.
    expect(json).not.toContain('"type":"TextBlock"');
    expect(neutraliseMarkdown('- item\n1. two')).not.toMatch(/^(- |1\. )/m);
    expect(neutraliseMarkdown('margin_call_total')).toBe('margin_call_total');
  });

  it('stays under the Teams size limit and keeps the buttons when a card is huge', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`ACC${i}`, '2026-11-27', '1,000,000.00 USD', 'pending']);
    const card: Card = {
      title: 'Pending approvals',
      tone: 'info',
      fallbackText: 'Pending',
      blocks: [
        { type: 'table', columns: ['Account', 'Date', 'Equity', 'Status'], rows },
        { type: 'list', items: rows.map((r) => r.join(' ')) },
        { type: 'actions', actions: [{ kind: 'approve', label: 'Approve', value: 'r1' }] },
      ],
    };
    const ac = renderCard(card);
    const size = Buffer.byteLength(JSON.stringify(ac));
    expect(size).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(JSON.stringify(ac)).toContain(ACTION_IDS.approve);
    expect(JSON.stringify(ac)).toContain('Shortened to fit');
  });

  it('renders Edit as an inline form: typed inputs, a required reason, Save with the version and Cancel', () => {
    const form = { ...editForm(stored()), version: 3 };
    const ac = renderEditForm(form, {
      errors: { total_equity: 'must be a number like 1234567.89' },
      values: { total_equity: 'lots' },
    });
    const byId = Object.fromEntries(
      ac.body
        .filter((e) => 'id' in e && e.id)
        .map((e) => [(e as { id: string }).id, e as unknown as Record<string, unknown>]),
    );
    expect(byId.account_number?.type).toBe('Input.Text');
    expect(byId.report_date?.type).toBe('Input.Date');
    expect(byId.total_equity?.type).toBe('Input.Number');
    expect(byId.reason).toMatchObject({ type: 'Input.Text', isRequired: true });
    expect(JSON.stringify(ac)).toContain('must be a number');
    expect(ac.actions?.[0]).toMatchObject({
      type: 'Action.Execute',
      verb: EDIT_FORM_ID,
      data: { value: 'r1', version: 3 },
    });
  });
});

describe('Teams activity helpers', () => {
  const bot = { id: '28:bot', name: 'MarginIQ' };
  it('strips the bot mention and decodes what Teams sends as HTML', () => {
    const a = {
      type: 'message',
      text: '<at>MarginIQ</at> report&nbsp;U1 <b>now</b>',
      recipient: bot,
      entities: [{ type: 'mention', text: '<at>MarginIQ</at>', mentioned: bot }],
    };
    expect(commandText(a, () => '')).toBe('report U1 now');
    expect(plainText('<p>a &amp; b</p>')).toBe('a & b');
  });

  it('replies in the thread of a channel post and addresses it with ;messageid=', () => {
    const ref = conversationRefOf({
      type: 'message',
      id: '42',
      conversation: { id: '19:c@thread.tacv2;messageid=7', conversationType: 'channel' },
    });
    expect(ref).toEqual({ platform: 'teams', channelId: '19:c@thread.tacv2', threadRef: '7' });
    expect(threadedConversationId(ref.channelId, '7')).toBe('19:c@thread.tacv2;messageid=7');
  });
});
