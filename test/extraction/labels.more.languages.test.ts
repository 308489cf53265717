import { describe, expect, it } from 'vitest';
import { matchLabel } from '../../src/extraction/labels/label.matcher.ts';
import { labelClarity } from '../../src/extraction/solver/label.clarity.ts';

// Labels as brokers in each market might print them (our own wording, not any test document's).
const cases: Record<string, [label: string, field: string][]> = {
  Danish: [
    ['Egenkapital i alt', 'total_equity'],
    ['Vedligeholdelseskrav', 'maintenance_requirement'],
    ['Startmargin', 'initial_requirement'],
    ['Marginoverskud', 'excess_liquidity'],
    ['Marginopkald', 'margin_call'],
    ['Købekraft', 'buying_power'],
    ['Kontantbeholdning', 'cash_balance'],
    ['Lange positioner, markedsværdi', 'long_market_value'],
    ['Korte positioner', 'short_market_value'],
    ['Opgørelsesdato', 'date'],
  ],
  Norwegian: [
    ['Netto likvidasjonsverdi', 'total_equity'],
    ['Vedlikeholdsmargin', 'maintenance_requirement'],
    ['Overdekning', 'excess_liquidity'],
    ['Marginoppkall', 'margin_call'],
    ['Kjøpekraft', 'buying_power'],
    ['Lange posisjoner', 'long_market_value'],
    ['Verdsettelsesdato', 'date'],
  ],
  Finnish: [
    ['Tilin nettoarvo', 'total_equity'],
    ['Ylläpitovakuus', 'maintenance_requirement'],
    ['Alkuvakuusvaatimus', 'initial_requirement'],
    ['Vakuusylijäämä', 'excess_liquidity'],
    ['Lisävakuusvaatimus', 'margin_call'],
    ['Ostovoima', 'buying_power'],
    ['Käteissaldo', 'cash_balance'],
    ['Tilinumero', 'account'],
    ['Valuutta', 'currency'],
  ],
  Turkish: [
    ['ÖZKAYNAK', 'total_equity'],
    ['Net Portföy Değeri', 'total_equity'],
    ['İdame Teminatı', 'maintenance_requirement'],
    ['BAŞLANGIÇ TEMİNATI', 'initial_requirement'],
    ['Teminat Fazlası', 'excess_liquidity'],
    ['Marj Çağrısı', 'margin_call'],
    ['Alım Gücü', 'buying_power'],
    ['Nakit Bakiyesi', 'cash_balance'],
    ['Kısa pozisyonlar', 'short_market_value'],
    ['Hesap Numarası', 'account'],
    ['Rapor Tarihi', 'date'],
    ['Para Birimi', 'currency'],
  ],
  Czech: [
    ['Čistá likvidační hodnota účtu', 'total_equity'],
    ['Udržovací požadavek', 'maintenance_requirement'],
    ['Vstupní marže', 'initial_requirement'],
    ['Přebytek marže', 'excess_liquidity'],
    ['Výzva k doplnění zajištění', 'margin_call'],
    ['Kupní síla', 'buying_power'],
    ['Peněžní prostředky', 'cash_balance'],
    ['Dlouhé pozice', 'long_market_value'],
    ['Cislo uctu', 'account'],
    ['Datum ocenění', 'date'],
  ],
  Hungarian: [
    ['Nettó likvidációs érték', 'total_equity'],
    ['Fenntartási letét', 'maintenance_requirement'],
    ['Kezdő letét', 'initial_requirement'],
    ['Fedezeti többlet', 'excess_liquidity'],
    ['Pótlási felhívás', 'margin_call'],
    ['Vásárlóerő', 'buying_power'],
    ['Készpénz egyenleg', 'cash_balance'],
    ['Short pozíciók', 'short_market_value'],
    ['Számla száma', 'account'],
    ['Pénznem', 'currency'],
  ],
  Russian: [
    ['ЛИКВИДАЦИОННАЯ СТОИМОСТЬ', 'total_equity'],
    ['Маржа поддержания', 'maintenance_requirement'],
    ['Начальная маржа', 'initial_requirement'],
    ['Избыток обеспечения', 'excess_liquidity'],
    ['Маржин-колл', 'margin_call'],
    ['Покупательная способность', 'buying_power'],
    ['Денежные средства', 'cash_balance'],
    ['Короткие позиции', 'short_market_value'],
    ['Номер счёта', 'account'],
    ['Дата отчёта', 'date'],
    ['Валюта счёта', 'currency'],
  ],
  Greek: [
    ['ΚΑΘΑΡΗ ΑΞΙΑ ΛΟΓΑΡΙΑΣΜΟΥ', 'total_equity'],
    ['Περιθώριο διατήρησης', 'maintenance_requirement'],
    ['Αρχικό περιθώριο', 'initial_requirement'],
    ['Πλεόνασμα περιθωρίου', 'excess_liquidity'],
    ['Απαίτηση κάλυψης', 'margin_call'],
    ['Αγοραστική δύναμη', 'buying_power'],
    ['Χρηματικό υπόλοιπο', 'cash_balance'],
    ['Θέσεις αγοράς', 'long_market_value'],
    ['Αριθμός λογαριασμού', 'account'],
    ['Ημερομηνία αναφοράς', 'date'],
    ['Νόμισμα', 'currency'],
  ],
  Indonesian: [
    ['Nilai Ekuitas', 'total_equity'],
    ['Margin Pemeliharaan', 'maintenance_requirement'],
    ['Jaminan Awal', 'initial_requirement'],
    ['Kelebihan Jaminan', 'excess_liquidity'],
    ['Panggilan Margin', 'margin_call'],
    ['Daya Beli', 'buying_power'],
    ['Saldo Tunai', 'cash_balance'],
    ['Nomor Rekening Efek', 'account'],
    ['Tanggal Laporan', 'date'],
    ['Mata Uang', 'currency'],
  ],
  Vietnamese: [
    ['Giá trị tài sản ròng', 'total_equity'],
    ['Ký quỹ duy trì', 'maintenance_requirement'],
    ['Ky quy ban dau', 'initial_requirement'],
    ['Thặng dư ký quỹ', 'excess_liquidity'],
    ['Yêu cầu bổ sung ký quỹ', 'margin_call'],
    ['SỨC MUA', 'buying_power'],
    ['Tiền mặt', 'cash_balance'],
    ['Số tài khoản', 'account'],
    ['Ngày báo cáo', 'date'],
    ['Loại tiền', 'currency'],
  ],
};

