.nr Pt 10
.nr Pi 0
.ds HF 3 3 3
.S 10 13
.ad l
.PH ""
\s+4\fBLiffey Quay Stockbrokers DAC\fP\s0
.br
2 Grand Canal Square, Dublin 2, D02 A342 \(em regulated by the Central Bank of Ireland
.sp 2
Ms Siobhán Ní Bhriain
.br
14 Orwell Park Grove
.br
Rathgar, Dublin 6
.sp 1.5
Monday, 7th December 2026
.sp 1
Our reference: MC/26/11873
.sp 1.5
\fBMargin call notice \(em account IE-55120-7\fP
.sp 1
Dear Ms Ní Bhriain,
.P
We write to tell you that your margin trading account IE-55120-7 no longer meets our maintenance requirement.
At the close of business on Friday, 4th December 2026, your holdings were valued at
\[Eu]224,385.00 and your cash account showed a balance of \[Eu]61,904.80 DR, so that the net equity in the
account stood at \[Eu]162,480.20.
.P
Against this, the maintenance margin we require on your positions at that date was \[Eu]187,300.00. Your account
therefore shows a deficit of \[Eu]24,819.80 below the maintenance requirement (shown on your daily statement as
excess \[Eu]24,819.80 DR).
.P
We therefore call on you to pay \fB\[Eu]24,819.80\fP into your account, or to reduce your positions by enough to
remove the deficit, by 4 p.m. on Tuesday, 8th December 2026. If the call is not met by then, we may sell some or
all of your holdings without further notice, as clause 11.4 of our Margin Trading Terms allows.
.P
For comparison, on Thursday, 3rd December 2026 your net equity was \[Eu]191,055.60 against a requirement of
\[Eu]186,950.00 and no call was due.
.P
All amounts are in euro (EUR). If you have already paid, please disregard this notice. You can reach the margin desk
on +353 1 555 0142 between 8 a.m. and 6 p.m.
.sp 1.5
Yours sincerely,
.sp 2
Ciarán Moloney
.br
Head of Margin Services
.br
Liffey Quay Stockbrokers DAC
