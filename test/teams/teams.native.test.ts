import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCard } from '../support/adaptive-card.schema.ts';
import { sampleReport } from '../support/fakes.ts';
import { ADMIN, cardText, pdf, startTeamsHarness, type TeamsHarness } from './harness.ts';

/** Issue 17: native Tables and charts through the real Teams SDK app, and the fallback when Teams refuses them. */
const ACCOUNT = 'U6000001';
const EXCESS = [30_000, -2_000, 12_000];
const DATES = ['2026-11-10', '2026-11-17', '2026-11-24'];

const cardsOf = (c: { body: unknown }) => {
  const b = c.body as { activity?: { attachments?: { content?: unknown }[] }; attachments?: { content?: unknown }[] };
  return (b.attachments ?? b.activity?.attachments ?? []).map((a) => a.content);
};

describe('native tables and charts in Teams', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
    for (const [i, date] of DATES.entries()) {
      await h.repos.reports.insertOrGetExisting({
        report: {
          ...sampleReport({
            account_number: ACCOUNT,
            report_date: date,
            fields: {
              total_equity: 200_000,
              maintenance_requirement: 200_000 - EXCESS[i]!,
              excess_liquidity: EXCESS[i]!,
            },
          }),
          account_number: ACCOUNT,
          report_date: date,
        },
        createdBy: `teams:${ADMIN}`,
        ingestionId: null,
      });
    }
  });
  afterAll(() => h?.stop());

  /** Sends a command in the admin's personal chat and waits for the card that answers it. */
  async function ask(text: string, marker: string) {
    const before = h.double.activityCalls().length;
    await h.send(h.activities.message(ADMIN, text));
    return h.double.waitFor(
      () =>
        h.double
          .activityCalls()
          .slice(before)
          // Refused posts are recorded too; the delivered one is the one the connector gave an id.
          .find((c) => c.responseId !== undefined && cardText(c).includes(marker)),
      `the answer to "${text}"`,
    );
  }

  it('answers a PDF with the summary figures in a Table that passes the Adaptive Card schema', async () => {
    const url = h.double.host(`stmt-${Math.random()}`, pdf('acct=U6000002'));
    await h.send(h.activities.file(ADMIN, 'stmt.pdf', url));
    const summary = await h.double.waitFor(
      () => h.double.activityCalls().find((c) => c.method === 'PUT' && cardText(c).includes('stmt.pdf: 1 report')),
      'the summary card',
    );
    for (const card of cardsOf(summary)) expect(checkCard(card)).toEqual([]);
    expect(cardText(summary)).toContain('"type":"Table"');
    expect(cardText(summary)).toContain('"horizontalCellContentAlignment":"Right"');
  });

  it('answers "report ACCT" with a Chart.Line of excess and the history Table', async () => {
    const answer = await ask(`report ${ACCOUNT}`, `History of ${ACCOUNT}`);
    const [card] = cardsOf(answer) as { body: { type: string; data?: { values: { x: string; y: number }[] }[] }[] }[];
    expect(checkCard(card)).toEqual([]);
    const line = card!.body.find((e) => e.type === 'Chart.Line');
    expect(line?.data?.[0]?.values).toEqual(DATES.map((x, i) => ({ x, y: EXCESS[i] })));
    expect(card!.body.filter((e) => e.type === 'Table').length).toBeGreaterThanOrEqual(2);
    expect(h.double.refusals).toEqual([]);
  });

  it.each([
    ['help', 'MarginIQ commands'],
    ['recent 5', 'most recent'],
    ['pending', 'approval'],
    ['stats 30d', 'Last 30 days'],
    [`report ${ACCOUNT} ${DATES[0]}`, `Account ${ACCOUNT}`],
  ])('answers "%s" with a card that passes the Adaptive Card schema', async (text, marker) => {
    const answer = await ask(text, marker);
    for (const card of cardsOf(answer)) expect(checkCard(card)).toEqual([]);
  });

  it('sends the Table form when Teams refuses charts, then FactSets when it refuses Tables, never dropping the answer', async () => {
    h.double.settings.refuseElements = new Set(['Chart.Line', 'Chart.VerticalBar']);
    const asTables = await ask(`report ${ACCOUNT}`, `History of ${ACCOUNT}`);
    const [tables] = cardsOf(asTables);
    expect(checkCard(tables)).toEqual([]);
    expect(cardText(asTables)).not.toContain('Chart.Line');
    // The chart's points are still there, as a table.
    expect(cardText(asTables)).toContain('-2,000.00 USD');
    expect(h.double.refusals).toHaveLength(1);

    h.double.settings.refuseElements = new Set(['Chart.Line', 'Chart.VerticalBar', 'Table']);
    const asFacts = await ask(`report ${ACCOUNT}`, `History of ${ACCOUNT}`);
    const [facts] = cardsOf(asFacts);
    expect(checkCard(facts)).toEqual([]);
    expect(cardText(asFacts)).not.toContain('"type":"Table"');
    expect(cardText(asFacts)).toContain('"type":"FactSet"');
    expect(cardText(asFacts)).toContain('Excess: -2,000.00 USD');
    // Remembered: a further answer goes out in the accepted form at once.
    const refused = h.double.refusals.length;
    await ask(`report ${ACCOUNT}`, `History of ${ACCOUNT}`);
    expect(h.double.refusals).toHaveLength(refused);
    h.double.settings.refuseElements = new Set();
  });
});
