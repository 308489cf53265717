import type { FieldName } from '../../contract/fields.ts';
import type { Segmented } from '../layout/segments.ts';
import { accountBlock, blockOrigin } from './account.block.ts';
import { fingerprintOf, type LayoutFingerprint, type PageSize } from './layout.fingerprint.ts';
import { matchLayout } from './layout.match.ts';
import type { LearnedRule } from './layout.rule.ts';
import { type Recalled, recallFields } from './rule.recall.ts';

/** A layout the memory knows: its fingerprint (of the first statement taught) and its rules, newest first. */
export interface KnownLayout {
  id: string;
  fingerprint: LayoutFingerprint;
  rules: LearnedRule[];
}

/** The port extraction reads layout memory through (the store implements it, per workspace). */
export interface LayoutMemory {
  layouts(): Promise<KnownLayout[]>;
}

/** What one document takes from memory: its layout's rules, and its pages for placing them. */
export interface DocumentMemory {
  layoutId: string;
  similarity: number;
  rules: LearnedRule[];
  pages: PageSize[];
  /** One account in the document: rules anchored on a label apply (several accounts need a row per account). */
  single?: boolean;
  /** The shapes of the layout's taught accounts (see account.shape.ts), when it was taught with them. */
  accounts?: string[];
}

/** The known layout this document is a statement of, with its rules; null when none matches. */
export async function recallLayout(
  memory: LayoutMemory,
  lines: Segmented[],
  pages: PageSize[],
): Promise<{ fingerprint: LayoutFingerprint; found: DocumentMemory | null }> {
  const fingerprint = fingerprintOf(lines, pages);
  const match = matchLayout(fingerprint, await memory.layouts());
  return {
    fingerprint,
    found: match
      ? {
          layoutId: match.layout.id,
          similarity: match.similarity,
          rules: match.layout.rules,
          pages,
          ...(match.layout.fingerprint.accounts ? { accounts: match.layout.fingerprint.accounts } : {}),
        }
      : null,
  };
}

/**
 * The learned candidates for one account of the document. Several rules for a field (taught on
 * statements that printed it differently) are tried newest first; the first that finds it by its
 * column wins, else the first that finds it by its place alone.
 * With several accounts, a rule anchored on a label applies only inside the account's own block (a
 * label found anywhere would give every account the first one's figure).
 */
export function recallFor(
  memory: DocumentMemory | null,
  account: string | null,
  lines: Segmented[],
): Map<FieldName, Recalled> {
  if (!memory) return new Map();
  const rules = memory.single === false ? memory.rules.filter((r) => r.anchor === 'account' || r.block) : memory.rules;
  const block = rules.some((r) => r.block) ? accountBlock(lines, account) : null;
  const origin = block ? blockOrigin(block, memory.pages) : null;
  const out = new Map<FieldName, Recalled>();
  for (const rule of rules) {
    // A rule that found its figure by its column wins; one that found it by its place alone waits for a better.
    if (out.has(rule.field) && !out.get(rule.field)!.loose) continue;
    let one: Recalled | undefined;
    if (!rule.block) one = recallFields({ lines, pages: memory.pages }, [rule], account).get(rule.field);
    else if (block && origin) {
      // Placed from this statement's heading of the account, as it was taught from the taught one's.
      const placed = { ...rule, page: origin.page + rule.page, y: origin.y + rule.y };
      const found = recallFields({ lines: block.lines, pages: memory.pages }, [placed], null).get(rule.field);
      if (found) one = { ...found, rule };
    }
    if (one && (!out.has(rule.field) || !one.loose)) out.set(rule.field, one);
  }
  return out;
}
