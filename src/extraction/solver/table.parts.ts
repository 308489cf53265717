import { FIELD_NAMES, type FieldName } from '../../contract/fields.ts';
import type { Evidence, ReportIssue } from '../../contract/reading.ts';
import { money } from './issue.money.ts';

/**
 * Parts an identity leaves interchangeable (`excess = equity − requirement` holds with the
 * requirement and the excess either way round) are told apart by the other accounts of the same
 * table: a column means one field in every row. Where another account's row settles which of the
 * two columns is which (a deficit and its call pin the excess; a label the vocabulary knows), and no
 * account's settled row says otherwise, an account that read the two the other way round takes the
 * table's reading. Still below review: the rows are read alike, not each by its own words.
 */

interface PartReading {
  value: number;
  conf: number;
  evidence?: Evidence;
}

interface TableAccount {
  account: { value: string } | null;
  fields: Partial<Record<FieldName, PartReading>>;
  issues: ReportIssue[];
}

/** Figures of one column share an edge: right-aligned figures their right one, left-aligned their left one. */
const EDGE = 3;
const sameColumn = (a: Evidence, b: Evidence) =>
  Math.abs(a.bbox[2] - b.bbox[2]) <= EDGE || Math.abs(a.bbox[0] - b.bbox[0]) <= EDGE;
/** Confidence ceiling of parts read the table's way. */
const TABLE_CONF = 0.75;
/** Issue codes that leave a field's place open. */
const OPEN_CODES: ReadonlySet<string> = new Set(['interchangeable_parts', 'identity_placed']);

export function settlePartsByTable(accounts: TableAccount[]): void {
  if (accounts.length < 2) return;
  const interchangeable = (a: TableAccount, f: FieldName) =>
    a.issues.some((i) => i.field === f && i.code === 'interchangeable_parts');
  // A row that read the field without a doubt the extraction could name (no issue of it at all).
  const settled = (a: TableAccount, f: FieldName) => !!a.fields[f]?.evidence && !a.issues.some((i) => i.field === f);
  for (const b of accounts) {
    const loose = FIELD_NAMES.filter((f) => b.fields[f]?.evidence && interchangeable(b, f));
    for (const [i, f] of loose.entries())
      for (const g of loose.slice(i + 1)) {
        const fb = b.fields[f]!;
        const gb = b.fields[g]!;
        if (fb.value <= 0 || gb.value <= 0 || sameColumn(fb.evidence!, gb.evidence!)) continue;
        const rows = accounts.filter((a) => a !== b && settled(a, f) && settled(a, g));
        const swapped = (a: TableAccount) =>
          sameColumn(a.fields[f]!.evidence!, gb.evidence!) && sameColumn(a.fields[g]!.evidence!, fb.evidence!);
        const asRead = (a: TableAccount) =>
          sameColumn(a.fields[f]!.evidence!, fb.evidence!) || sameColumn(a.fields[g]!.evidence!, gb.evidence!);
        const witness = rows.find(swapped);
        if (!witness || rows.some(asRead)) continue;
        b.fields[f] = { ...gb, conf: Math.min(gb.conf, TABLE_CONF) };
        b.fields[g] = { ...fb, conf: Math.min(fb.conf, TABLE_CONF) };
        b.issues = b.issues.filter((x) => !(x.field === f || x.field === g) || !OPEN_CODES.has(x.code));
        for (const [h, r] of [
          [f, gb],
          [g, fb],
        ] as const)
          b.issues.push({
            code: 'interchangeable_parts',
            field: h,
            severity: 'warning',
            message: `${h}: ${money(r.value)} ("${r.evidence!.label ?? ''}") is read from the column that is the ${h.replace(/_/g, ' ')} in account ${witness.account?.value ?? 'another row'}'s row of the same table, where the figures leave no doubt which is which.`,
          });
      }
  }
}
