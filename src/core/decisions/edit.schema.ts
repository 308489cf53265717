import { z } from 'zod';
import { parseAmountStrict } from '../../contract/amount.strict.ts';
import { FIELD_NAMES, type FieldName } from '../report/report.schema.ts';

/** One typed amount: strict (src/contract/amount.strict.ts); "" for none. The currency it names, if any, is checked below. */
const amount = z
  .string()
  .optional()
  .transform((raw, ctx): { value: number; currency?: string; raw: string } | undefined => {
    const s = (raw ?? '').trim();
    if (s === '') return undefined;
    const read = parseAmountStrict(s);
    if (!read.ok) {
      ctx.addIssue({ code: 'custom', message: read.message });
      return z.NEVER;
    }
    return { ...read, raw: s };
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
      const typed = form[f];
      if (!typed?.currency || typed.currency === form.currency) continue;
      // A shared symbol (`$`, `¥`) names the report's currency when that is one it can stand for.
      const read = parseAmountStrict(typed.raw, { currency: form.currency });
      const named = read.ok ? read.currency : typed.currency;
      if (named !== form.currency)
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
