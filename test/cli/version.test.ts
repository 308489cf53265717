import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function io() {
  const out = { stdout: '', stderr: '' };
  const stream = (key: 'stdout' | 'stderr') =>
    ({
      write(chunk: string) {
        out[key] += chunk;
        return true;
      },
    }) as unknown as NodeJS.WritableStream;
  return { out, io: { stdout: stream('stdout'), stderr: stream('stderr'), env: {} } };
}

describe('marginiq --version', () => {
  it("prints the package's version and exits 0", async () => {
    const t = io();
    expect(await main(['--version'], t.io)).toBe(0);
    expect(t.out.stdout).toBe(`marginiq ${pkg.version}\n`);
    expect(t.out.stderr).toBe('');
  });

  it('refuses teach of a file that does not exist in one line', async () => {
    const t = io();
    expect(await main(['teach', 'no-such.pdf', '--set', 'total_equity=1'], t.io)).toBe(2);
    expect(t.out.stderr).toBe('marginiq: no-such.pdf: No such file.\n');
  });
});
