/** German (DE/AT/CH) and French (FR/BE/LU/CH) words around labels; labels.vocabulary.ts spreads them into its lists. */

/** Prior figures, print dates and trade dates: a label holding one names another figure. */
export const EUROPEAN_DISTRACTORS = [
  'vortag',
  'vorherig',
  'vormonat',
  'erstellt',
  'druckdatum',
  'schlusstag',
  'précédent',
  'précédente',
  'édité',
  'édition',
  'date d’opération',
  "date d'opération",
  'date de règlement',
  'date de négociation',
];

/** Words that sit around a synonym without changing it (`Valeur liquidative du compte`, `Couverture … exigée`). */
export const EUROPEAN_NOISE = [
  'du',
  'de',
  'des',
  'la',
  'le',
  'les',
  'compte',
  'exigee',
  'exige',
  'requise',
  'gesamt',
  'konto',
  'erforderlich',
  'erforderliche',
];
