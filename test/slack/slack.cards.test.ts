import { describe, expect, it } from 'vitest';
import { ACTION_IDS, type Card, card, EDIT_FORM_ID } from '../../src/core/cards/card.model.ts';
import { summaryCard } from '../../src/core/cards/report.cards.ts';
import { editForm } from '../../src/core/cards/report.forms.ts';
import type { Ingestion } from '../../src/core/ingest/ingestion.model.ts';
import type { Report } from '../../src/core/report/report.model.ts';
import { renderCard } from '../../src/platforms/slack/slack.cards.ts';
import { editModal, modalErrors, readSubmission } from '../../src/platforms/slack/slack.forms.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from '../../src/platforms/slack/slack.text.ts';
import { sampleReport } from '../support/fakes.ts';

const EVIL = '<!channel> <!here> <@U0BOSS> <https://evil.example|click me> & co';

function stored(i: number, overrides: Partial<Report> = {}): Report {
  const data = sampleReport({ account_number: `U${String(i).padStart(7, '0')}` });
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    accountNumber: data.account_number!,
    reportDate: data.report_date!,
    extracted: data,
    confidence: 0.97,
    qualityScore: 0.95,
    status: 'pending',
    createdBy: 'slack:U1',
    processingTimeMs: 120,
    sourceFileName: 'statement.pdf',
    createdAt: '2026-11-27T10:00:00Z',
    updatedAt: '2026-11-27T10:00:00Z',
    ingestionId: 'ing-1',
    needsReview: false,
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    version: 1,
    ...overrides,
  };
}

const ingestion = { id: 'ing-1', fileName: 'statement.pdf', status: 'processed' } as Ingestion;

/** Every text Slack will parse as mrkdwn, plus the top-level fallback. */
function mrkdwnTexts(msg: ReturnType<typeof renderCard>): string[] {
  const out = [msg.text];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(msg.blocks);
  return out;
}

