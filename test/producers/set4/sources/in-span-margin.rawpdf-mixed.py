"""Indian stockbroker's daily margin statement for the F&O segment (SPAN + exposure margin, lakh grouping), written
as a raw PDF by hand like it-estratto; page 1 is client details and open positions, page 2 the margin summary
(scanned by generate.sh: -mixed). Usage: PYTHONPATH=test/producers python3 in-span-margin.rawpdf-mixed.py OUT.pdf"""
import sys

from rawpdf import write_pdf

L = 45
p1 = [('b', L, 55, 14, 'Example Securities Ltd'), ('t', L, 70, 8, 'SEBI Reg. No. INZ000999999 | Member: NSE, BSE | CIN U67120MH2001PLC000000'),
      ('b', L, 100, 12, 'Daily Margin Statement - Equity Derivatives (F&O)'),
      ('t', L, 120, 9, 'Margin statement as on 2026-12-07'), ('t', 330, 120, 9, 'Date of issue: 2026-12-08'),
      ('t', L, 140, 9, 'Client Name'), ('t', 150, 140, 9, 'Rohan Kulkarni'),
      ('t', L, 154, 9, 'Client Code'), ('t', 150, 154, 9, 'RK20417'),
      ('t', L, 168, 9, 'PAN'), ('t', 150, 168, 9, 'ABCPK1234F'),
      ('t', L, 182, 9, 'DP ID / Client ID'), ('t', 150, 182, 9, '12081600 / 00451297'),
      ('t', L, 196, 9, 'Segment'), ('t', 150, 196, 9, 'NSE F&O'),
      ('b', L, 230, 11, 'Open positions (end of day)'), ('rule', L, 236, 505, 0.8)]
y = 252
cols = [(L, 'Contract', 't'), (215, 'Net Qty', 'r'), (290, 'Settle Price', 'r'), (380, 'Notional (Rs)', 'r'), (465, 'SPAN (Rs)', 'r'), (550, 'Exposure (Rs)', 'r')]
p1 += [('b', x, y, 8, h) if k == 't' else ('b', x - 0, y, 8, '') for x, h, k in cols]
p1 += [('r', x, y, 8, h) for x, h, k in cols if k == 'r'] + [('b', L, y, 8, 'Contract')]
rows = [('NIFTY 30DEC2026 FUT', '150', '24,812.40', '37,21,860.00', '5,58,280.00', '1,86,100.00'),
        ('BANKNIFTY 30DEC2026 FUT', '-60', '53,120.00', '31,87,200.00', '4,78,080.00', '1,59,360.00'),
        ('RELIANCE 30DEC2026 FUT', '1000', '1,322.60', '13,22,600.00', '2,31,460.00', '66,130.00'),
        ('NIFTY 30DEC2026 24000 PE', '-300', '142.35', '72,00,000.00', '3,74,530.00', '2,20,910.00')]
for r in rows:
    y += 15
    p1 += [('t', L, y, 8, r[0])] + [('r', x, y, 8, v) for (x, _, _), v in zip(cols[1:], r[1:])]
y += 15
p1 += [('rule', L, y - 9, 505, 0.5), ('b', L, y + 3, 8, 'Total'), ('r', 465, y + 3, 8, '16,42,350.00'), ('r', 550, y + 3, 8, '6,32,500.00')]
p1 += [('t', L, y + 40, 8, 'SPAN and exposure margins are computed on end-of-day positions as per exchange risk parameters.'),
       ('t', L, 800, 7, 'Example Securities Ltd | Page 1 of 2')]
p2 = [('b', L, 55, 12, 'Margin Summary'), ('t', L, 72, 9, 'Client Code RK20417 | as on 2026-12-07 | all amounts in Indian Rupees (INR)'),
      ('rule', L, 80, 505, 0.8)]
y = 105
for lab, v in [('Ledger balance (funds)', '12,45,300.00'), ('Collateral value of pledged securities (after haircut)', '18,60,000.00'),
               ('Total margin available', '31,05,300.00'), (None, None),
               ('SPAN margin', '16,42,350.00'), ('Exposure margin', '6,32,500.00'), ('Total margin required (SPAN + Exposure)', '22,74,850.00'), (None, None),
               ('Excess margin', '8,30,450.00'), ('Margin shortfall', 'Nil'), ('Peak margin shortfall penalty', '0.00')]:
    if lab:
        p2 += [('b' if lab.startswith('Total') or lab.startswith('Excess') else 't', L, y, 10, lab), ('r', 520, y, 10, v)]
    y += 20
p2 += [('t', L, y + 20, 9, 'There is no margin shortfall in your account as on the statement date. Any shortfall must be made good'),
       ('t', L, y + 33, 9, 'before the next trading day; shortfall attracts a penalty under exchange rules.'),
       ('t', L, 800, 7, 'Example Securities Ltd | Page 2 of 2')]
write_pdf(sys.argv[1], [p1, p2])
