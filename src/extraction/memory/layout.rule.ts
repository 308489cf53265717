import type { FieldName } from '../../contract/fields.ts';
import type { ColumnKind } from '../structure/column.header.ts';

/**
 * Where one field is printed on one layout, as an approver's correction showed it: the label that
 * anchors the figure and how the figure sits against it, and the column title above it. Nothing in
 * it depends on the values, so it finds the same field on another day's statement.
 */
export interface LayoutRule {
  field: FieldName;
  /**
   * What anchors the figure: a label left of it on its line, a label right above it (a tile), or
   * the line that prints the report's account number (a table with one row per account).
   */
  anchor: 'left' | 'above' | 'account';
  /** The anchoring label as printed (its phrase key decides; null for an account row). */
  label: string | null;
  /** The column title above the figure, as printed, when a header row names its column. */
  column: string | null;
  /**
   * What that column holds by its title's meaning (current, prior, change, period …; see
   * columns.ts classifyHeader), when the title says: a statement that words the title otherwise
   * (`Today's value` for `Current`) still finds the column by it. Absent on rules stored before.
   */
  role?: ColumnKind;
  /**
   * The centre of that column title (0..1 of the page's width): where a table prints one title over
   * several columns (`Value` under `Long Option`, `Short Option` and `Net Liq.`), the column whose
   * title sits nearest this is the taught one. Absent on rules stored before (then the figure's `x`).
   */
  columnX?: number;
  /** Which figure of its line it is (0-based from the left), and how many the line printed. */
  ordinal: number;
  figures: number;
  /** Which printing of the label it is (the same label may head two sections), 0-based. */
  occurrence: number;
  /**
   * Set where several accounts are stacked in blocks, each under its own heading: the label is
   * looked for inside the report's account's block only, `occurrence` counts within that block, and
   * `page` and `y` are relative to the block's heading (see account.block.ts).
   */
  block?: true;
  /** Page (0-based) and place of the figure (0..1 of the page), the tie-breaker between printings. */
  page: number;
  x: number;
  y: number;
  /** The field's value is the printed figure times this: −1 where the layout prints a negative field unsigned. */
  sign: 1 | -1;
  /** The figure as printed when taught, for people reading the rule. */
  printed: string;
}

/** A rule with where it came from, as the memory keeps it. */
export interface LearnedRule extends LayoutRule {
  /** The report it was taught from, when a stored report (an edit in chat or the console). */
  reportId: string | null;
  /** The file it was taught from. */
  fileName: string | null;
  taughtBy: string;
  taughtAt: string;
}

/** "learned from report #123, taught by @ann": what a value's evidence says about its rule. */
export function learnedNote(rule: Pick<LearnedRule, 'reportId' | 'fileName' | 'taughtBy'>): string {
  const from = rule.reportId ? `report #${rule.reportId}` : rule.fileName ? rule.fileName : 'a corrected statement';
  return `learned from ${from}, taught by ${rule.taughtBy}`;
}
