"""Italian SIM monthly margin statement, written as a raw PDF by hand (no PDF library): Type1 Helvetica in
WinAnsiEncoding, every label and value placed with its own absolute text matrix, values right-aligned from
Helvetica's digit widths, rules drawn as filled rectangles. Usage: python3 it-estratto.rawpdf.py OUT.pdf"""
import sys

W = {c: 556 for c in '0123456789'}
W.update({',': 278, '.': 278, '-': 333, ' ': 278, '/': 278, '%': 889, '(': 333, ')': 333})


def width(s, size):
    return sum(W.get(c, 556) for c in s) * size / 1000


def esc(s):
    return s.replace('\\', '\\\\').replace('(', '\\(').replace(')', '\\)').encode('cp1252')


def write_pdf(out, pages, w=595, h=842):
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>', None,
            b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
            b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>']
    kids = []
    for ops in pages:
        stream = b''
        for op in ops:
            if op[0] == 'rule':
                _, x, y, ww, hh = op
                stream += b'0.35 g %.2f %.2f %.2f %.2f re f 0 g\n' % (x, h - y, ww, hh)
                continue
            kind, x, y, size, text = op
            font = b'/F2' if kind == 'b' else b'/F1'
            if kind == 'r':
                x -= width(text, size)
            stream += b'BT %s %d Tf 1 0 0 1 %.2f %.2f Tm (' % (font, size, x, h - y) + esc(text) + b') Tj ET\n'
        objs.append(b'<< /Length %d >>\nstream\n' % len(stream) + stream + b'endstream')
        objs.append(b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>' % (w, h, len(objs)))
        kids.append(len(objs))
    objs[1] = b'<< /Type /Pages /Kids [%s] /Count %d >>' % (b' '.join(b'%d 0 R' % k for k in kids), len(kids))
    objs.append(b'<< /Producer (hand-written PDF, set4) /Title (Estratto conto) >>')
    data, offs = b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', []
    for i, o in enumerate(objs, 1):
        offs.append(len(data))
        data += b'%d 0 obj\n' % i + o + b'\nendobj\n'
    xref = len(data)
    data += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1) + b''.join(b'%010d 00000 n \n' % o for o in offs)
    data += b'trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, len(objs), xref)
    open(out, 'wb').write(data)


p = []
L, R1, R2 = 50, 430, 545
p += [('b', L, 60, 15, 'SIM Esempio S.p.A.'), ('t', L, 76, 9, 'Via Monte di Pietà 12 - 20121 Milano - Iscritta all\'Albo delle SIM n. 999'),
      ('b', L, 110, 13, 'Estratto conto - Operatività con marginazione'),
      ('t', L, 135, 10, 'Intestatario:'), ('t', 160, 135, 10, 'Lucia Ferrante'),
      ('t', L, 150, 10, 'Codice fiscale:'), ('t', 160, 150, 10, 'FRRLCU80A41F205X'),
      ('t', L, 165, 10, 'Numero conto:'), ('t', 160, 165, 10, '55012-33'),
      ('t', L, 180, 10, 'Periodo:'), ('t', 160, 180, 10, 'dal 01/11/2026 al 30/11/2026'),
      ('t', L, 195, 10, 'Data di riferimento:'), ('t', 160, 195, 10, '30/11/2026'),
      ('t', 330, 135, 10, 'Data di stampa:'), ('t', 420, 135, 10, '02/12/2026'),
      ('t', 330, 150, 10, 'Valuta:'), ('t', 420, 150, 10, 'EUR (euro)')]
y = 235
p += [('b', L, y, 11, 'Riepilogo patrimoniale'), ('b', R1, y, 9, ''), ('r', R1, y + 18, 9, 'al 30/11/2026'), ('r', R2, y + 18, 9, 'al 31/10/2026'), ('rule', L, y + 24, 495, 0.8)]
rows = [('Liquidità disponibile', '9.850,40', '14.112,05'),
        ('Controvalore posizioni lunghe', '154.300,00', '149.820,00'),
        ('Controvalore posizioni corte', '-12.600,00', '-10.950,00'),
        ('Patrimonio netto (valore di liquidazione)', '151.550,40', '152.982,05')]
y += 40
for lab, a, b in rows:
    p += [('b' if lab.startswith('Patrimonio') else 't', L, y, 10, lab), ('r', R1, y, 10, a), ('r', R2, y, 10, b)]
    y += 17
y += 20
p += [('b', L, y, 11, 'Margini'), ('r', R1, y + 18, 9, 'al 30/11/2026'), ('r', R2, y + 18, 9, 'al 31/10/2026'), ('rule', L, y + 24, 495, 0.8)]
rows = [('Margine iniziale', '62.000,00', '58.400,00'),
        ('Margine di mantenimento', '46.500,00', '43.800,00'),
        ('Eccedenza di margine', '105.050,40', '109.182,05'),
        ('Richiesta di integrazione margini', 'nessuna', 'nessuna')]
y += 40
for lab, a, b in rows:
    p += [('t', L, y, 10, lab), ('r', R1, y, 10, a), ('r', R2, y, 10, b)]
    y += 17
y += 20
p += [('t', L, y, 9, 'Alla data di riferimento non risultano richieste di integrazione dei margini. Qualora il patrimonio netto'),
      ('t', L, y + 12, 9, 'scendesse al di sotto del margine di mantenimento, la SIM potrà chiudere le posizioni senza preavviso.')]
y += 50
p += [('b', L, y, 11, 'Posizioni aperte al 30/11/2026'), ('rule', L, y + 6, 495, 0.8)]
y += 22
p += [('b', L, y, 9, 'Titolo'), ('b', 250, y, 9, 'Quantità'), ('r', 400, y, 9, 'Prezzo'), ('r', R2, y, 9, 'Controvalore')]
for t, q, pr, cv in [('ENI', '4.000', '14,20', '56.800,00'), ('Intesa Sanpaolo', '15.000', '3,90', '58.500,00'),
                     ('Stellantis', '3.000', '13,00', '39.000,00'), ('Telecom Italia (corta)', '-42.000', '0,30', '-12.600,00')]:
    y += 15
    p += [('t', L, y, 9, t), ('t', 250, y, 9, q), ('r', 400, y, 9, pr), ('r', R2, y, 9, cv)]
p += [('t', L, 800, 8, 'Documento ad uso informativo. Pagina 1 di 1')]
write_pdf(sys.argv[1], [p])
