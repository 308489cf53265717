"""Mexican brokerage house (casa de bolsa) margin account statement in English, raw PDF by hand (rawpdf.py), scanned
by generate.sh: MXN with a leading '$', 'Cut-off date 07/Dec/2026', a contract number beside the CLABE, the RFC and a
promoter number. Usage: PYTHONPATH=test/producers python3 mx-casa-bolsa.rawpdf-scan.py OUT.pdf"""
import sys

from rawpdf import write_pdf


def mxn(v):
    return ('-$' if v < 0 else '$') + f'{abs(v):,.2f}'


L, R = 50, 545
pos = [('WALMEX *', 'Wal-Mart de Mexico', 60000, 58.42), ('GFNORTE O', 'Grupo Financiero Banorte', 25000, 171.85),
       ('AMX B', 'America Movil', 100000, 18.04)]
longv = sum(q * p for _, _, q, p in pos)
cash = -2418330.10
equity = longv + cash
maint = round(longv * 0.30, 2)
excess = equity - maint
bp = excess / 0.5
assert abs(longv - 9605450.00) < 0.005 and abs(equity - 7187119.90) < 0.005
p = [('b', L, 58, 15, 'Casa de Bolsa Sierra Madre, S.A. de C.V.'),
     ('t', L, 72, 8, 'Grupo Financiero Sierra Madre  |  Paseo de la Reforma 250, Col. Juarez, 06600 Ciudad de Mexico  |  55 5555 0192'),
     ('rule', L, 80, R - L, 1.2),
     ('b', L, 104, 12, 'MARGIN ACCOUNT STATEMENT'),
     ('t', 360, 104, 9, 'Cut-off date'), ('b', 460, 104, 9, '07/Dec/2026'),
     ('t', L, 126, 9, 'Client'), ('b', 160, 126, 9, 'Inmobiliaria Bajio Norte, S.A. de C.V.'),
     ('t', L, 139, 9, 'RFC'), ('t', 160, 139, 9, 'IBN-190612-QX4'),
     ('t', L, 152, 9, 'Contract no.'), ('b', 160, 152, 9, '1048-22917'),
     ('t', L, 165, 9, 'CLABE (payments)'), ('t', 160, 165, 9, '012180001182044736'),
     ('t', 360, 126, 9, 'Previous cut-off'), ('t', 460, 126, 9, '04/Dec/2026'),
     ('t', 360, 139, 9, 'Issued'), ('t', 460, 139, 9, '08/Dec/2026 06:30'),
     ('t', 360, 152, 9, 'Promoter'), ('t', 460, 152, 9, '0417 - L. Garza'),
     ('t', 360, 165, 9, 'Currency'), ('b', 460, 165, 9, 'MXN (pesos)'),
     ('rule', L, 182, R - L, 0.5),
     ('b', L, 204, 10, 'Securities position (BMV closing prices)'),
     ('b', L, 222, 8, 'Issuer / series'), ('b', 170, 222, 8, 'Name'),
     ('r', 370, 222, 8, 'Shares'), ('r', 450, 222, 8, 'Price'), ('r', R, 222, 8, 'Market value')]
y = 236
for tick, name, q, px in pos:
    p += [('t', L, y, 8.5, tick), ('t', 170, y, 8.5, name), ('r', 370, y, 8.5, f'{q:,}'), ('r', 450, y, 8.5, f'{px:,.2f}'),
          ('r', R, y, 8.5, mxn(q * px))]
    y += 13
p += [('rule', 380, y - 6, R - 380, 0.5), ('b', 380, y + 6, 8.5, 'Total'), ('r', R, y + 6, 8.5, mxn(longv))]
y += 34
p += [('b', L, y, 10, 'Margin summary'), ('rule', L, y + 6, R - L, 0.5)]
y += 22
for lab, v in [('Cash balance (debit balance)', mxn(cash)), ('Market value of securities', mxn(longv)),
               ('Account equity', mxn(equity)), ('Maintenance margin (30 %)', mxn(maint)),
               ('Margin excess (deficit)', mxn(excess)), ('Purchasing power', mxn(bp)), ('Margin call', mxn(0))]:
    p += [('b' if lab == 'Account equity' else 't', L, y, 9.5, lab), ('r', 400, y, 9.5, v)]
    y += 15
y += 20
for line in ['Interest on the debit balance accrues at TIIE + 4.00 % and is charged on the last business day of each month.',
             'Purchasing power is the margin excess divided by the 50 % initial requirement. A margin call is due within 48 hours.',
             'Collateral value for regulatory purposes (70 % of market value): ' + mxn(round(longv * 0.7, 2)) + '.',
             'Questions about this statement: atencion@sierramadre-cb.example or 800 555 0192. Unaudited.']:
    p.append(('t', L, y, 7.5, line))
    y += 10
write_pdf(sys.argv[1], [p], title='Margin account statement')
