"""US portfolio margin (risk-based, TIMS) summary of a prime broker (ReportLab canvas, letter portrait): an account
block with the PM account, its client ID and the master account, balances with negatives in parentheses, the
theoretical worst-case loss per class group under the exchange's price moves, concentration and house add-ons, and
the house requirement the excess is measured against; dates like Dec-07-26.
Usage: python3 us-pm-tims.reportlab.py OUT.pdf (needs Debian's python3-reportlab)."""
import sys
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas


def m(v):
    return f'({abs(v):,.2f})' if v < 0 else f'{v:,.2f}'


c = canvas.Canvas(sys.argv[1], pagesize=letter)
c.setTitle('Portfolio Margin Summary')
c.setAuthor('Risk Reporting')
W, H = letter
L, R = 54, W - 54

c.setFillGray(0.15)
c.rect(0, H - 70, W, 70, fill=1, stroke=0)
c.setFillGray(1)
c.setFont('Helvetica-Bold', 16)
c.drawString(L, H - 38, 'Bellwether Prime Clearing')
c.setFont('Helvetica', 8)
c.drawString(L, H - 52, 'Portfolio Margin  |  Risk-Based Haircut Methodology (OCC TIMS)  |  Member FINRA / SIPC')
c.setFont('Helvetica-Bold', 11)
c.drawRightString(R, H - 38, 'PORTFOLIO MARGIN SUMMARY')
c.setFont('Helvetica', 8)
c.drawRightString(R, H - 52, 'Generated Dec-08-26 06:12 ET')
c.setFillGray(0)

y = H - 98
info_l = [('Account', '5RT-40772  (Portfolio Margin)'), ('Client ID', 'CL-0091845'), ('Master account', 'M-5RT-40000')]
info_r = [('Account title', 'Larchmont Volatility Partners LP'), ('As of', 'Dec-07-26 (close)'), ('Currency', 'USD')]
for (a, b), (d, e) in zip(info_l, info_r):
    c.setFont('Helvetica', 9)
    c.drawString(L, y, a)
    c.drawString(330, y, d)
    c.setFont('Helvetica-Bold', 9)
    c.drawString(L + 90, y, b)
    c.drawString(330 + 85, y, e)
    y -= 14

y -= 10
c.setFont('Helvetica-Bold', 10.5)
c.drawString(L, y, 'Balances')
c.setLineWidth(0.6)
c.line(L, y - 4, R, y - 4)
y -= 20
cash, lmv, smv = -1284330.10, 6842115.00, -1905440.00
nlv = cash + lmv + smv
rows = [('Cash balance (debit in parentheses)', cash), ('Long market value', lmv), ('Short market value', smv),
        ('Net liquidation value', nlv)]
for label, v in rows:
    bold = label.startswith('Net')
    c.setFont('Helvetica-Bold' if bold else 'Helvetica', 9)
    c.drawString(L + 8, y, label)
    c.drawRightString(R - 10, y, m(v))
    y -= 14
c.setFont('Helvetica-Oblique', 7.5)
c.drawString(L + 8, y, 'Net liquidation value on Dec-04-26 (prior business day): 3,598,112.40')
y -= 26

c.setFont('Helvetica-Bold', 10.5)
c.drawString(L, y, 'Risk-Based Requirement')
c.line(L, y - 4, R, y - 4)
y -= 20
cols = [L + 8, 250, 330, 410, R - 10]
c.setFont('Helvetica-Bold', 8)
c.drawString(cols[0], y, 'Class group')
c.drawRightString(cols[1] + 40, y, 'Down move')
c.drawRightString(cols[2] + 40, y, 'Up move')
c.drawRightString(cols[3] + 40, y, 'Worst case at')
c.drawRightString(cols[4], y, 'Theoretical loss')
y -= 4
c.setLineWidth(0.3)
c.line(L + 8, y, R - 10, y)
y -= 12
groups = [('SPX / XSP (broad-based index)', '-8%', '+6%', '-8%', 412600.00),
          ('NDX / QQQ (broad-based index)', '-8%', '+6%', '-8%', 233480.00),
          ('Semiconductors (SMH members)', '-15%', '+15%', '+15%', 185270.00),
          ('Integrated oil & gas', '-15%', '+15%', '-15%', 96150.00)]
c.setFont('Helvetica', 8.5)
for g, dn, up, wc, loss in groups:
    c.drawString(cols[0], y, g)
    c.drawRightString(cols[1] + 40, y, dn)
    c.drawRightString(cols[2] + 40, y, up)
    c.drawRightString(cols[3] + 40, y, wc)
    c.drawRightString(cols[4], y, m(loss))
    y -= 13
tims = sum(g[4] for g in groups)
conc, house = 138000.00, 74500.00
req = tims + conc + house
c.line(L + 8, y + 9, R - 10, y + 9)
y -= 4
for label, v, bold in [('TIMS requirement (sum of class groups, exchange minimum)', tims, False),
                       ('Concentration add-on (largest position > 20% of NLV)', conc, False),
                       ('House add-on (liquidity / event risk)', house, False),
                       ('House portfolio margin requirement', req, True)]:
    c.setFont('Helvetica-Bold' if bold else 'Helvetica', 9)
    c.drawString(L + 8, y, label)
    c.drawRightString(R - 10, y, m(v))
    y -= 14
y -= 12

c.setFont('Helvetica-Bold', 10.5)
c.drawString(L, y, 'Margin Position')
c.line(L, y - 4, R, y - 4)
y -= 20
for label, v in [('Net liquidation value', m(nlv)), ('Less: house portfolio margin requirement', m(-req)),
                 ('Margin excess / (deficit)', m(nlv - req)),
                 ('Requirement as % of NLV', f'{req / nlv * 100:.2f}%'),
                 ('Outstanding calls', 'None')]:
    bold = label.startswith('Margin excess')
    c.setFont('Helvetica-Bold' if bold else 'Helvetica', 9)
    c.drawString(L + 8, y, label)
    c.drawRightString(R - 10, y, v)
    y -= 14

y -= 20
c.setFont('Helvetica', 7)
for line in ['Portfolio margin requirements are computed nightly with the OCC Theoretical Intermarket Margining System',
             'price scenarios; Bellwether may apply house add-ons at any time without notice. A deficit must be met by',
             'T+1. Figures in parentheses are debits or short values. Page 1 of 1.']:
    c.drawString(L, y, line)
    y -= 9
c.showPage()
c.save()
