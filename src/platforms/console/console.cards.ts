import {
  ACTION_IDS,
  type Card,
  type CardBlock,
  type CardField,
  type EditForm,
  withNames,
} from '../../core/cards/card.model.ts';
import { chartSvg, esc, tableHtml } from './console.tables.ts';

// Neutral card → HTML for the console. Every piece of text goes through `esc`, so a statement
// whose text holds markup shows it as text; the page inserts this HTML as is.

/**
 * Images the page may load: same-origin paths, inline image data, and https URLs (a digest chart
 * published at PUBLIC_URL). The page's CSP allows exactly these; anything else shows its alt text.
 */
const SAFE_IMAGE = /^(\/(?!\/)[\w./%-]+|data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+|https:\/\/[^\s"'<>]+)$/i;
const SAFE_LINK = /^http:\/\/[^\s"'<>]+$/i;

function field(f: CardField): string {
  const flag = f.flagged ? '<span class="flag" title="Needs a human look">⚠️</span> ' : '';
  return `<div class="field${f.flagged ? ' flagged' : ''}"><div class="label">${flag}${esc(f.label)}</div><div class="value">${esc(f.value)}</div>${f.source ? `<div class="source">${esc(f.source)}</div>` : ''}</div>`;
}

function block(b: CardBlock): string {
  switch (b.type) {
    case 'heading':
      return `<h3 class="heading">${esc(b.text)}</h3>`;
    case 'text':
      // Issue 14: people by their display names.
      return `<p class="text${b.muted ? ' muted' : ''}">${esc(withNames(b.text, b.people))}</p>`;
    case 'fields':
      return `<div class="fields">${b.fields.map(field).join('')}</div>`;
    case 'list': {
      const title = b.title ? `<div class="list-title">${esc(b.title)}</div>` : '';
      const items = b.items.map((i) => `<li>${esc(i)}</li>`).join('');
      return `<div class="list tone-${esc(b.tone ?? 'info')}">${title}<ul>${items}</ul></div>`;
    }
    case 'table':
      return tableHtml(b);
    case 'chart':
      return chartSvg(b);
    case 'image':
      if (SAFE_IMAGE.test(b.url)) {
        return `<figure class="image"><img src="${esc(b.url)}" alt="${esc(b.alt)}" referrerpolicy="no-referrer"></figure>`;
      }
      if (SAFE_LINK.test(b.url)) {
        return `<p class="text"><a href="${esc(b.url)}" target="_blank" rel="noopener noreferrer">${esc(b.alt || 'image')}</a></p>`;
      }
      return `<p class="text muted">[${esc(b.alt || 'image')}]</p>`;
    case 'actions':
      return `<div class="actions">${b.actions
        .map(
          (a) =>
            `<button type="button" class="btn${a.style ? ` ${esc(a.style)}` : ''}" data-action="${esc(a.kind)}" data-action-id="${esc(ACTION_IDS[a.kind])}" data-value="${esc(a.value)}">${esc(a.label)}</button>`,
        )
        .join('')}</div>`;
    case 'divider':
      return '<hr>';
  }
}

export function renderCard(c: Card): string {
  return `<article class="card tone-${esc(c.tone)}" aria-label="${esc(c.fallbackText)}"><header class="card-title">${esc(c.title)}</header>${c.blocks.map(block).join('')}</article>`;
}

export interface FileLink {
  url: string;
  name: string;
  contentType: string;
  size: number;
}

export function renderFile(f: FileLink): string {
  const preview = /^image\/(png|jpeg|gif|webp)$/.test(f.contentType)
    ? `<img src="${esc(f.url)}" alt="${esc(f.name)}">`
    : '';
  return `<div class="file">${preview}<a class="download" href="${esc(f.url)}" download="${esc(f.name)}">⬇ ${esc(f.name)}</a> <span class="muted">${esc(size(f.size))}</span></div>`;
}

export const renderText = (text: string) => `<p class="text">${esc(text)}</p>`;

const size = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A user's upload, drawn like a chat client draws an attached file. */
export function renderUpload(name: string, bytes: number | undefined): string {
  const ext = /\.([a-z0-9]{1,4})$/i.exec(name)?.[1]?.toUpperCase() ?? 'FILE';
  const sized = bytes ? `<span class="muted">${esc(size(bytes))}</span>` : '';
  return `<div class="upload"><span class="ext" aria-hidden="true">${esc(ext)}</span><span class="name">${esc(name)}</span>${sized}</div>`;
}

/** The edit form as the page's dialog draws it: plain data, escaped by the page through textContent/value. */
export const formJson = (form: EditForm & { version: number }) => ({
  reportId: form.reportId,
  version: form.version,
  title: form.title,
  reasonLabel: form.reasonLabel,
  reasonOptional: form.reasonOptional ?? false,
  submitLabel: form.submitLabel ?? 'Save',
  inputs: form.inputs.map((i) => ({
    name: i.name,
    label: i.label,
    value: i.value,
    kind: i.kind,
    ...(i.options ? { options: i.options } : {}),
  })),
});
