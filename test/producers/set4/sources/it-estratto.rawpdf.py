"""Italian SIM monthly margin statement, written as a raw PDF by hand (no PDF library): Type1 Helvetica in
WinAnsiEncoding, every label and value placed with its own absolute text matrix, values right-aligned from
Helvetica's digit widths, rules drawn as filled rectangles. Usage: PYTHONPATH=test/producers python3 it-estratto.rawpdf.py OUT.pdf"""
import sys

from rawpdf import write_pdf

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
