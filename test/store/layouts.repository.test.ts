import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetLayout, layoutMemoryOf, teachLayout } from '../../src/core/memory/layout-memory.usecases.ts';
import type { LayoutRule } from '../../src/extraction/memory/layout.rule.ts';
import { createRepositories, createUnitOfWork } from '../../src/store/repositories.ts';
import { DATABASES, type TestDb } from '../support/databases.ts';

const fingerprint = {
  page: { width: 612, height: 792 },
  pages: 1,
  issuer: 'quillon securities',
  phrases: [{ key: 'net liquidating value', x: 0.08, y: 0.14, page: 0 }],
  headers: [],
};
const rule = (over: Partial<LayoutRule> = {}): LayoutRule => ({
  field: 'sma',
  anchor: 'left',
  label: 'Collateral Headroom Reserve',
  column: null,
  ordinal: 0,
  figures: 1,
  occurrence: 0,
  page: 0,
  x: 0.62,
  y: 0.3,
  sign: 1,
  printed: '77,120.50',
  ...over,
});

describe.each(DATABASES)('layout memory store on %s', (_name, fresh) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await fresh();
  });
  afterAll(() => t?.drop());

  it('keeps rules per workspace, one per place, newest first, and forgets a field or a whole layout', async () => {
    const repos = createRepositories(t.db);
    await repos.layouts.addLayout('w1', { id: 'L0000abcd', name: 'quillon securities', fingerprint, by: '@ann' });
    const source = { reportId: null, fileName: 'day1.pdf', taughtBy: '@ann' };
    await repos.layouts.putRule('w1', 'L0000abcd', rule(), source);
    // Taught again at the same place: replaces, with the newer source.
    await repos.layouts.putRule('w1', 'L0000abcd', rule({ printed: '93,410.25' }), { ...source, taughtBy: '@bob' });
    await repos.layouts.putRule(
      'w1',
      'L0000abcd',
      rule({ field: 'total_equity', label: 'Net Liquidating Value' }),
      source,
    );
    const [known] = await repos.layouts.known('w1');
    expect(known?.fingerprint).toEqual(fingerprint);
    expect(known?.rules.map((r) => [r.field, r.taughtBy])).toEqual(
      expect.arrayContaining([
        ['sma', '@bob'],
        ['total_equity', '@ann'],
      ]),
    );
    expect(known?.rules).toHaveLength(2);
    expect(await repos.layouts.known('w2')).toEqual([]);

    expect(await repos.layouts.forget('w1', 'L0000abcd', 'sma')).toBe(1);
    expect((await repos.layouts.list('w1'))[0]?.rules.map((r) => r.field)).toEqual(['total_equity']);
    expect(await repos.layouts.forget('w1', 'Lffffffff', null)).toBeNull();
    expect(await repos.layouts.forget('w1', 'L0000abcd', null)).toBe(1);
    expect(await repos.layouts.list('w1')).toEqual([]);
  });

  it('changes its version on every lesson and forget, and extraction reloads the layouts only then', async () => {
    const repos = createRepositories(t.db);
    const ws = 'versioned';
    let loads = 0;
    const counting = {
      ...repos.layouts,
      known: (w: string) => {
        loads++;
        return repos.layouts.known(w);
      },
    };
    const memory = layoutMemoryOf(counting, ws);
    const versions = [await repos.layouts.version(ws)];
    expect(await memory.layouts()).toEqual([]);
    expect(await memory.layouts()).toEqual([]);
    expect(loads).toBe(1);
    await repos.layouts.addLayout(ws, { id: 'L1', name: 'one', fingerprint, by: '@ann' });
    versions.push(await repos.layouts.version(ws));
    const source = { reportId: null, fileName: 'day1.pdf', taughtBy: '@ann' };
    await repos.layouts.putRule(ws, 'L1', rule(), source);
    versions.push(await repos.layouts.version(ws));
    await repos.layouts.putRule(ws, 'L1', rule({ printed: '93,410.25' }), source); // the same place, taught again
    versions.push(await repos.layouts.version(ws));
    const seen = await memory.layouts();
    expect(seen[0]?.rules).toEqual([expect.objectContaining({ printed: '93,410.25' })]);
    expect(await memory.layouts()).toBe(seen); // unchanged: the same list, so the same matching index
    expect(loads).toBe(2);
    await repos.layouts.forget(ws, 'L1', 'sma');
    versions.push(await repos.layouts.version(ws));
    await repos.layouts.forget(ws, 'L1', null);
    versions.push(await repos.layouts.version(ws));
    // Each change gives a new token (two states with the same token hold the same layouts and rules).
    for (let i = 1; i < versions.length; i++) expect(versions[i]).not.toBe(versions[i - 1]);
    expect(await memory.layouts()).toEqual([]);
    expect(loads).toBe(3);
  });

  it('teaches nothing and stores nothing when no value is printed; forgetting is audited', async () => {
    const uow = createUnitOfWork(t.db);
    const repos = createRepositories(t.db);
    const nothing = await teachLayout(
      { uow, workspace: 'w3' },
      {
        doc: { lines: [], pages: [{ width: 612, height: 792 }] },
        reports: [{ account: null, fields: { sma: 5 } }],
        source: { reportId: null, fileName: 'x.pdf', taughtBy: '@ann' },
      },
    );
    expect(nothing.learned).toEqual([]);
    expect(nothing.notLearned).toEqual([{ field: 'sma', account: null, reason: '5 is not printed in this document' }]);
    expect(await repos.layouts.list('w3')).toEqual([]);

    await repos.layouts.addLayout('w3', { id: 'L00001234', name: 'x', fingerprint, by: '@ann' });
    await repos.layouts.putRule('w3', 'L00001234', rule(), { reportId: null, fileName: 'x.pdf', taughtBy: '@ann' });
    expect(
      await forgetLayout({ uow, workspace: 'w3' }, { layoutId: 'L00001234', field: null, by: 'slack:UADMIN' }),
    ).toBe(1);
    const audit = await repos.audit.forEntity('layout', 'L00001234');
    expect(audit.map((e) => [e.action, e.actor])).toEqual([['layout.forgotten', 'slack:UADMIN']]);
  });
});
