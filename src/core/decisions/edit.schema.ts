import { z } from 'zod';
import { FIELD_NAMES, type FieldName } from '../report/report.schema.ts';
import { parseEditedAmount } from './amount.parser.ts';

/** One typed amount: strict (see amount.parser.ts); "" for none. The currency it names, if any, is checked below. */
const amount = z
  .string()
  .optional()
  .transform((raw, ctx): { value: number; currency?: string } | undefined => {
    const s = (raw ?? '').trim();
    if (s === '') return undefined;
    const read = parseEditedAmount(s);
    if (!read.ok) {
      ctx.addIssue({ code: 'custom', message: read.reason });
      return z.NEVER;
    }
    return read;
  });

const fieldShape = Object.fromEntries(FIELD_NAMES.map((f) => [f, amount])) as Record<FieldName, typeof amount>;

export const editSubmissionSchema = z
  .object({
    account_number: z
      .string()
      .transform((s) => s.toUpperCase().replace(/\s+/g, ''))
      .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9.\-/]{0,63}$/, 'must be letters, digits, dots or hyphens')),
    report_date: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-27')
      .refine(
        (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
        'is not a real date',
      ),
    currency: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter code like USD')),
    reason: z.string().trim().min(3, 'say why the values changed').max(500),
    ...fieldShape,
  })
  .superRefine((form, ctx) => {
    for (const f of FIELD_NAMES) {
      const named = form[f]?.currency;
      if (named && named !== form.currency)
        ctx.addIssue({ code: 'custom', path: [f], message: `is in ${named} but the report is in ${form.currency}` });
    }
  })
  .transform((form) => {
    const { reason, account_number, report_date, currency } = form;
    const fields = Object.fromEntries(FIELD_NAMES.map((f) => [f, form[f]?.value])) as Record<
      FieldName,
      number | undefined
    >;
    return { reason, account_number, report_date, currency, ...fields };
  });
