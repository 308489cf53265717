"""Brazilian futures broker's daily statement for a non-resident investor (B3 listed derivatives), in English, as a
landscape report stored the way many report servers store one: a portrait A4 page with /Rotate 90 and the content
drawn turned a quarter turn, so the text layer's coordinates run up the page (ReportLab canvas). BRL with dot
grouping and decimal commas, DD/MM/YYYY, the investor code and the custodian's code beside the account, a trading
date, a settlement date (D+1) and a print time.
Usage: python3 br-b3-rotated.reportlab.py OUT.pdf (needs Debian's python3-reportlab)."""
import sys

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas


def brl(v):
    s = f'{abs(v):,.2f}'.replace(',', 'X').replace('.', ',').replace('X', '.')
    return f'({s})' if v < 0 else s


c = canvas.Canvas(sys.argv[1], pagesize=landscape(A4))  # ReportLab stores a rotated page with its MediaBox swapped: portrait 595 x 842
c.setTitle('Daily Statement - Listed Derivatives')
PW, PH = A4  # portrait 595 x 842
c.setPageRotation(90)
c.translate(PW, 0)
c.rotate(90)  # from here: landscape coordinates, 842 wide and 595 high, origin bottom-left as the reader sees it
W, H = PH, PW
L, R = 40, W - 40

c.setFont('Helvetica-Bold', 15)
c.drawString(L, H - 45, 'Ipe Corretora de Mercadorias S.A.')
c.setFont('Helvetica', 8)
c.drawString(L, H - 58, 'Full trading participant of B3 S.A. - Brasil, Bolsa, Balcao  |  CNPJ 00.000.000/0001-00  |  Sao Paulo - SP')
c.setFont('Helvetica-Bold', 11)
c.drawRightString(R, H - 45, 'DAILY STATEMENT - LISTED DERIVATIVES')
c.setFont('Helvetica', 8)
c.drawRightString(R, H - 58, 'Printed 08/12/2026 06:15 BRT')
c.line(L, H - 66, R, H - 66)

info = [('Account', '40871-2'), ('Investor (Res. 4.373)', 'Coastline Emerging Macro Fund'),
        ('B3 investor code', '3301.774.09'), ('Custodian code', 'CUST-0270 / 118804'),
        ('Trading date', '07/12/2026'), ('Settlement date (D+1)', '08/12/2026'), ('Currency', 'BRL')]
y = H - 86
for i, (k, v) in enumerate(info):
    x = L if i < 4 else 440
    yy = y - 13 * (i if i < 4 else i - 4)
    c.setFont('Helvetica', 8.5)
    c.drawString(x, yy, k)
    c.setFont('Helvetica-Bold', 8.5)
    c.drawString(x + 120, yy, v)

y = H - 152
c.setFont('Helvetica-Bold', 10)
c.drawString(L, y, 'Open positions and daily settlement (ajuste)')
c.line(L, y - 4, R, y - 4)
cols = [(L, 'Contract', 'l'), (210, 'Maturity', 'l'), (330, 'Long', 'r'), (380, 'Short', 'r'),
        (480, 'Settlement price', 'r'), (590, 'Daily settlement', 'r'), (700, 'Margin (B3 CORE)', 'r')]
y -= 18
c.setFont('Helvetica-Bold', 8)
for x, t, a in cols:
    (c.drawString if a == 'l' else c.drawRightString)(x, y, t)
pos = [('DI1 - One-day interbank rate', 'F28', '0', '1.200', '13,615', -52310.00, 1102400.00),
       ('DOL - US dollar', 'JAN27', '150', '0', '5.812,500', -41625.00, 618750.00),
       ('IND - Ibovespa', 'DEC26', '0', '40', '131.905', 12400.00, 284300.00),
       ('CCM - Corn', 'JAN27', '60', '0', '71,40', -2675.00, 113000.00)]
for name, mat, lo, sh, px, adj, mg in pos:
    y -= 14
    c.setFont('Helvetica', 8)
    vals = [name, mat, lo, sh, px, brl(adj), brl(mg)]
    for (x, _, a), v in zip(cols, vals):
        (c.drawString if a == 'l' else c.drawRightString)(x, y, v)
y -= 6
c.line(L, y, R, y)
y -= 12
c.setFont('Helvetica-Bold', 8)
c.drawString(L, y, 'Total')
c.drawRightString(590, y, brl(sum(p[5] for p in pos)))
c.drawRightString(700, y, brl(sum(p[6] for p in pos)))
assert abs(sum(p[6] for p in pos) - 2118450.00) < 0.005
assert abs(sum(p[5] for p in pos) - (-84210.00)) < 0.005

y -= 34
c.setFont('Helvetica-Bold', 10)
c.drawString(L, y, 'Account summary (BRL)')
c.drawString(440, y, 'Guarantees deposited at B3')
c.line(L, y - 4, R, y - 4)
summ = [('Cash balance', 3412880.15), ('Daily settlement (ajuste) for 07/12/2026', -84210.00),
        ('Securities deposited as collateral (after haircut)', 1200000.00), ('Account equity', 4612880.15),
        ('Margin required (B3 CORE)', 2118450.00), ('Margin surplus / (deficit)', 2494430.15), ('Margin call', 'none')]
gar = [('Brazilian government bonds (LTN, NTN-B)', '1.200.000,00'), ('Cash in BRL', '3.412.880,15'),
       ('Total guarantees', '4.612.880,15'), ('Guarantee account', 'B3 GAR 118804-7')]
yy = y - 18
for k, v in summ:
    c.setFont('Helvetica-Bold' if k in ('Account equity', 'Margin surplus / (deficit)') else 'Helvetica', 9)
    c.drawString(L, yy, k)
    c.drawRightString(380, yy, v if isinstance(v, str) else brl(v))
    yy -= 14
yy = y - 18
for k, v in gar:
    c.setFont('Helvetica', 9)
    c.drawString(440, yy, k)
    c.drawRightString(R, yy, v)
    yy -= 14
c.setFont('Helvetica', 7)
c.drawString(L, 50, 'The cash balance already includes the daily settlement of 07/12/2026, paid or received on the settlement date. '
             'Margin calls are due by 13:00 on the settlement date.')
c.drawString(L, 40, 'Previous trading day 04/12/2026: account equity 4.701.334,90; margin required 2.064.100,00.')
c.showPage()
c.save()
