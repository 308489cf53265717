import { printAmount } from '../../contract/amount.strict.ts';
import { REJECT_REASON_CODES, REJECT_REASON_LABELS } from '../decisions/trust.policy.ts';
import type { Report } from '../report/report.model.ts';
import { FIELD_LABELS, FIELD_NAMES } from '../report/report.schema.ts';
import type { EditForm } from './card.model.ts';

/** Edit: every figure of the report, with the reason for the change. */
export function editForm(r: Report): EditForm {
  const d = r.extracted;
  return {
    reportId: r.id,
    title: `Edit ${r.accountNumber} · ${r.reportDate}`,
    inputs: [
      { name: 'account_number', label: 'Account', value: r.accountNumber, kind: 'text' },
      { name: 'report_date', label: 'Report date (YYYY-MM-DD)', value: r.reportDate, kind: 'date' },
      { name: 'currency', label: 'Currency', value: d.currency, kind: 'text' },
      ...FIELD_NAMES.map((f) => ({
        name: f,
        label: FIELD_LABELS[f],
        value: d.fields[f] === undefined ? '' : printAmount(d.fields[f]),
        kind: 'number' as const,
      })),
    ],
    reasonLabel: 'Reason for the change',
  };
}

/** Reject (issue 14): a reason code and an optional comment. */
export function rejectForm(r: Report): EditForm {
  return {
    reportId: r.id,
    title: `Reject ${r.accountNumber} · ${r.reportDate}`,
    inputs: [
      {
        name: 'reason_code',
        label: 'Reason',
        value: '',
        kind: 'choice',
        options: REJECT_REASON_CODES.map((c) => ({ value: c, label: REJECT_REASON_LABELS[c] })),
      },
    ],
    reasonLabel: 'Comment (optional)',
    reasonOptional: true,
    submitLabel: 'Reject',
  };
}
