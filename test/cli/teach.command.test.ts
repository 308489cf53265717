import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { buildTextPdf } from '../extraction/support/pdf.builder.ts';
import { day1, day2, snapshot } from '../extraction/support/snapshot.statement.ts';

function io(env: Record<string, string>) {
  const out = { stdout: '', stderr: '' };
  const stream = (key: 'stdout' | 'stderr') =>
    ({
      write(chunk: string) {
        out[key] += chunk;
        return true;
      },
    }) as unknown as NodeJS.WritableStream;
  return { out, io: { stdout: stream('stdout'), stderr: stream('stderr'), env } };
}

const work = mkdtempSync(path.join(tmpdir(), 'marginiq-teach-'));
const dataDir = path.join(work, 'data');
const one = path.join(work, 'day1.pdf');
const two = path.join(work, 'day2.pdf');
const run = async (args: string[], env: Record<string, string> = { DATA_DIR: dataDir }) => {
  const t = io(env);
  const code = await main(args, t.io);
  return { code, ...t.out };
};

beforeAll(async () => {
  // The suite's migrated embedded database (global setup), copied: creating one takes most of a minute.
  const template = process.env.MARGINIQ_PGLITE_TEMPLATE;
  if (template) cpSync(template, path.join(dataDir, 'db'), { recursive: true });
  writeFileSync(one, await buildTextPdf(snapshot(day1)));
  writeFileSync(two, await buildTextPdf(snapshot(day2)));
});

describe('marginiq teach and extract --memory (layout memory, issue 16)', () => {
  it('plain extract reads the statement without the database', async () => {
    const fresh = path.join(work, 'untouched');
    const r = await run(['extract', two, '--json'], { DATA_DIR: fresh });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].fields.sma).toBeUndefined();
    expect(existsSync(path.join(fresh, 'db'))).toBe(false);
  });

  it('teaches a corrected value into DATA_DIR, and extract --memory reads it on the next statement of the layout', async () => {
    const taught = await run(['teach', one, '--set', 'sma=77,120.50']);
    expect(taught.stderr).toBe('');
    expect(taught.code).toBe(0);
    expect(taught.stdout).toMatch(
      /^taught layout L[0-9a-f]{8} \(quillon securities daily risk snapshot, new\): 1 rule\n/,
    );
    expect(taught.stdout).toContain('"Collateral Headroom Reserve"');

    const r = await run(['extract', two, '--json', '--memory']);
    expect(r.code).toBe(0);
    const [report] = JSON.parse(r.stdout);
    expect(report.fields.sma).toBe(93410.25);
    expect(report.evidence.sma).toMatchObject({
      source: 'learned',
      note: expect.stringMatching(/^learned from day1\.pdf, taught by /),
    });
    // Without --memory the same file reads as before.
    expect(JSON.parse((await run(['extract', two, '--json'])).stdout)[0].fields.sma).toBeUndefined();
    // Opening the embedded database the first time is slow on a busy machine: room beyond the default.
  }, 180_000);

  it('teaches from a truth file in the scorer format', async () => {
    const truth = path.join(work, 'day1.json');
    writeFileSync(
      truth,
      JSON.stringify({
        reports: [
          {
            account_number: day1.account,
            report_date: day1.date,
            currency: 'USD',
            fields: { sma: 77120.5, total_equity: 1250000 },
          },
        ],
        kind: 'text',
        layout: 'quillon',
        pages: 1,
      }),
    );
    const r = await run(['teach', one, '--truth', truth]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^taught layout L[0-9a-f]{8} \(quillon securities daily risk snapshot\): 2 rules\n/);
  });

  it('stores nothing for a value the document does not print, and says so on stderr, exit 2', async () => {
    const r = await run(['teach', one, '--set', 'buying_power=31337.01']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('buying_power: not learned: 31337.01 is not printed in this document');
    expect(r.stderr).toContain('nothing was taught');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a field name that is not a field, in one line', async () => {
    const r = await run(['teach', one, '--set', 'net_worth=5']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^marginiq: teach: --set net_worth: not a field/),
    ]);
  });
});
