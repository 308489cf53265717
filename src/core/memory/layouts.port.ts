import type { LayoutFingerprint } from '../../extraction/memory/layout.fingerprint.ts';
import type { LayoutRule } from '../../extraction/memory/layout.rule.ts';
import type { KnownLayout } from '../../extraction/memory/memory.recall.ts';

/** Where a rule came from: the report an approver edited (or the file `marginiq teach` read), and who. */
export interface RuleSource {
  reportId: string | null;
  fileName: string | null;
  taughtBy: string;
}

/** One rule as `/margin layouts` lists it. */
export interface StoredRuleSummary {
  field: string;
  label: string | null;
  column: string | null;
  taughtBy: string;
  taughtAt: string;
  reportId: string | null;
  fileName: string | null;
}

export interface LayoutSummary {
  id: string;
  name: string;
  createdAt: string;
  rules: StoredRuleSummary[];
}

/** Layout memory's store, per workspace (issue 16). */
export interface LayoutsRepository {
  /** Every known layout with its rules, newest rule first: what extraction matches a document against. */
  known(workspace: string): Promise<KnownLayout[]>;
  /**
   * A cheap token that changes whenever the workspace's layouts or rules do (taught, re-taught,
   * forgotten): extraction keeps what it loaded, and the index built on it, while the token stays.
   */
  version(workspace: string): Promise<string>;
  addLayout(
    workspace: string,
    layout: { id: string; name: string; fingerprint: LayoutFingerprint; by: string },
  ): Promise<void>;
  /** Stores a rule; one taught again at the same place replaces the older one (its source and time). */
  putRule(workspace: string, layoutId: string, rule: LayoutRule, source: RuleSource): Promise<void>;
  list(workspace: string): Promise<LayoutSummary[]>;
  /** Deletes a layout's rules (one field's, or all and the layout): how many rules went, null for an unknown layout. */
  forget(workspace: string, layoutId: string, field: string | null): Promise<number | null>;
}
