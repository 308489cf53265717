"""Mexican securities-lending and collateral margin statement (préstamo de valores), MXN, negatives in parentheses,
dates YYYY/MM/DD, written as a raw PDF by hand (test/producers/rawpdf.py). Usage: PYTHONPATH=test/producers
python3 mx-prestamo-valores.rawpdf.py OUT.pdf"""
import sys

from rawpdf import write_pdf


def m(v):
    return f'({abs(v):,.2f})' if v < 0 else f'{v:,.2f}'


L, R = 50, 545
cash, long_, short = 2915300.00, 640250.00, -1579800.00
eq = cash + long_ + short
ini, mnt = 642300.00, 481725.00
p = [('b', L, 58, 15, 'Casa de Bolsa Altiplano, S.A. de C.V.'),
     ('t', L, 74, 8, 'Paseo de la Reforma 505, Piso 31, Cuauhtemoc, 06500 Ciudad de México - Grupo Financiero Altiplano'),
     ('b', L, 108, 13, 'Estado de cuenta de préstamo de valores y garantías'),
     ('t', L, 132, 9, 'Cliente'), ('t', 150, 132, 9, 'Inversiones Sierra Madre, S.A.P.I. de C.V.'),
     ('t', L, 145, 9, 'Contrato'), ('t', 150, 145, 9, '8840-112903'),
     ('t', L, 158, 9, 'RFC'), ('t', 150, 158, 9, 'ISM150812AB3'),
     ('t', 340, 132, 9, 'Fecha de corte'), ('t', 440, 132, 9, '2026/12/07'),
     ('t', 340, 145, 9, 'Fecha de emisión'), ('t', 440, 145, 9, '2026/12/08'),
     ('t', 340, 158, 9, 'Moneda'), ('t', 440, 158, 9, 'MXN (pesos mexicanos)'),
     ('rule', L, 172, 495, 0.8)]
y = 195
p += [('b', L, y, 10, 'Valores recibidos en préstamo (posición corta)'), ('rule', L, y + 6, 495, 0.4)]
y += 20
p += [('b', L, y, 8, 'Emisora / serie'), ('r', 300, y, 8, 'Títulos'), ('r', 390, y, 8, 'Precio'), ('r', 470, y, 8, 'Premio diario'), ('r', R, y, 8, 'Valor de mercado')]
sl = [('WALMEX *', 9000, 62.40, -48.10), ('CEMEX CPO', 50000, 12.126, -21.35), ('GFNORTE O', 2500, 164.76, -37.45)]
tot = 0
for n, q, pr, fee in sl:
    y += 13
    v = -round(q * pr, 2)
    tot += v
    p += [('t', L, y, 9, n), ('r', 300, y, 9, f'{q:,}'), ('r', 390, y, 9, f'{pr:,.3f}'), ('r', 470, y, 9, m(fee)), ('r', R, y, 9, m(v))]
assert round(tot, 2) == short, tot
y += 28
p += [('b', L, y, 10, 'Garantías y margen'), ('rule', L, y + 6, 495, 0.4)]
rows = [('Efectivo en garantía', cash), ('Valores en garantía (posición larga, a valor de mercado)', long_),
        ('Valores recibidos en préstamo (a valor de mercado)', short), ('Valor neto de la cuenta (patrimonio)', eq),
        ('Margen inicial requerido', ini), ('Margen de mantenimiento requerido', mnt),
        ('Excedente / (faltante) sobre margen de mantenimiento', eq - mnt)]
for lab, v in rows:
    y += 15
    b = lab.startswith('Valor neto') or lab.startswith('Excedente')
    p += [('b' if b else 't', L, y, 9.5, lab), ('r', R, y, 9.5, m(v))]
y += 15
p += [('t', L, y, 9.5, 'Llamada de margen'), ('r', R, y, 9.5, 'Sin llamada')]
y += 30
p += [('b', L, y, 10, 'Movimientos del periodo'), ('rule', L, y + 6, 495, 0.4)]
for d, c, v in [('2026/12/01', 'Premios por préstamo de valores (mes anterior)', -3102.55), ('2026/12/03', 'Depósito de garantía en efectivo (SPEI)', 250000.00),
                ('2026/12/04', 'Intereses sobre efectivo en garantía', 1840.12), ('2026/12/07', 'Ajuste de garantía por valuación', -12480.35)]:
    y += 13
    p += [('t', L, y, 9, d), ('t', 130, y, 9, c), ('r', R, y, 9, m(v))]
y += 30
for s in ['Las cifras entre paréntesis son negativas (obligaciones del cliente). Los valores recibidos en préstamo se valúan diariamente',
          'a precio de cierre de la BMV. El excedente se calcula sobre el margen de mantenimiento. El RFC no es el número de contrato.']:
    p += [('t', L, y, 7.5, s)]
    y += 10
write_pdf(sys.argv[1], [p], title='Estado de cuenta - prestamo de valores')
print(eq, eq - mnt)
