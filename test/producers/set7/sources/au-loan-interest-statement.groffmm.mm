.\" Annual interest and tax statement of a margin loan (bad input: no margin figures), groff -mm -Tpdf.
.S 11
.ce
\fBSouthern Cross Bank \(em Margin Lending\fP
.S 8
.ce
Southern Cross Bank Limited ABN 00 000 000 000, GPO Box 0000, Melbourne VIC 3001
.S 11
.SP 2
.ce
\fBANNUAL INTEREST AND TAX STATEMENT\fP
.ce
Financial year 1 July 2025 to 30 June 2026
.SP 1.5
.nf
.ta 1.8i
Borrower	Priya & Daniel Fitzgerald ATF Fitzgerald Family Trust
Margin loan account	ML 3390 7715 02
Tax file number	Quoted (provided)
Date issued	7 December 2026
.fi
.SP 1.5
.P
This statement summarises the interest and fees charged on your margin loan during the financial year, to help
you or your tax adviser complete your tax return. It is not a statement of your loan or portfolio position.
.SP
.nf
.ta 5.8iR
Interest charged in arrears, 1 July 2025 to 30 June 2026	$21,846.37
Interest prepaid on 28 June 2026 for 1 July 2026 to 30 June 2027	$23,115.00
Less prepaid interest relating to the previous financial year	$0.00
Establishment and annual facility fees	$0.00
Total deductible interest and fees claimed this year (see note 2)	$44,961.37
.fi
.SP
.nf
.ta 5.8iR
Loan balance at 1 July 2025	$238,400.00
Loan balance at 30 June 2026	$275,112.40
Average variable interest rate for the year	8.62% p.a.
.fi
.SP 1.5
.S 9
.P
Note 1. Interest charged in arrears is generally deductible in the year it is incurred where the loan was used to
acquire income-producing investments. Note 2. Prepaid interest of up to 12 months may be deductible in the year it is
paid; please seek independent tax advice. Note 3. Amounts are in Australian dollars. Southern Cross Bank does not
provide tax advice; keep this statement with your tax records. Your monthly margin loan statements show your loan
balance, portfolio value and loan-to-value ratio.
