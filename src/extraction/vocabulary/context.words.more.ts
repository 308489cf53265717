/**
 * The context words of `fields.context.ts` in Danish, Norwegian, Finnish, Turkish, Czech, Hungarian, Russian,
 * Greek, Indonesian and Vietnamese, written with their letters: every list is compared folded.
 */

/** A current column or row (`i dag`, `Сегодня`, `Hôm nay`). */
export const MORE_CURRENT_WORDS: readonly string[] = [
  'i dag',
  'tänään',
  'nykyinen',
  'bugün',
  'güncel',
  'dnes',
  'aktuální',
  'aktuális',
  'сегодня',
  'текущий',
  'текущая',
  'σήμερα',
  'τρέχουσα',
  'hari ini',
  'saat ini',
  'hôm nay',
  'hiện tại',
];

/** A prior column or row (`forrige`, `Önceki`, `Предыдущий`, `Προηγ.`, `Kỳ trước`). */
export const MORE_PRIOR_WORDS: readonly string[] = [
  'forrige',
  'forrige måned',
  'sidste måned',
  'i går',
  'edellinen',
  'edellisen',
  'eilen',
  'önceki',
  'dünkü',
  'geçen ay',
  'předchozí',
  'minulý',
  'včerejší',
  'előző',
  'tegnapi',
  'предыдущий',
  'предыдущего',
  'вчера',
  'προηγούμενη',
  'προηγ',
  'χθες',
  'sebelumnya',
  'kemarin',
  'bulan lalu',
  'kỳ trước',
  'hôm qua',
  'ngày trước',
];

/** A total row (`I alt`, `Összesen`, `Итого`, `Σύνολο`). */
export const MORE_TOTAL_WORDS: readonly string[] = [
  'i alt',
  'yhteensä',
  'toplam',
  'celkem',
  'összesen',
  'итого',
  'всего',
  'σύνολο',
  'jumlah',
  'tổng cộng',
];

/** Printed where a figure would be, meaning there is none (`Intet`, `Yok`, `Нет`, `Καμία`, `Không có`). */
export const MORE_NONE_WORDS: readonly string[] = [
  'intet',
  'ikke relevant',
  'ei ole',
  'ei',
  'yok',
  'bulunmuyor',
  'žádná',
  'žádné',
  'žádný',
  'nincs',
  'нет',
  'отсутствует',
  'отсутствуют',
  'не требуется',
  'καμία',
  'κανένα',
  'κανένας',
  'ουδέν',
  'δεν υπάρχει',
  'tidak ada',
  'nihil',
  'không',
  'không có',
];

/** `Over` before its basis (`Přebytek nad …`), as labels fold them. */
export const MORE_PIVOT_WORDS: readonly string[] = ['utover', 'nad', 'сверх', 'εναντι', 'atas'];

/** The same words placed after their basis (Turkish, Hungarian, Finnish), as labels fold them: `… üzeri fazla`. */
export const POSTPOSITION_WORDS: readonly string[] = ['uzeri', 'ustu', 'feletti', 'felett', 'yli', 'ylittava'];
