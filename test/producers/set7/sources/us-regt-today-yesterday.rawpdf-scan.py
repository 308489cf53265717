"""US retail broker daily margin statement (Reg T), letter portrait, written as a raw PDF by hand
(test/producers/rawpdf.py) and then scanned: a 'Margin Summary' table whose columns are Today / Yesterday / Change,
negatives in parentheses, SMA and margin buying power, house and Fed calls; holdings below.
Usage: PYTHONPATH=test/producers python3 us-regt-today-yesterday.rawpdf-scan.py OUT.pdf"""
import sys

from rawpdf import write_pdf


def m(v):
    return f'({abs(v):,.2f})' if v < 0 else f'{v:,.2f}'


L, R = 48, 564
C1, C2, C3 = 370, 462, 564
today = dict(cash=-38412.77, lmv=212640.00, smv=-24300.00, house=68520.00, regt=118470.00, sma=31457.23)
yest = dict(cash=-41020.15, lmv=208115.00, smv=-22950.00, house=66900.00, regt=115532.50, sma=28612.35)
for d in (today, yest):
    d['eq'] = round(d['cash'] + d['lmv'] + d['smv'], 2)
    d['exc'] = round(d['eq'] - d['house'], 2)
    d['bp'] = round(2 * d['sma'], 2)
    d['hc'] = d['fc'] = 0.0
rows = [('Cash / margin balance', 'cash'), ('Long market value', 'lmv'), ('Short market value', 'smv'),
        ('Total account equity', 'eq'), ('Reg T initial requirement', 'regt'), ('House maintenance requirement', 'house'),
        ('Equity in excess of house requirement', 'exc'), ('Special memorandum account (SMA)', 'sma'),
        ('Margin buying power', 'bp'), ('House call', 'hc'), ('Fed (Reg T) call', 'fc')]
p = [('b', L, 54, 16, 'GRANITE POINT SECURITIES'),
     ('t', L, 68, 7.5, '1200 Commerce Street, Suite 900, Dallas TX 75202  -  Member FINRA/SIPC  -  www.granitepoint.example'),
     ('b', 400, 54, 11, 'Daily Margin Statement'),
     ('rule', L, 78, R - L, 1.2),
     ('t', L, 98, 9, 'Account number'), ('b', 140, 98, 9, '7730-2219'),
     ('t', L, 111, 9, 'Account type'), ('b', 140, 111, 9, 'Margin - Individual'),
     ('t', L, 124, 9, 'Registered rep'), ('b', 140, 124, 9, 'K. Mendoza (KLM)'),
     ('t', 340, 98, 9, 'Statement date'), ('b', 430, 98, 9, '12/07/2026'),
     ('t', 340, 111, 9, 'Prior business day'), ('b', 430, 111, 9, '12/04/2026'),
     ('t', 340, 124, 9, 'Mailed'), ('b', 430, 124, 9, '12/08/2026'),
     ('t', L, 146, 9, 'Deshawn A. Whitfield, 4410 Live Oak Lane, Plano TX 75093'),
     ('b', L, 176, 12, 'Margin Summary'),
     ('t', L + 100, 176, 8, '(all figures in U.S. dollars; figures in parentheses are debits or short values)'),
     ('rule', L, 184, R - L, 0.6),
     ('b', C1 - 30, 198, 9, 'Today'), ('b', C2 - 46, 198, 9, 'Yesterday'), ('b', C3 - 36, 198, 9, 'Change'),
     ('t', C1 - 52, 209, 7, '12/07/2026'), ('t', C2 - 52, 209, 7, '12/04/2026'),
     ('rule', L, 214, R - L, 0.4)]
y = 230
for label, k in rows:
    bold = k in ('eq', 'exc')
    p.append(('b' if bold else 't', L + 4, y, 9, label))
    p.append(('r', C1, y, 9, m(today[k])))
    p.append(('r', C2, y, 9, m(yest[k])))
    p.append(('r', C3, y, 9, m(round(today[k] - yest[k], 2))))
    y += 16
    if k in ('smv', 'house', 'exc', 'bp'):
        p.append(('rule', L, y - 11, R - L, 0.3))
y += 14
p += [('b', L, y, 12, 'Holdings'), ('rule', L, y + 8, R - L, 0.6)]
y += 22
p += [('b', L + 4, y, 8, 'Symbol'), ('b', 120, y, 8, 'Description'), ('r', 360, y, 8, 'Quantity'), ('r', 440, y, 8, 'Price'),
      ('r', C3, y, 8, 'Market value')]
y += 14
hold = [('AAPL', 'Apple Inc', 300, 231.50), ('MSFT', 'Microsoft Corp', 50, 468.20), ('JPM', 'JPMorgan Chase & Co', 200, 244.90),
        ('XOM', 'Exxon Mobil Corp', 250, 132.12), ('COST', 'Costco Wholesale Corp', 40, 944.25),
        ('TSLA', 'Tesla Inc', -60, 405.00)]
tot_l = tot_s = 0
for s, d, q, px in hold:
    v = round(q * px, 2)
    if q > 0:
        tot_l += v
    else:
        tot_s += v
    p += [('t', L + 4, y, 8, s), ('t', 120, y, 8, d), ('r', 360, y, 8, f'{q:,}'), ('r', 440, y, 8, f'{px:,.2f}'), ('r', C3, y, 8, m(v))]
    y += 13
assert round(tot_l, 2) == today['lmv'], tot_l
assert round(tot_s, 2) == today['smv'], tot_s
y += 16
for line in ['Equity = cash / margin balance + long market value + short market value. SMA and margin buying power follow Regulation T.',
             'A house or Fed call must be met by the due date shown on a separate call notice. Questions: 1-800-000-0000.',
             'Page 1 of 1']:
    p.append(('t', L, y, 7, line))
    y += 10
write_pdf(sys.argv[1], [p], w=612, h=792, title='Daily Margin Statement')
