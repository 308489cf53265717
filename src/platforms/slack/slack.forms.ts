import type { types } from '@slack/bolt';
import { EDIT_FORM_ID, type EditForm } from '../../core/cards/card.model.ts';
import { escapeMrkdwn, plainSafe, truncate } from './slack.text.ts';

/** What the modal carries from the click to the submission (private_metadata, ≤ 3000 characters). */
export interface EditMetadata {
  reportId: string;
  version: number;
  channel: string | undefined;
  messageTs: string | undefined;
}

type KnownBlock = types.KnownBlock;
type ModalView = types.ModalView;

export const REASON_BLOCK = 'reason';
const VALUE = 'value';

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: truncate(plainSafe(text), max) });

/** The edit form as a modal: one input block per value, pre-filled with what was extracted. */
export function editModal(
  form: EditForm & { version: number },
  meta: Omit<EditMetadata, 'reportId' | 'version'>,
): ModalView {
  const metadata: EditMetadata = { reportId: form.reportId, version: form.version, ...meta };
  const inputs: KnownBlock[] = form.inputs.map((input) => {
    if (input.kind === 'choice') {
      // Issue 14: the reject reason code, as a select menu.
      const options = (input.options ?? []).slice(0, 100).map((o) => ({ text: plain(o.label, 75), value: o.value }));
      const initial = options.find((o) => o.value === input.value);
      return {
        type: 'input',
        block_id: input.name,
        label: plain(input.label, 2000),
        element: {
          type: 'static_select' as const,
          action_id: VALUE,
          options,
          ...(initial ? { initial_option: initial } : {}),
        },
      };
    }
    const element =
      input.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(input.value)
        ? { type: 'datepicker' as const, action_id: VALUE, initial_date: input.value }
        : {
            type: 'plain_text_input' as const,
            action_id: VALUE,
            ...(input.value ? { initial_value: input.value.slice(0, 3000) } : {}),
            ...(input.kind === 'number' ? { placeholder: plain('e.g. 1234567.89 — empty if not stated', 150) } : {}),
          };
    return {
      type: 'input',
      block_id: input.name,
      label: plain(input.label, 2000),
      // Only the keys are required: a figure the document does not state stays empty.
      optional: input.kind === 'number',
      element,
    };
  });
  return {
    type: 'modal',
    callback_id: EDIT_FORM_ID,
    private_metadata: JSON.stringify(metadata),
    title: plain(form.submitLabel === 'Reject' ? 'Reject report' : 'Edit report', 24),
    submit: plain(form.submitLabel ?? 'Save', 24),
    close: plain('Cancel', 24),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(form.title)}*`, verbatim: true } },
      ...inputs,
      {
        type: 'input',
        block_id: REASON_BLOCK,
        label: plain(form.reasonLabel, 2000),
        ...(form.reasonOptional ? { optional: true } : {}),
        element: { type: 'plain_text_input', action_id: VALUE, multiline: true, max_length: 500 },
      },
    ],
  };
}

interface StateValue {
  type?: string;
  value?: string | null;
  selected_date?: string | null;
  selected_option?: { value?: string } | null;
}

/** Reads the submitted values back by block id; nothing typed is `undefined`. */
export function readSubmission(view: {
  private_metadata: string;
  state: { values: Record<string, Record<string, StateValue>> };
}) {
  const values: Record<string, string | undefined> = {};
  for (const [blockId, actions] of Object.entries(view.state.values)) {
    const v = actions[VALUE];
    values[blockId] = v?.selected_date ?? v?.selected_option?.value ?? v?.value ?? undefined;
  }
  const reason = values[REASON_BLOCK];
  delete values[REASON_BLOCK];
  return { values, reason };
}

/** Validation errors keyed by input name; one that names no input (a stale version) shows on the reason box. */
export function modalErrors(errors: Record<string, string>, inputNames: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const block = inputNames.includes(key) || key === REASON_BLOCK ? key : REASON_BLOCK;
    out[block] = out[block] ? `${out[block]} ${message}` : message;
  }
  return out;
}
