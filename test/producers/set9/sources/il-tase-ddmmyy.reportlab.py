"""Israeli TASE member's daily margin account statement in English (ReportLab canvas). Every line of the page is
drawn inside one Form XObject (canvas.beginForm / doForm), and the text is set in DejaVu Sans embedded from its TTF
file (a subset CID font, Identity-H), so the shekel sign and the minus come through. Dates DD.MM.YY, ILS with a
leading shekel sign, a bank branch / account, the client's ID number and the previous trading day beside the
margin account. Usage: /usr/bin/python3 il-tase-ddmmyy.reportlab.py OUT.pdf"""
import sys

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

pdfmetrics.registerFont(TTFont('DV', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'))
pdfmetrics.registerFont(TTFont('DVB', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'))


def ils(v):
    return ('\u20aa -' if v < 0 else '\u20aa ') + f'{abs(v):,.2f}'


W, H = A4
c = canvas.Canvas(sys.argv[1], pagesize=A4)
c.setTitle('Margin account statement')
c.setProducer('ReportLab PDF Library - www.reportlab.com')
c.beginForm('page')
L, R = 48, W - 48
y = H - 60


def t(x, yy, s, size=9, bold=False, right=False):
    c.setFont('DVB' if bold else 'DV', size)
    (c.drawRightString if right else c.drawString)(x, yy, s)


t(L, y, 'Carmel Investment House Ltd.', 16, True)
t(R, y, 'TASE Member No. 1142', 8, right=True)
y -= 14
t(L, y, '3 Ha\'Arba\'a St., Tel Aviv 6473903  |  Service centre *2477 / +972-3-555-0147  |  carmel-ih.example', 7.5)
c.setLineWidth(1.2)
c.line(L, y - 6, R, y - 6)
y -= 30
t(L, y, 'MARGIN ACCOUNT STATEMENT \u2013 DAILY', 12, True)
y -= 22
hdr = [('Account holder', 'Nahalal Growth Partners L.P.', 'Value date', '07.12.26'),
       ('Client ID no.', '514 882 193', 'Previous trading day', '04.12.26'),
       ('Margin account', '117-604128/52', 'Produced', '08.12.26 06:12'),
       ('Bank / branch / account', '12 / 611 / 408812', 'Currency', 'ILS (New Israeli Shekel)')]
for a, b, d, e in hdr:
    t(L, y, a, 8.5)
    t(L + 120, y, b, 8.5, True)
    t(330, y, d, 8.5)
    t(440, y, e, 8.5, True)
    y -= 13
y -= 8
c.setLineWidth(0.5)
c.line(L, y, R, y)
y -= 16
t(L, y, 'Securities positions (TASE, valued at closing prices 07.12.26)', 10, True)
y -= 15
cols = [L, 200, 270, 350, 430, R]
t(L, y, 'Security', 8, True)
t(270, y, 'Quantity', 8, True, True)
t(350, y, 'Close (ILA)', 8, True, True)
t(430, y, 'Value', 8, True, True)
t(R, y, 'Maint. %', 8, True, True)
y -= 12
pos = [('TEVA  (629014)', 21000, 6420.0, 30), ('NICE  (273011)', 1900, 61850.0, 30),
       ('ELBIT SYSTEMS  (1081124)', 650, 118900.0, 30), ('BANK LEUMI  (604611)', 41000, 4562.0, 25),
       ('ICL GROUP  (281014)', -26000, 1950.0, 35), ('TOWER SEMI  (1082379)', -2500, 16060.0, 40)]
longv = shortv = maint = 0.0
for name, q, px, pct in pos:
    v = q * px / 100  # agorot -> shekels
    if v > 0:
        longv += v
    else:
        shortv += v
    maint += abs(v) * pct / 100
    t(L, y, name, 8)
    t(270, y, f'{q:,}', 8, right=True)
    t(350, y, f'{px:,.2f}', 8, right=True)
    t(430, y, ils(v), 8, right=True)
    t(R, y, f'{pct} %', 8, right=True)
    y -= 11
cash = -412380.55
equity = cash + longv + shortv
excess = equity - maint
y -= 14
c.line(L, y + 8, R, y + 8)
t(L, y - 4, 'Margin position', 10, True)
t(430, y - 4, '07.12.26', 8, True, True)
t(R, y - 4, '04.12.26', 8, True, True)
y -= 18
prev = {'cash': -409110.30, 'long': 5102340.00, 'short': -921180.00}
prev['eq'] = prev['cash'] + prev['long'] + prev['short']
prev['mm'] = 1781946.00
rows = [('Cash balance (credit / \u2013debit)', cash, prev['cash']),
        ('Long securities value', longv, prev['long']),
        ('Short securities value', shortv, prev['short']),
        ('Net equity', equity, prev['eq']),
        ('Maintenance margin requirement', maint, prev['mm']),
        ('Margin surplus / \u2013deficit', excess, prev['eq'] - prev['mm'])]
for lab, v, p in rows:
    t(L, y, lab, 9, lab == 'Net equity')
    t(430, y, ils(v), 9, lab == 'Net equity', True)
    t(R, y, ils(p), 8.5, right=True)
    y -= 14
t(L, y, 'Margin call', 9)
t(430, y, 'None', 9, right=True)
t(R, y, 'None', 8.5, right=True)
y -= 14
t(L, y, 'Equity ratio (net equity / long value)', 9)
t(430, y, f'{equity / longv * 100:.2f} %', 9, right=True)
y -= 28
c.setFont('DV', 7)
for line in ['Shares are valued in agorot (ILA, 1/100 shekel); values are shown in shekels. The margin requirement is the Carmel house',
             'requirement: the percentage of each position\'s value shown above. A deficit must be covered by 14:00 on the next trading day.',
             'Interest on the debit balance is charged at prime + 1.50 % and posted on the last trading day of the month (31.12.26).',
             'Questions: margin desk *2477 ext. 3, margin@carmel-ih.example. This statement was produced automatically and needs no signature.']:
    c.drawString(L, y, line)
    y -= 9
c.endForm()
c.doForm('page')
c.showPage()
c.save()
print(f'cash {cash:.2f} long {longv:.2f} short {shortv:.2f} equity {equity:.2f} maint {maint:.2f} excess {excess:.2f}', file=sys.stderr)
