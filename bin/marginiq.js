#!/usr/bin/env node
// Node >= 22.18 runs TypeScript by stripping types, so no build step stands between `npm ci` and `npx marginiq`.
import module from 'node:module';

// Cache compiled code between runs: `marginiq extract` is started once per file by scripts.
module.enableCompileCache?.();
const { main } = await import('../src/cli.ts');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Services resolve only after a clean shutdown; a stray handle must not keep the process alive after it.
    setTimeout(() => process.exit(code), 200).unref();
  },
  (err) => {
    process.stderr.write(`marginiq: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
