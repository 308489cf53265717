"""Polish brokerage house's daily margin account statement in English (raw PDF by hand, test/producers/rawpdf.py):
PLN with space-grouped thousands and decimal commas, DD.MM.YYYY, a balance table whose two value columns are headed
only by dates (the statement date on the LEFT, the previous session on the right), an IBAN and a client number beside
the margin account. Usage: PYTHONPATH=test/producers python3 pl-broker-en.rawpdf.py OUT.pdf"""
import sys

from rawpdf import write_pdf


def pln(v):
    s = f'{abs(v):,.2f}'.replace(',', ' ').replace('.', ',')
    return ('-' if v < 0 else '') + s


L, R = 50, 545
C1, C2 = 420, R
rows = [('Cash balance', 184220.50, 201488.10),
        ('Market value of long positions', 1046300.00, 1031950.00),
        ('Market value of short positions', -212450.00, -208900.00),
        ('Account equity', 1018070.50, 1024538.10),
        ('Initial margin', 402600.00, 398200.00),
        ('Maintenance margin', 301950.00, 298650.00),
        ('Excess over maintenance margin', 716120.50, 725888.10),
        ('Margin call', 'none', 'none')]
assert abs(rows[0][1] + rows[1][1] + rows[2][1] - rows[3][1]) < 0.005
assert abs(rows[3][1] - rows[5][1] - rows[6][1]) < 0.005
assert abs(rows[0][2] + rows[1][2] + rows[2][2] - rows[3][2]) < 0.005
assert abs(rows[3][2] - rows[5][2] - rows[6][2]) < 0.005
p = [('b', L, 58, 15, 'Wisla Dom Maklerski S.A.'),
     ('t', L, 72, 8, 'ul. Marszalkowska 126, 00-008 Warszawa   KRS 0000000000   NIP 000-000-00-00   www.wisla-dm.example'),
     ('rule', L, 80, R - L, 1.2),
     ('b', L, 104, 12, 'Margin Account Statement'),
     ('t', L, 126, 9, 'Client'), ('b', 160, 126, 9, 'Bieszczady Capital Sp. z o.o.'),
     ('t', L, 139, 9, 'Client number'), ('t', 160, 139, 9, '700219'),
     ('t', L, 152, 9, 'Margin account no.'), ('b', 160, 152, 9, '51-00442817'),
     ('t', L, 165, 9, 'Settlement account (IBAN)'), ('t', 160, 165, 9, 'PL61 1090 1014 0000 0712 1981 2874'),
     ('t', 360, 126, 9, 'Statement date'), ('b', 460, 126, 9, '07.12.2026'),
     ('t', 360, 139, 9, 'Generated'), ('t', 460, 139, 9, '08.12.2026 07:02'),
     ('t', 360, 152, 9, 'Currency'), ('b', 460, 152, 9, 'PLN'),
     ('rule', L, 186, R - L, 0.5),
     ('b', L, 200, 9.5, 'Balances (PLN)'), ('r', C1, 200, 9.5, '07.12.2026'), ('r', C2, 200, 9.5, '04.12.2026'),
     ('rule', L, 206, R - L, 0.5)]
y = 222
for label, a, b in rows:
    bold = 'b' if label in ('Account equity', 'Excess over maintenance margin') else 't'
    p += [(bold, L, y, 9.5, label), ('r', C1, y, 9.5, a if isinstance(a, str) else pln(a)),
          ('r', C2, y, 9.5, b if isinstance(b, str) else pln(b))]
    y += 16
y += 10
p += [('rule', L, y, R - L, 0.5), ('b', L, y + 18, 9.5, 'Positions at the close of 07.12.2026')]
y += 36
p += [('b', L, y, 8.5, 'Instrument'), ('r', 250, y, 8.5, 'Quantity'), ('r', 330, y, 8.5, 'Closing price'),
      ('r', 420, y, 8.5, 'Value'), ('r', R, y, 8.5, 'Margin rate')]
pos = [('PKO BP (PKO)', 10000, 58.15, 'long', '25 %'), ('KGHM Polska Miedz (KGH)', 1500, 148.40, 'long', '30 %'),
       ('PKN Orlen (PKN)', 4000, 60.55, 'long', '25 %'), ('CD Projekt (CDR)', -1000, 212.45, 'short', '50 %')]
tot_long = 0
for name, q, px, side, rate in pos:
    y += 14
    v = q * px
    if side == 'long':
        tot_long += v
    p += [('t', L, y, 8.5, name), ('r', 250, y, 8.5, f'{q:,}'.replace(',', ' ')), ('r', 330, y, 8.5, pln(px)),
          ('r', 420, y, 8.5, pln(v)), ('r', R, y, 8.5, rate)]
assert abs(tot_long - 1046300.00) < 0.005, tot_long
y += 30
p += [('t', L, y, 7.5, 'Maintenance margin is the minimum equity the account must hold; when equity falls below it the house issues a'),
      ('t', L, y + 10, 7.5, 'call payable by 12:00 on the next session day. Previous statement: 04.12.2026. Interest on the debit balance'),
      ('t', L, y + 20, 7.5, 'is charged monthly at WIBOR 1M + 3.5 %. This statement does not require a signature.')]
write_pdf(sys.argv[1], [p], title='Margin Account Statement')
