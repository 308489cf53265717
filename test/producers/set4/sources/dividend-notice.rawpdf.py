"""Bad input: a dividend payment advice (account, record and payment dates, gross dividend, withholding tax, net
amount credited); no margin figures. Raw PDF by hand like it-estratto. Usage: PYTHONPATH=test/producers python3 dividend-notice.rawpdf.py OUT.pdf"""
import sys

from rawpdf import write_pdf

L = 60
p = [('b', L, 70, 15, 'Northgate Custody & Brokerage'), ('t', L, 86, 8, 'Corporate Actions Department - 400 Pine Street, Seattle WA 98101'),
     ('b', L, 130, 13, 'DIVIDEND PAYMENT ADVICE'),
     ('t', L, 160, 10, 'Account holder'), ('t', 200, 160, 10, 'Okonkwo Family Trust'),
     ('t', L, 175, 10, 'Account number'), ('t', 200, 175, 10, '5513-40877'),
     ('t', L, 190, 10, 'Account type'), ('t', 200, 190, 10, 'Individual - Margin'),
     ('t', L, 205, 10, 'Advice date'), ('t', 200, 205, 10, 'December 7, 2026'),
     ('rule', L, 222, 475, 0.8),
     ('t', L, 245, 10, 'Security'), ('t', 200, 245, 10, 'Cascade Utilities Corp. common stock (CUSIP 000000AB1)'),
     ('t', L, 260, 10, 'Ex-dividend date'), ('t', 200, 260, 10, 'November 16, 2026'),
     ('t', L, 275, 10, 'Record date'), ('t', 200, 275, 10, 'November 17, 2026'),
     ('t', L, 290, 10, 'Payment date'), ('t', 200, 290, 10, 'December 4, 2026'),
     ('t', L, 305, 10, 'Shares held on record date'), ('r', 330, 305, 10, '12,400'),
     ('t', L, 320, 10, 'Rate per share (USD)'), ('r', 330, 320, 10, '0.4150'),
     ('rule', L, 335, 475, 0.5),
     ('t', L, 355, 10, 'Gross dividend'), ('r', 480, 355, 10, '5,146.00'),
     ('t', L, 370, 10, 'Foreign tax withheld'), ('r', 480, 370, 10, '0.00'),
     ('t', L, 385, 10, 'Federal tax withheld (backup withholding)'), ('r', 480, 385, 10, '0.00'),
     ('b', L, 405, 10, 'Net amount credited to your account'), ('r', 480, 405, 10, '5,146.00'),
     ('t', L, 440, 9, 'The net amount was credited to your account on the payment date. Dividends paid on shares held in a'),
     ('t', L, 452, 9, 'margin-type account may be reported as substitute payments if the shares were lent; none were lent.'),
     ('t', L, 464, 9, 'This advice is not a statement of account. Keep it for your tax records.')]
write_pdf(sys.argv[1], [p])
