import { foldedWords } from '../vocabulary/word.patterns.ts';
import type { OpenFigure } from './open.figures.ts';

/** Where the figures of one reading by the identities alone (`identities.alone.ts`) may stand. */

/** Most lines between the first and the last figure of one reading: one block, not a page of anything. */
const MAX_SPAN = 30;

/** One page, one grid column per page, each figure under a label of its own, all within one block of lines. */
export function oneBlock(figs: OpenFigure[]): boolean {
  if (new Set(figs).size !== figs.length) return false;
  if (new Set(figs.map((f) => f.page)).size !== 1) return false;
  // All key/value rows, or all one grid column: a grid's row label is no key of a statement's block.
  const columns = new Set(figs.map((f) => f.column ?? ''));
  if (columns.size > 1) return false;
  if (new Set(figs.map((f) => foldedWords(f.label).join(' '))).size !== figs.length) return false;
  const lines = figs.map((f) => f.line);
  return Math.max(...lines) - Math.min(...lines) <= MAX_SPAN;
}

/** Whether `a` is printed before `b` (reading order: line, then left to right). */
export const printedBefore = (a: OpenFigure, b: OpenFigure) =>
  a.line < b.line || (a.line === b.line && a.box.x0 < b.box.x0);
