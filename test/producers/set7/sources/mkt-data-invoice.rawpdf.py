"""Tax invoice from a futures broker for market data and platform fees (bad input: no margin figures), written as a
raw PDF by hand (test/producers/rawpdf.py): customer account number, invoice and due dates, line items with GST and
an amount due. Usage: PYTHONPATH=test/producers python3 mkt-data-invoice.rawpdf.py OUT.pdf"""
import sys

from rawpdf import write_pdf

L, R = 50, 545
items = [('CME Group Level 1 real-time data (non-professional)', 'Nov 2026', 1, 16.00),
         ('ASX 24 Level 2 market depth', 'Nov 2026', 1, 38.50),
         ('SGX-DT derivatives real-time data', 'Nov 2026', 1, 22.00),
         ('Pro trading platform licence (2 seats)', 'Nov 2026', 2, 95.00),
         ('Historical tick data download (ES, SPI)', '14 Nov 2026', 1, 120.00),
         ('Paper statement and postage', 'Nov 2026', 1, 5.00)]
sub = sum(q * p for _, _, q, p in items)
gst = round(sub * 0.10, 2)
total = sub + gst
p = [('b', L, 60, 16, 'Kookaburra Futures Clearing Pty Ltd'),
     ('t', L, 75, 8, 'ABN 00 000 000 000   Level 18, 200 Margaret Street, Sydney NSW 2000   accounts@kookaburra-clearing.example'),
     ('b', 420, 60, 16, 'TAX INVOICE'),
     ('rule', L, 84, R - L, 1),
     ('t', L, 108, 9, 'Bill to'), ('b', L, 121, 9, 'Wattle Creek Grain Traders Pty Ltd'),
     ('t', L, 133, 9, 'PO Box 412, Dubbo NSW 2830'),
     ('t', 340, 108, 9, 'Invoice number'), ('b', 450, 108, 9, 'INV-2026-118204'),
     ('t', 340, 121, 9, 'Invoice date'), ('b', 450, 121, 9, '07 Dec 2026'),
     ('t', 340, 134, 9, 'Customer account'), ('b', 450, 134, 9, '4417-20953'),
     ('t', 340, 147, 9, 'Payment due'), ('b', 450, 147, 9, '21 Dec 2026'),
     ('t', 340, 160, 9, 'Currency'), ('b', 450, 160, 9, 'AUD'),
     ('rule', L, 180, R - L, 0.5),
     ('b', L, 194, 9, 'Description'), ('b', 300, 194, 9, 'Period'), ('r', 400, 194, 9, 'Qty'), ('r', 470, 194, 9, 'Unit price'),
     ('r', R, 194, 9, 'Amount'),
     ('rule', L, 200, R - L, 0.5)]
y = 216
for d, per, q, pr in items:
    p += [('t', L, y, 9, d), ('t', 300, y, 9, per), ('r', 400, y, 9, str(q)), ('r', 470, y, 9, f'{pr:,.2f}'),
          ('r', R, y, 9, f'{q * pr:,.2f}')]
    y += 15
y += 6
p += [('rule', 340, y - 10, R - 340, 0.5),
      ('t', 340, y, 9, 'Subtotal (excl. GST)'), ('r', R, y, 9, f'{sub:,.2f}'),
      ('t', 340, y + 15, 9, 'GST 10%'), ('r', R, y + 15, 9, f'{gst:,.2f}'),
      ('b', 340, y + 32, 10, 'Total amount due (AUD)'), ('r', R, y + 32, 10, f'{total:,.2f}')]
y += 70
for line in ['How to pay: this invoice will be debited from your futures account 4417-20953 on the due date unless you pay it',
             'by EFT to BSB 000-000, account 1234 5678, quoting the invoice number. Market data fees are charged monthly in',
             'arrears under the exchanges\' vendor agreements; non-professional status must be re-confirmed every 12 months.',
             'This invoice is not a statement of your futures account. Questions: accounts@kookaburra-clearing.example.']:
    p.append(('t', L, y, 8.5, line))
    y += 12
write_pdf(sys.argv[1], [p], title='Tax Invoice INV-2026-118204')
