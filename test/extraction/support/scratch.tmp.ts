import { writeFileSync } from 'node:fs';
import { buildTextPdf, rows } from './pdf.builder.ts';
const p1 = [
  ['Acme Clearing LLC - Daily Margin Summary', 50, 50],
  ['Account: U 1234567', 50, 70], ['Statement Date: 11/27/2026', 350, 70],
  ['Printed: 11/28/2026 06:00', 50, 86],
  ...rows(110, 16, [50, 300, 400, 500], [
    [null, 'Current', 'Prior Day', 'Change'],
    ['Net Liquidation Value', '1,234,567.89', '1,200,000.00', '34,567.89'],
    ['Maint. Req.', '456,789.00', '450,000.00', '6,789.00'],
    ['Excess/(Deficit)', '777,778.89', '750,000.00', '27,778.89'],
    ['Day Trading Buying Power', '4,000,000.00'],
    ['Buying Power', '3,111,115.56'],
    ['Short Market Value', '(85,432.11)'],
    ['Margin Call', 'None'],
  ]),
] as never;
writeFileSync('/tmp/xq-extract/a.pdf', await buildTextPdf([p1]));