describe('the Block Kit renderer', () => {
  it('escapes document text so it can neither ping nor link', () => {
    const c: Card = card(
      `Report ${EVIL}`,
      'warning',
      [
        { type: 'heading', text: EVIL },
        { type: 'text', text: EVIL },
        { type: 'text', text: EVIL, muted: true },
        { type: 'fields', fields: [{ label: EVIL, value: EVIL, flagged: true }] },
        { type: 'list', title: EVIL, items: [EVIL], tone: 'danger' },
        { type: 'table', columns: ['a', EVIL], rows: [[EVIL, '```x']] },
      ],
      `fallback ${EVIL}`,
    );
    const msg = renderCard(c);
    const json = JSON.stringify(msg);
    for (const needle of ['<!channel>', '<!here>', '<@U0BOSS>', '<https://']) expect(json).not.toContain(needle);
    for (const text of mrkdwnTexts(msg)) {
      expect(text).not.toMatch(/[<>]/);
      expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    expect(msg.text).toContain('&lt;!channel&gt;');
  });

  it('marks flagged fields, shows the tone in the header, and keeps fallback text', () => {
    const msg = renderCard(
      card(
        'Summary',
        'danger',
        [
          {
            type: 'fields',
            fields: [
              { label: 'Total equity', value: '1.00 USD', flagged: true },
              { label: 'Cash', value: '2.00 USD' },
            ],
          },
        ],
        'Summary of it',
      ),
    );
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: '🚨 Summary' } });
    const fields = (msg.blocks[1] as { fields: { text: string }[] }).fields;
    expect(fields[0]?.text).toContain('⚠️');
    expect(fields[1]?.text).not.toContain('⚠️');
    expect(msg.text).toContain('Summary of it');
  });

  it("stays within Slack limits for a long multi-report summary and keeps every report's buttons", () => {
    const reports = Array.from({ length: 12 }, (_, i) => stored(i + 1));
    const msg = renderCard(summaryCard(ingestion, reports, []));
    expect(msg.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    // Every report's decision buttons; the 👍 / 👎 pair of the whole summary comes last.
    const all = msg.blocks.filter((b) => b.type === 'actions') as {
      block_id: string;
      elements: { action_id: string; value: string; text: { text: string } }[];
    }[];
    expect(all.at(-1)?.elements.map((e) => e.action_id)).toEqual([ACTION_IDS.vote_up, ACTION_IDS.vote_down]);
    const actions = all.slice(0, -1);
    expect(actions).toHaveLength(12);
    expect(new Set(actions.map((a) => a.block_id)).size).toBe(12);
    for (const a of actions) {
      const ids = a.elements.map((e) => e.action_id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual([ACTION_IDS.approve, ACTION_IDS.reject, ACTION_IDS.edit]);
    }
    expect(new Set(actions.map((a) => a.elements[0]?.value)).size).toBe(12);
    expect(JSON.stringify(msg.blocks.at(-1))).toContain('did not fit');
  });

  it("truncates long text, fields and labels to Slack's sizes without cutting an entity in half", () => {
    const long = '&'.repeat(5000);
    const msg = renderCard(
      card('T'.repeat(400), 'info', [
        { type: 'text', text: long },
        { type: 'fields', fields: Array.from({ length: 23 }, (_, i) => ({ label: `F${i}`, value: 'x'.repeat(3000) })) },
        { type: 'actions', actions: [{ kind: 'approve', label: 'A'.repeat(200), value: 'r1' }] },
      ]),
    );
    const header = msg.blocks[0] as { text: { text: string } };
    expect(header.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    const section = msg.blocks[1] as { text: { text: string } };
    expect(section.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(section.text.text).toMatch(/&amp;…$/);
    const fieldSections = msg.blocks.filter((b) => b.type === 'section' && 'fields' in b) as {
      fields: { text: string }[];
    }[];
    expect(fieldSections.map((s) => s.fields.length)).toEqual([10, 10, 3]);
    for (const s of fieldSections)
      for (const f of s.fields) expect(f.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
    const button = (msg.blocks.at(-1) as { elements: { text: { text: string } }[] }).elements[0];
    expect(button?.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
  });

  it('asks no confirmation before Reject (its reason form is the second thought) nor Approve', () => {
    const msg = renderCard(summaryCard(ingestion, [stored(1)], []));
    const actions = msg.blocks.find((b) => b.type === 'actions') as {
      elements: { action_id: string; confirm?: unknown }[];
    };
    expect(actions.elements.find((e) => e.action_id === ACTION_IDS.reject)?.confirm).toBeUndefined();
    expect(actions.elements.find((e) => e.action_id === ACTION_IDS.approve)?.confirm).toBeUndefined();
  });

  it('shows a decided report without buttons', () => {
    const msg = renderCard(
      summaryCard(
        ingestion,
        [
          stored(1, {
            status: 'approved',
            decidedBy: 'slack:U0900009',
            decidedAt: '2026-11-27T11:00:00Z',
          }),
        ],
        [],
      ),
    );
    const buttons = msg.blocks.flatMap((b) => (b.type === 'actions' ? (b.elements as { action_id: string }[]) : []));
    expect(buttons.map((e) => e.action_id)).toEqual([ACTION_IDS.vote_up, ACTION_IDS.vote_down]);
    expect(JSON.stringify(msg.blocks)).toContain('Approved by <@U0900009> at');
  });

  it('names the person who rejected as a mention, and keeps a typed {0} in the comment as text', () => {
    const msg = renderCard(
      summaryCard(
        ingestion,
        [
          stored(1, {
            status: 'rejected',
            decidedBy: 'slack:U0900009',
            decidedAt: '2026-11-27T11:00:00Z',
            decisionReasonCode: 'wrong_value',
            decisionReason: 'see {0}',
          }),
        ],
        [],
      ),
    );
    const text = JSON.stringify(msg.blocks);
    expect(text).toContain('Rejected by <@U0900009> at');
    expect(text.match(/<@U0900009>/g)).toHaveLength(1);
    expect(text).toContain('see {\u200b0}');
  });

  it('escapes the three control characters only', () => {
    expect(escapeMrkdwn('a & b < c > d *bold*')).toBe('a &amp; b &lt; c &gt; d *bold*');
    expect(truncate('abc', 5)).toBe('abc');
  });
});

describe('the edit modal', () => {
  const report = stored(7);
  const form = { ...editForm(report), version: 3 };

  it('is pre-filled with the extracted values and carries where to refresh', () => {
    const view = editModal(form, { channel: 'C1', messageTs: '1.2' });
    expect(view.callback_id).toBe(EDIT_FORM_ID);
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({
      reportId: report.id,
      version: 3,
      channel: 'C1',
      messageTs: '1.2',
    });
    const blocks = view.blocks as {
      type: string;
      block_id?: string;
      optional?: boolean;
      element?: Record<string, unknown>;
    }[];
    expect(blocks.find((b) => b.block_id === 'total_equity')?.element?.initial_value).toBe('1000000');
    expect(blocks.find((b) => b.block_id === 'sma')?.element?.initial_value).toBeUndefined();
    expect(blocks.find((b) => b.block_id === 'sma')?.optional).toBe(true);
    expect(blocks.find((b) => b.block_id === 'account_number')?.optional).toBe(false);
    expect(blocks.find((b) => b.block_id === 'report_date')?.element).toMatchObject({
      type: 'datepicker',
      initial_date: '2026-11-27',
    });
    expect(blocks.at(-1)?.block_id).toBe('reason');
    expect(blocks.length).toBeLessThanOrEqual(100);
  });

  it('reads a submission back and routes errors to input blocks', () => {
    const { values, reason } = readSubmission({
      private_metadata: JSON.stringify({ reportId: 'r1', version: 2, channel: 'C1', messageTs: '1.2' }),
      state: {
        values: {
          total_equity: { value: { type: 'plain_text_input', value: '12' } },
          sma: { value: { type: 'plain_text_input', value: null } },
          report_date: { value: { type: 'datepicker', selected_date: '2026-11-28' } },
          reason: { value: { type: 'plain_text_input', value: 'typo' } },
        },
      },
    });
    expect(values).toEqual({ total_equity: '12', sma: undefined, report_date: '2026-11-28' });
    expect(reason).toBe('typo');
    expect(
      modalErrors({ total_equity: 'must be a number', form: 'Someone changed this report' }, [
        'total_equity',
        'reason',
      ]),
    ).toEqual({
      total_equity: 'must be a number',
      reason: 'Someone changed this report',
    });
  });
});
