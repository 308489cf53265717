"""Russian futures (FORTS-style) client statement, Cyrillic only, drawn with ReportLab and DejaVu Sans embedded:
net liquidating value as 'стоимость портфеля', original (initial) margin as 'гарантийное обеспечение', the day's
variation margin, free funds over the initial margin. Usage: python3 ru-futures.reportlab.py OUT.pdf"""
import sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

pdfmetrics.registerFont(TTFont('DV', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'))
pdfmetrics.registerFont(TTFont('DVB', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'))


def rub(v):
    s = f'{abs(v):,.2f}'.replace(',', ' ').replace('.', ',')
    return ('-' if v < 0 else '') + s


W, H = A4
c = canvas.Canvas(sys.argv[1], pagesize=A4)
c.setTitle('Отчёт брокера по срочному рынку')
y = H - 50


def t(x, s, size=9, bold=False, right=False):
    c.setFont('DVB' if bold else 'DV', size)
    (c.drawRightString if right else c.drawString)(x, y, s)


t(40, 'АО «Северная Брокерская Компания»', 13, True); y -= 13
t(40, 'Лицензия профессионального участника № 000-00000-100000 · 191186, Санкт-Петербург, Невский пр., 28', 7); y -= 28
t(40, 'Отчёт брокера по срочному рынку за торговый день', 12, True); y -= 22
for a, b, a2, b2 in [('Клиент:', 'Соколов Андрей Викторович', 'Торговый день:', '07.12.2026'),
                     ('Договор:', '№ БО-2291/24 от 14.03.2024', 'Дата формирования:', '08.12.2026 02:10'),
                     ('Торговый счёт (код клиента):', '7F04KS', 'Валюта отчёта:', 'российский рубль (RUB)'),
                     ('Регистрационный код ФОРТС:', 'A712', '', '')]:
    t(40, a); t(195, b); t(350, a2); t(455, b2); y -= 13
y -= 14
t(40, 'Открытые позиции', 10, True); y -= 14
cols = [(40, 'Контракт'), (200, 'Позиция'), (290, 'Расч. цена'), (372, 'Вар. маржа за день'), (485, 'ГО на позицию')]
for x, s in cols:
    t(x, s, 8, True)
y -= 12
pos = [('Si-12.26 (доллар/рубль)', '+40', '91 254', 38400.00, 498000.00),
       ('RTS-12.26 (индекс РТС)', '-12', '112 730', -61250.00, 742600.00),
       ('BR-1.27 (нефть Brent)', '+25', '73,41', 14120.50, 356400.00),
       ('GAZR-12.26 (Газпром)', '+150', '13 284', -9870.00, 203000.00)]
vm = sum(p[3] for p in pos)
go = sum(p[4] for p in pos)
for n, q, pr, v, g in pos:
    t(40, n, 8); t(230, q, 8, right=True); t(350, pr, 8, right=True); t(460, rub(v), 8, right=True); t(550, rub(g), 8, right=True); y -= 12
c.line(40, y + 8, 555, y + 8)
t(40, 'Итого', 8, True); t(460, rub(vm), 8, True, True); t(550, rub(go), 8, True, True); y -= 30

t(40, 'Денежные средства и обеспечение, руб.', 10, True); y -= 16
open_bal = 4118600.00
fee = -2180.40
close_bal = open_bal + vm + fee
mm = round(go * 0.5, 2)
free = close_bal - go
rows = [('Входящий остаток денежных средств', open_bal), ('Вариационная маржа за торговый день', vm),
        ('Биржевой и брокерский сбор', fee), ('Исходящий остаток денежных средств', close_bal),
        ('Стоимость портфеля (ликвидационная стоимость)', close_bal),
        ('Гарантийное обеспечение (начальная маржа)', go), ('Минимальная маржа', mm),
        ('Свободные средства (сверх начальной маржи)', free)]
for lab, v in rows:
    b = lab.startswith('Стоимость') or lab.startswith('Свободные')
    t(40, lab, 9, b); t(420, rub(v), 9, b, True); y -= 14
t(40, 'Требование о внесении маржи (маржин-колл)', 9); t(420, 'отсутствует', 9, right=True); y -= 26
c.setFont('DV', 7)
for s in ['Стоимость портфеля на срочном рынке равна исходящему остатку: фьючерсы переоцениваются',
          'ежедневно через вариационную маржу.',
          'Минимальная маржа составляет 50% гарантийного обеспечения; при снижении стоимости портфеля',
          'ниже минимальной маржи позиции закрываются принудительно.',
          'Код клиента 7F04KS является торговым счётом; номер договора и регистрационный код не являются номерами счёта.']:
    c.drawString(40, y, s); y -= 10
c.save()
print(vm, go, close_bal, mm, free)
