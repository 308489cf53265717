import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { EDIT_FORM_ID, type EditForm } from '../../core/cards/card.model.ts';
import { noMentions, richText } from './teams.tables.ts';

/** Cancel on the inline edit form: Teams-only, the card goes back to the summary. */
export const EDIT_CANCEL_ID = 'marginiq.report.edit_cancel';

type Element = IAdaptiveCard['body'][number];

type Action = NonNullable<IAdaptiveCard['actions']>[number];

/**
 * Edit, inline: the extracted values as inputs, a reason, Save and Cancel. Shown only to the
 * approver who clicked (it is the answer to their invoke), so the channel never sees a half edit.
 */
export function renderEditForm(
  form: EditForm & { version: number },
  opts: { errors?: Record<string, string>; values?: Record<string, string | undefined> } = {},
): IAdaptiveCard {
  const errors = opts.errors ?? {};
  const shownValue = (name: string, fallback: string) => opts.values?.[name] ?? fallback;
  const body: Element[] = [richText(form.title, { weight: 'Bolder', size: 'Large' })];
  if (errors.form) body.push(richText(errors.form, { color: 'Attention', weight: 'Bolder' }));
  else if (Object.keys(errors).length > 0)
    body.push(richText('Some values need fixing before they can be saved.', { color: 'Attention' }));
  for (const input of form.inputs) {
    const value = shownValue(input.name, input.value);
    const label = noMentions(input.label);
    if (input.kind === 'number') {
      const n = Number(value.replace(/,/g, ''));
      body.push({
        type: 'Input.Number',
        id: input.name,
        label,
        ...(value !== '' && Number.isFinite(n) ? { value: n } : {}),
      } as Element);
    } else if (input.kind === 'date') {
      body.push({ type: 'Input.Date', id: input.name, label, value } as Element);
    } else if (input.kind === 'choice') {
      // Issue 14: the reject reason code.
      body.push({
        type: 'Input.ChoiceSet',
        id: input.name,
        label,
        style: 'compact',
        isRequired: true,
        errorMessage: 'Pick a reason.',
        value,
        choices: (input.options ?? []).map((o) => ({ title: noMentions(o.label), value: o.value })),
      } as Element);
    } else {
      body.push({ type: 'Input.Text', id: input.name, label, value: noMentions(value), maxLength: 64 } as Element);
    }
    const err = errors[input.name];
    if (err) body.push(richText(`${input.label} ${err}`, { color: 'Attention' }));
  }
  body.push({
    type: 'Input.Text',
    id: 'reason',
    label: form.reasonLabel,
    isMultiline: true,
    isRequired: !form.reasonOptional,
    ...(form.reasonOptional ? {} : { errorMessage: 'Say why the values changed.' }),
    maxLength: 500,
    value: noMentions(shownValue('reason', '')),
  } as Element);
  if (errors.reason) body.push(richText(`Reason ${errors.reason}`, { color: 'Attention' }));
  // The reject form (issue 14) says so, so a submission without a picked reason is still judged as one.
  const isReject = form.inputs.some((i) => i.name === 'reason_code');
  const data = { value: form.reportId, version: form.version, ...(isReject ? { form: 'reject' } : {}) };
  const actions: Action[] = [
    {
      type: 'Action.Execute',
      title: form.submitLabel ?? 'Save',
      verb: EDIT_FORM_ID,
      data,
      style: form.submitLabel === 'Reject' ? 'destructive' : 'positive',
      fallback: { type: 'Action.Submit', title: form.submitLabel ?? 'Save', data: { ...data, verb: EDIT_FORM_ID } },
    } as Action,
    {
      type: 'Action.Execute',
      title: 'Cancel',
      verb: EDIT_CANCEL_ID,
      data: { value: form.reportId },
      associatedInputs: 'none',
      fallback: {
        type: 'Action.Submit',
        title: 'Cancel',
        data: { value: form.reportId, verb: EDIT_CANCEL_ID },
        associatedInputs: 'none',
      },
    } as Action,
  ];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: noMentions(form.title),
    msteams: { width: 'full' },
    body,
    actions,
  };
}

/** Fields of a form submission's data that are not the form's inputs. */
const NOT_INPUTS = ['value', 'version', 'verb', 'reason', 'msteams', 'form'];

/**
 * Reads a submitted form back from the invoke's (or the fallback message's) data: the inputs' values,
 * the reason, and the report version the form was drawn at.
 */
export function readSubmission(data: Record<string, unknown>): {
  values: Record<string, string | undefined>;
  reason: string;
  version: number | undefined;
} {
  const values: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(data)) {
    if (!NOT_INPUTS.includes(k) && (typeof v === 'string' || typeof v === 'number')) values[k] = String(v);
  }
  // The reject form (issue 14) says so, so a submission without a picked reason is still judged as one.
  if (data.form === 'reject') values.reason_code ??= '';
  const version = Number(data.version);
  return {
    values,
    reason: typeof data.reason === 'string' ? data.reason : '',
    version: Number.isFinite(version) && version > 0 ? version : undefined,
  };
}
