"""Singapore bank CFD & FX margin account daily statement (ReportLab canvas, A4, two pages; the second page is
scanned by generate.sh): page 1 the account header, the day's trades and the open positions; the account summary
(cash, unrealised P/L, net equity, initial and maintenance margin, excess, call) only on page 2, which repeats the
account and date in its header. Negatives in parentheses.
Usage: python3 sg-cfd-daily.reportlab-mixed.py OUT.pdf (needs Debian's python3-reportlab)."""
import sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def m(v):
    return f'({abs(v):,.2f})' if v < 0 else f'{v:,.2f}'


c = canvas.Canvas(sys.argv[1], pagesize=A4)
c.setTitle('CFD and FX Margin Account - Daily Statement')
W, H = A4
L, R = 46, W - 46


def header(page):
    c.setFont('Times-Bold', 17)
    c.drawString(L, H - 52, 'Merlion Harbour Bank')
    c.setFont('Times-Roman', 8)
    c.drawString(L, H - 64, 'Merlion Harbour Bank Ltd  |  Co. Reg. No. 000000000X  |  Capital Markets Services Licence CMS000000  |  10 Marina Boulevard, Singapore 018983')
    c.setFont('Times-Bold', 11)
    c.drawRightString(R, H - 52, 'CFD & FX Margin Account')
    c.setFont('Times-Roman', 9)
    c.drawRightString(R, H - 40, f'Page {page} of 2')
    c.setLineWidth(1)
    c.line(L, H - 72, R, H - 72)
    c.setFont('Times-Roman', 9.5)
    c.drawString(L, H - 88, 'Daily Statement for trading day')
    c.setFont('Times-Bold', 9.5)
    c.drawString(L + 140, H - 88, '07 Dec 2026')
    c.setFont('Times-Roman', 9.5)
    c.drawString(340, H - 88, 'CFD Account No.')
    c.setFont('Times-Bold', 9.5)
    c.drawString(425, H - 88, '882-104417-6')
    c.setFont('Times-Roman', 9.5)
    c.drawString(L, H - 101, 'Customer')
    c.drawString(L + 140, H - 101, 'Tan Wei Ming (CIF S7781203)')
    c.drawString(340, H - 101, 'Base currency')
    c.setFont('Times-Bold', 9.5)
    c.drawString(425, H - 101, 'SGD')
    c.setFont('Times-Roman', 9.5)
    c.drawString(L, H - 114, 'Settlement account')
    c.drawString(L + 140, H - 114, 'SGD current account 0-118-44210-9')
    c.drawString(340, H - 114, 'Issued')
    c.drawString(425, H - 114, '08 Dec 2026 05:30 SGT')


header(1)
y = H - 146
c.setFont('Times-Bold', 12)
c.drawString(L, y, 'Trades executed')
y -= 16
cols = [L, L + 62, L + 210, L + 250, L + 310, L + 380, R]
hd = ['Ref', 'Instrument', 'B/S', 'Quantity', 'Price', 'Ccy', 'Realised P/L (SGD)']
c.setFont('Times-Bold', 8.5)
for i, h in enumerate(hd):
    (c.drawRightString if i in (3, 4, 6) else c.drawString)(cols[i] + (40 if i in (3, 4) else 0), y, h)
y -= 4
c.setLineWidth(0.4)
c.line(L, y, R, y)
y -= 12
trades = [('T77120', 'DBS Group CFD', 'S', '2,000', '44.120', 'SGD', 1240.00),
          ('T77121', 'OCBC CFD', 'B', '5,000', '16.880', 'SGD', None),
          ('T77135', 'Keppel Corp CFD', 'S', '8,000', '7.015', 'SGD', -372.40),
          ('T77140', 'USD/SGD spot', 'B', '100,000', '1.3412', 'USD', None),
          ('T77151', 'Hang Seng Index Dec26', 'S', '2', '20,412', 'HKD', 508.30),
          ('T77163', 'Gold (XAU/USD)', 'B', '20', '2,648.10', 'USD', -96.55),
          ('T77170', 'Singtel CFD', 'B', '10,000', '3.420', 'SGD', None),
          ('T77188', 'EUR/USD spot', 'S', '50,000', '1.05420', 'USD', 214.75)]
