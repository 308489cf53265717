"""Prime brokerage cross-margin summary for one fund (ReportLab canvas, portrait): balances, a requirement by product
(equities, listed options, futures, stock borrow) with a cross-margin offset netted into one house requirement, the
securities-lending collateral the fund posted and received, and a legal-entity footer. Figures in brackets are
negative. Usage: python3 pb-cross-margin.reportlab.py OUT.pdf (needs Debian's python3-reportlab)."""
import sys
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas


def money(v):
    return f'({abs(v):,.2f})' if v < 0 else f'{v:,.2f}'


c = canvas.Canvas(sys.argv[1], pagesize=letter)
c.setTitle('Cross-Margin Summary')
c.setAuthor('Prime Services Margin')
W, H = letter
c.setFont('Helvetica-Bold', 15)
c.drawString(50, H - 60, 'HARBOURVIEW PRIME SERVICES')
c.setFont('Helvetica', 8.5)
c.drawString(50, H - 74, 'Prime Brokerage | Securities Lending | Futures Clearing  -  cross-margin agreement CMA-7731 dated 14 March 2024')
c.setLineWidth(1.2)
c.line(50, H - 82, W - 50, H - 82)
c.setFont('Helvetica-Bold', 12)
c.drawString(50, H - 104, 'Cross-Margin Summary')
c.setFont('Helvetica', 9)
head = [('Client', 'ASHGROVE L/S MASTER FUND LP'), ('Prime account', '40218-PB'),
        ('Futures sub-account', 'F-40218-3 (included below)'), ('Stock loan account', 'SL-40218 (included below)'),
        ('Valuation date', 'Friday 04-Dec-2026'), ('Run', '05-Dec-2026 03:17 ET'), ('Currency', 'USD')]
y = H - 124
for i, (k, v) in enumerate(head):
    x = 50 if i % 2 == 0 else 330
    c.setFont('Helvetica', 9)
    c.drawString(x, y, k)
    c.setFont('Helvetica-Bold', 9)
    c.drawString(x + 105, y, v)
    if i % 2 == 1:
        y -= 14
y -= 24


def section(title, rows, y):
    c.setFont('Helvetica-Bold', 10)
    c.drawString(50, y, title)
    c.line(50, y - 4, W - 50, y - 4)
    y -= 18
    for label, val, bold in rows:
        c.setFont('Helvetica-Bold' if bold else 'Helvetica', 9)
        c.drawString(60, y, label)
        c.drawRightString(W - 60, y, val)
        y -= 14
    return y - 10


cash, lmv, smv = 12480330.12, 84216900.00, -41338250.00
equity = cash + lmv + smv
y = section('Balances (all products)', [
    ('Cash balance (net of stock borrow cash collateral)', money(cash), False),
    ('Long market value', money(lmv), False),
    ('Short market value', money(smv), False),
    ('Net equity', money(equity), True)], y)
prod = [('Equities (risk-based)', 9842100.00, 8515400.00), ('Listed equity options', 1204560.00, 1012800.00),
        ('Futures (cross-margined)', 2310000.00, 2100000.00), ('Stock borrow mark-to-market', 612400.00, 0.0)]
c.setFont('Helvetica-Bold', 10)
c.drawString(50, y, 'Requirement by product')
c.line(50, y - 4, W - 50, y - 4)
y -= 18
c.setFont('Helvetica-Oblique', 8.5)
c.drawString(60, y, 'Product')
c.drawRightString(W - 190, y, 'Exchange / regulatory')
c.drawRightString(W - 60, y, 'House')
y -= 14
for name, house, exch in prod:
    c.setFont('Helvetica', 9)
    c.drawString(60, y, name)
    c.drawRightString(W - 190, y, money(exch) if exch else '-')
    c.drawRightString(W - 60, y, money(house))
    y -= 14
gross = sum(p[1] for p in prod)
offset = -1874220.00
house = gross + offset
exch_tot = 10412300.00
for label, ex, ho, bold in [('Gross requirement', '', money(gross), False),
                            ('Cross-margin offset (futures vs. equity hedges)', '', money(offset), False),
                            ('Net requirement', money(exch_tot), money(house), True)]:
    c.setFont('Helvetica-Bold' if bold else 'Helvetica', 9)
    c.drawString(60, y, label)
    if ex:
        c.drawRightString(W - 190, y, ex)
    c.drawRightString(W - 60, y, ho)
    y -= 14
y -= 10
y = section('Margin position', [
    ('Net equity', money(equity), False),
    ('House requirement (net of cross-margin offset)', money(house), False),
    ('Excess / (deficit) over house requirement', money(equity - house), True),
    ('Margin call', 'None', False)], y)
y = section('Securities lending collateral (memo, not included above)', [
    ('Cash collateral posted on borrows (102%)', money(42165015.00), False),
    ('Non-cash collateral received on loans (105%)', money(6930000.00), False),
    ('Rebate accrued month to date', money(-118402.67), False)], y)
c.setFont('Helvetica', 7.5)
c.drawString(50, 60, 'Harbourview Prime Services LLC, member FINRA/SIPC. Futures cleared by Harbourview Futures LLC, an FCM. '
             'Requirements are house requirements unless stated.')
c.drawString(50, 50, 'Cross-margin offsets are recalculated daily and may be withdrawn at the firm\'s discretion. Page 1 of 1')
c.showPage()
c.save()

