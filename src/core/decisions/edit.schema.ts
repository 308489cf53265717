import { z } from 'zod';
import { FIELD_NAMES, type FieldName } from '../report/report.schema.ts';

/** Accepts what people type: "1,234.56", "(1,234.56)", "-1234.56", "" for none. */
const amount = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const s = (raw ?? '').trim();
    if (s === '') return undefined;
    const negative = /^\(.*\)$/.test(s) || s.startsWith('-');
    const digits = s.replace(/[()\s,$-]/g, '');
    if (!/^\d+(\.\d+)?$/.test(digits)) {
      ctx.addIssue({ code: 'custom', message: 'must be a number like 1234567.89' });
      return z.NEVER;
    }
    return (negative ? -1 : 1) * Number(digits);
  });

const fieldShape = Object.fromEntries(FIELD_NAMES.map((f) => [f, amount])) as Record<FieldName, typeof amount>;

export const editSubmissionSchema = z.object({
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
});
