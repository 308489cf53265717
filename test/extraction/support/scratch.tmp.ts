import { readFileSync, writeFileSync } from 'node:fs';
import { scanPdf } from './scan.builder.ts';

writeFileSync('/tmp/xq-extract/a-scan.pdf', await scanPdf(readFileSync('/tmp/xq-extract/a.pdf'), { rotateDeg: 1.2 }));
