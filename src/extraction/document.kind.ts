import type { ExtractedAccount } from './fields/fields.extractor.ts';
import type { Segmented } from './layout/segments.ts';
import { OTHER_DOCUMENT_TITLES, STATEMENT_TITLES } from './vocabulary/document.kinds.ts';
import { foldedPhrases, foldedWords, holdsPhrase } from './vocabulary/word.patterns.ts';

/** Lines of the first page's head where a document prints its title. */
const HEAD_LINES = 10;
/** A title is a short cell: a sentence that mentions an agreement (`keep with your account agreement`) is none. */
const TITLE_WORDS = 7;
/** Figures (other than a call) a report needs, beside its account number, to stand against another document's title. */
const STATEMENT_FIGURES = 3;

const STATEMENT = foldedPhrases(STATEMENT_TITLES);
const OTHER = foldedPhrases(OTHER_DOCUMENT_TITLES);

/** The first page's title cells that name another kind of document (`Schedule of Fees`, `Loan Agreement`) and no statement. */
export function otherDocumentTitle(lines: readonly Segmented[]): string | null {
  const first = lines.length ? lines[0]!.page : 0;
  for (const line of lines.filter((l) => l.page === first).slice(0, HEAD_LINES))
    for (const cell of line.cells) {
      const w = foldedWords(cell.text);
      if (w.length === 0 || w.length > TITLE_WORDS) continue;
      if (holdsPhrase(w, STATEMENT)) return null;
      if (holdsPhrase(w, OTHER)) return cell.text.trim();
    }
  return null;
}

/**
 * Whether a document titled as another kind (a fee schedule, a loan agreement) is one: no report read from
 * it has an account number with figures enough to be a statement's position (its figures are rules and
 * illustrations: a minimum equity, a fee, a clause number).
 */
export function isOtherDocument(lines: readonly Segmented[], accounts: readonly ExtractedAccount[]): boolean {
  if (!otherDocumentTitle(lines)) return false;
  return !accounts.some(
    (a) => a.account && Object.keys(a.fields).filter((f) => f !== 'margin_call').length >= STATEMENT_FIGURES,
  );
}