describe('margin labels in Danish, Norwegian, Finnish, Turkish, Czech, Hungarian, Russian, Greek, Indonesian, Vietnamese', () => {
  for (const [language, rows] of Object.entries(cases))
    it.each(rows)(`${language}: reads %s as %s`, (label, field) => {
      expect(matchLabel(label)?.target).toBe(field);
    });

  it('reads a deficit as the negated excess', () => {
    for (const label of ['Teminat açığı', 'Nedostatek marže', 'Fedezethiány', 'Дефицит обеспечения', 'Vakuusvaje'])
      expect(matchLabel(label)?.negate, label).toBe(true);
  });

  it('keeps prior-period, print-date and ratio labels away from the figures', () => {
    for (const label of [
      'Önceki gün özkaynak',
      'Předchozí vlastní kapitál',
      'Előző napi saját tőke',
      'Ликвидационная стоимость за предыдущий день',
      'Καθαρή αξία προηγούμενης ημέρας',
      'Ekuitas hari sebelumnya',
      'Tài sản ròng kỳ trước',
      'Egenkapital forrige måned',
      'Özkaynak oranı',
    ])
      expect(matchLabel(label)?.target, label).not.toBe('total_equity');
    for (const label of [
      'Datum tisku',
      'Дата формирования',
      'Ημερομηνία εκτύπωσης',
      'Tanggal cetak',
      'Ngày in',
      'Udskrevet',
    ])
      expect(matchLabel(label)?.target, label).not.toBe('date');
  });

  it('reads an excess over its basis whether the language puts `over` before or after the basis', () => {
    for (const label of [
      'Overskudd utover vedlikeholdsmargin',
      'Přebytek nad udržovací marží',
      'Kezdeti letét feletti többlet',
      'İdame teminatı üzeri fazla',
      'Избыток сверх минимальной маржи',
    ]) {
      expect(matchLabel(label)?.target, label).toBe('excess_liquidity');
      expect(labelClarity(label, 'excess_liquidity').clear, label).toBe(true);
      expect(labelClarity(label, 'maintenance_requirement').clear, label).toBe(false);
    }
  });

  it('reads a label past a qualifier in parentheses, unless the qualifier names another figure', () => {
    expect(matchLabel('Kjøpekraft (lånerammer)')?.target).toBe('buying_power');
    expect(matchLabel('Egenkapital (netto formue)')?.target).toBe('total_equity');
    expect(matchLabel('Egenkapital (forrige måned)')).toBeNull();
    expect(matchLabel('Net liquidation value (prior day)')).toBeNull();
    expect(matchLabel('Futures contract (long) Brent')).toBeNull();
    expect(matchLabel('Vedligeholdelsesmargin (30%)')).toBeNull();
  });

  it("keeps a distractor that folds onto another language's word from blocking it", () => {
    expect(matchLabel('Valor de mercado de posiciones largas')?.target).toBe('long_market_value');
    expect(matchLabel('Valör tarihi')?.target).not.toBe('date');
  });

  it('takes an account label with the words of the account kind beside it', () => {
    expect(matchLabel('Kredili hesap no')?.target).toBe('account');
    expect(matchLabel('Торговый счёт (код клиента)')?.target).toBe('account');
  });
});
