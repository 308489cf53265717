"""Daily margin summary for a household with two margin accounts, one account per page (ReportLab canvas, letter).
Each page is drawn values first, then labels, in a shuffled but fixed order. Page 2 is scanned by generate.sh
(producer suffix -mixed). Usage: python3 two-accounts.reportlab-mixed.py OUT.pdf (Debian's python3-reportlab)."""
import sys
import random
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

accounts = [
    ('6620-1185', 'Individual', 'ELEANOR GARRISON', {
        'Cash Balance': 25480.10, 'Long Market Value': 540200.00, 'Short Market Value': -48900.00,
        'Total Equity': 516780.10, 'Maintenance Requirement': 172360.00, 'Maintenance Excess/(Deficit)': 344420.10,
        'SMA': 96410.00, 'Margin Buying Power': 192820.00, 'Day Trading Buying Power': 1377680.40},
     [('House Call', None), ('Fed Call', None), ('Exchange Call', None)]),
    ('6620-1193', 'Revocable Trust', 'GARRISON FAMILY REVOCABLE TRUST', {
        'Cash Balance': -132005.75, 'Long Market Value': 288640.00, 'Short Market Value': 0.00,
        'Total Equity': 156634.25, 'Maintenance Requirement': 171900.00, 'Maintenance Excess/(Deficit)': -15265.75,
        'SMA': 0.00, 'Margin Buying Power': 0.00, 'Day Trading Buying Power': 0.00},
     [('House Call', 15265.75), ('Fed Call', None), ('Exchange Call', None)]),
]


def money(v):
    return f'(${abs(v):,.2f})' if v < 0 else f'${v:,.2f}'


W, H = letter
c = canvas.Canvas(sys.argv[1], pagesize=letter)
c.setTitle('Daily Margin Summary')
rng = random.Random(6620)
for page, (acct, kind, owner, vals, calls) in enumerate(accounts, 1):
    items = []
    labels = list(vals)
    for i, label in enumerate(labels):
        col, row = i % 2, i // 2
        x, y = 54 + col * 270, H - 250 - row * 26
        items.append(('v', x + 236, y, money(vals[label])))
        items.append(('l', x, y, label))
    for i, (label, amount) in enumerate(calls):
        y = H - 450 - i * 18
        items.append(('l', 54, y, label))
        items.append(('v', 290, y, 'None' if amount is None else money(amount)))
        items.append(('l', 320, y, '' if amount is None else 'Due 12/08/2026'))
    rng.shuffle(items)
    for kindv, x, y, text in items:
        if kindv == 'v':
            c.setFont('Helvetica', 10)
            c.drawRightString(x, y, text)
        else:
            c.setFont('Helvetica', 9.5)
            c.drawString(x, y, text)
    c.setFont('Helvetica-Bold', 11)
    c.drawString(54, H - 425, 'Margin Calls')
    c.drawString(54, H - 222, 'Balances')
    c.setFont('Helvetica', 9)
    c.drawString(54, H - 150, f'Account: {acct}  ({kind})')
    c.drawString(54, H - 163, owner)
    c.drawString(54, H - 176, 'Household: GARRISON FAMILY  HH-6620')
    c.drawRightString(W - 54, H - 150, 'As of: 12/04/2026')
    c.drawRightString(W - 54, H - 163, 'Currency: USD')
    c.drawRightString(W - 54, H - 176, 'Printed: 12/05/2026 07:30 AM ET')
    c.setFont('Helvetica-Bold', 15)
    c.drawString(54, H - 80, 'Daily Margin Summary')
    c.setFont('Helvetica', 9)
    c.drawString(54, H - 96, 'Ridgeway Brokerage Services  |  Member FINRA / SIPC')
    c.setFont('Helvetica', 7)
    c.drawString(54, 60, 'Maintenance excess is total equity less the maintenance requirement. Buying power assumes Regulation T 50% initial margin.')
    c.drawString(54, 50, 'A house call must be met by the due date shown; positions may be liquidated without notice.')
    c.drawRightString(W - 54, 50, f'Page {page} of {len(accounts)}')
    c.showPage()
c.save()
