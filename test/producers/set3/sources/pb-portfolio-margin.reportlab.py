"""Prime-broker portfolio margin summary, one row per fund account (ReportLab canvas, landscape). The page is drawn
out of reading order, the way report engines emit it: column by column from the right, the totals before the rows,
the header last. Usage: python3 pb-portfolio-margin.reportlab.py OUT.pdf (needs Debian's python3-reportlab)."""
import sys
from reportlab.lib.pagesizes import letter, landscape
from reportlab.pdfgen import canvas

rows = [  # account, name, NLE, exchange (TIMS) requirement, house add-on
    ('7730114-01', 'HALCYON GLOBAL MACRO LP', 48215330.12, 9880450.00, 2525750.00),
    ('7730114-02', 'HALCYON RELATIVE VALUE LP', 22904118.55, 18442300.00, 5667700.00),
    ('7730114-03', 'HALCYON VOLATILITY OPPORTUNITIES', 9640002.30, 3990100.00, 522700.00),
    ('7730114-04', 'HALCYON CREDIT ALPHA FUND LTD', 15118764.00, 11006000.00, 4294250.00),
]


def money(v):
    return f'({abs(v):,.2f})' if v < 0 else f'{v:,.2f}'


c = canvas.Canvas(sys.argv[1], pagesize=landscape(letter))
c.setTitle('PM Margin Summary')
c.setAuthor('Prime Services Reporting')
W, H = landscape(letter)
cols = [('Call Amount', 752), ('House Excess / (Deficit)', 672), ('House Requirement', 582), ('House Add-on', 494),
        ('Exchange Req. (TIMS)', 416), ('Net Liquidating Equity', 318)]
top = H - 200
tot = [0.0] * 6
data = []
for acct, name, nle, exch, addon in rows:
    house = exch + addon
    excess = nle - house
    call = -excess if excess < 0 else 0.0
    vals = [call, excess, house, addon, exch, nle]
    tot = [a + b for a, b in zip(tot, vals)]
    data.append((acct, name, vals))
# totals first (bottom of the table)
ytot = top - 22 * len(rows) - 8
c.setFont('Helvetica-Bold', 8)
for (title, x), v in zip(cols, tot):
    c.drawRightString(x, ytot, money(v))
c.drawString(36, ytot, 'GROUP TOTAL')
c.line(36, ytot + 10, W - 36, ytot + 10)
# value columns, right to left, rows bottom-up
c.setFont('Helvetica', 8)
for ci, (title, x) in enumerate(cols):
    for ri in range(len(rows) - 1, -1, -1):
        c.drawRightString(x, top - 22 * ri, money(data[ri][2][ci]))
# account and name columns last
for ri, (acct, name, vals) in enumerate(data):
    c.drawString(104, top - 22 * ri, name)
    c.drawString(36, top - 22 * ri, acct)
# column headers
c.setFont('Helvetica-Bold', 7.5)
for title, x in cols:
    c.drawRightString(x, top + 20, title)
c.drawString(36, top + 20, 'Account')
c.drawString(104, top + 20, 'Account Name')
c.line(36, top + 14, W - 36, top + 14)
# header block
c.setFont('Helvetica', 8)
c.drawString(36, H - 150, 'Margin methodology: Portfolio Margin (TIMS) with house concentration, liquidity and stress add-ons.')
c.drawString(36, H - 162, 'All amounts in USD. Calls are due by 12:00 ET on the business day following the report date.')
c.drawRightString(W - 36, H - 110, 'Run: 05-Dec-2026 06:12 ET')
c.drawRightString(W - 36, H - 98, 'Base currency: USD')
c.drawRightString(W - 36, H - 86, 'As of close of business 4 December 2026')
c.drawString(36, H - 110, 'Relationship: HALCYON CAPITAL MANAGEMENT LP (group 7730114)')
c.drawString(36, H - 98, 'Prepared for: Treasury & Operations')
c.setFont('Helvetica-Bold', 13)
c.drawString(36, H - 60, 'Portfolio Margin Summary by Account')
c.setFont('Helvetica', 9)
c.drawString(36, H - 74, 'KESTREL PRIME SERVICES  |  Prime Brokerage Risk')
c.setFont('Helvetica', 6.5)
c.drawString(36, 40, 'House requirement = exchange (TIMS) requirement + house add-on. House excess = net liquidating equity - house requirement. '
             'A deficit is called. Confidential.')
c.drawRightString(W - 36, 40, 'Page 1 of 1')
c.showPage()
c.save()
for acct, name, vals in data:
    print(acct, vals)