c.setFont('Times-Roman', 8.5)
for t in trades:
    vals = list(t[:6]) + [m(t[6]) if t[6] is not None else 'open']
    for i, v in enumerate(vals):
        (c.drawRightString if i in (3, 4, 6) else c.drawString)(cols[i] + (40 if i in (3, 4) else 0), y, v)
    y -= 12
y -= 18
c.setFont('Times-Bold', 12)
c.drawString(L, y, 'Open positions (marked at 17:00 SGT)')
y -= 16
pc = [L, L + 150, L + 200, L + 270, L + 340, L + 420, R]
ph = ['Instrument', 'Side', 'Quantity', 'Open price', 'Mark price', 'Unrealised (SGD)', 'Margin (SGD)']
c.setFont('Times-Bold', 8.5)
for i, h in enumerate(ph):
    (c.drawString if i < 2 else c.drawRightString)(pc[i] if i < 2 else pc[i] + (0 if i == 6 else 40), y, h)
y -= 4
c.line(L, y, R, y)
y -= 12
pos = [('OCBC CFD', 'Long', '5,000', '16.880', '16.610', -1350.00, 16610.00),
       ('Singtel CFD', 'Long', '10,000', '3.420', '3.385', -350.00, 6770.00),
       ('USD/SGD spot', 'Long', '100,000', '1.3412', '1.3366', -460.00, 4009.80),
       ('Nikkei 225 Dec26', 'Short', '3', '38,120', '38,695', -4620.20, 9010.20)]
c.setFont('Times-Roman', 8.5)
for p in pos:
    vals = list(p[:5]) + [m(p[5]), m(p[6])]
    for i, v in enumerate(vals):
        (c.drawString if i < 2 else c.drawRightString)(pc[i] if i < 2 else pc[i] + (0 if i == 6 else 40), y, v)
    y -= 12
c.line(L, y + 8, R, y + 8)
c.setFont('Times-Bold', 8.5)
c.drawString(L, y - 2, 'Total open positions')
c.drawRightString(pc[5] + 40, y - 2, m(sum(p[5] for p in pos)))
c.drawRightString(R, y - 2, m(sum(p[6] for p in pos)))
y -= 30
c.setFont('Times-Italic', 8)
c.drawString(L, y, 'Margin shown per position is the initial margin. The account summary is on page 2.')
c.showPage()

header(2)
y = H - 150
c.setFont('Times-Bold', 13)
c.drawString(L, y, 'Account summary (SGD)')
y -= 8
c.line(L, y, R, y)
y -= 20
cash, upl = 152300.45, sum(p[5] for p in pos)
eq = round(cash + upl, 2)
im = sum(p[6] for p in pos)
mm = round(im * 0.75, 2)
rows = [('Cash balance brought forward (04 Dec 2026)', m(151020.35)), ('Realised P/L today', m(1494.10)),
        ('Commissions and financing', m(-214.00)), ('Cash balance', m(cash)), ('Unrealised P/L on open positions', m(upl)),
        ('Net equity', m(eq)), ('Initial margin requirement', m(im)), ('Maintenance margin requirement', m(mm)),
        ('Excess over maintenance margin', m(eq - mm)), ('Margin utilisation (maintenance / net equity)', f'{mm / eq * 100:.2f}%'),
        ('Margin call', 'Nil')]
for label, v in rows:
    bold = label in ('Cash balance', 'Net equity', 'Excess over maintenance margin', 'Margin call')
    c.setFont('Times-Bold' if bold else 'Times-Roman', 11)
    c.drawString(L + 10, y, label)
    c.drawRightString(R - 60, y, v)
    y -= 19
y -= 20
c.setFont('Times-Roman', 8)
for line in ['Net equity = cash balance + unrealised P/L. If net equity falls below the maintenance margin requirement a margin call is issued and',
             'must be met by 12:00 SGT on the next business day; positions may be closed out without notice if net equity falls below 50% of it.',
             'Trading in CFDs and leveraged FX carries a high level of risk. This statement is computer-generated and requires no signature.']:
    c.drawString(L, y, line)
    y -= 10
c.showPage()
c.save()
