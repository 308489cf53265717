import {
  type ChartBlock,
  cellText,
  chartAlt,
  columnAlign,
  columnLabel,
  type TableBlock,
} from '../../core/cards/card.model.ts';

/** Escapes text for HTML and SVG (the page inserts the console's markup as is). */
export const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);

const W = 640;
const H = 240;
const PAD = { left: 16, right: 16, top: 30, bottom: 34 };
const INK = '#333333';
const LINE = '#4C78A8';
const DEFICIT = '#D62728';
const GRID = '#E5E5E5';

/** Issue 17: a table with figures right-aligned; numeric cells carry their value for sorting. */
export function tableHtml(b: TableBlock): string {
  const align = b.columns.map(columnAlign);
  // A sortable table's headers take focus, so the page's sort works from the keyboard too.
  const focus = b.sortable ? ' tabindex="0"' : '';
  const head = b.columns
    .map((c, i) => `<th scope="col"${align[i] === 'right' ? ' class="num"' : ''}${focus}>${esc(columnLabel(c))}</th>`)
    .join('');
  const rows = b.rows
    .map((r) => {
      const cells = b.columns.map((_, i) => {
        const c = r[i];
        const flagged = typeof c === 'object' && c.flagged === true;
        const value = typeof c === 'object' && c.value !== undefined ? ` data-value="${esc(c.value)}"` : '';
        const cls = [align[i] === 'right' ? 'num' : '', flagged ? 'flagged' : ''].filter(Boolean).join(' ');
        const flag = flagged ? ' <span class="flag" title="Needs a human look">⚠️</span>' : '';
        return `<td${cls ? ` class="${cls}"` : ''}${value}>${esc(cellText(c))}${flag}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  const caption = b.caption ? `<caption>${esc(b.caption)}</caption>` : '';
  return `<div class="table-wrap"><table${b.sortable ? ' class="sortable"' : ''}>${caption}<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** A rounded scale that includes zero, so a deficit shows below the line. */
function scale(values: number[]): { lo: number; hi: number } {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  if (lo === hi) return { lo: lo - 1, hi: hi + 1 };
  const pad = (hi - lo) * 0.08;
  return { lo: lo < 0 ? lo - pad : 0, hi: hi > 0 ? hi + pad : 0 };
}

/** Issue 17: the chart as inline SVG — drawn by the page itself, readable without scripts. */
export function chartSvg(c: ChartBlock): string {
  const n = Math.max(1, c.points.length);
  const { lo, hi } = scale(c.points.map((p) => p.value));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + ((hi - v) / (hi - lo)) * plotH;
  const slot = plotW / n;
  const x = (i: number) => PAD.left + slot * i + slot / 2;
  const zero = y(0);
  const marks =
    c.kind === 'bar'
      ? c.points
          .map((p, i) => {
            const top = Math.min(y(p.value), zero);
            const h = Math.max(1, Math.abs(y(p.value) - zero));
            return `<rect x="${(x(i) - slot * 0.35).toFixed(1)}" y="${top.toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${p.highlight ? DEFICIT : LINE}"><title>${esc(`${p.label}: ${p.text}`)}</title></rect>`;
          })
          .join('')
      : `<polyline fill="none" stroke="${LINE}" stroke-width="2.5" points="${c.points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')}"/>${c.points
          .map(
            (p, i) =>
              `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3.5" fill="${p.value < 0 || p.highlight ? DEFICIT : LINE}"><title>${esc(`${p.label}: ${p.text}`)}</title></circle>`,
          )
          .join('')}`;
  // About six x labels, always the last one.
  const every = Math.max(1, Math.ceil(n / 6));
  const xLabels = c.points
    .map((p, i) =>
      (n - 1 - i) % every === 0
        ? `<text x="${x(i).toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle" font-size="11" fill="${INK}">${esc(p.label.length > 12 ? `${p.label.slice(0, 11)}…` : p.label)}</text>`
        : '',
    )
    .join('');
  const last = c.points.at(-1);
  const flagged = c.points.filter((p) => p.highlight).length;
  const legend =
    c.kind === 'line'
      ? `${c.series}${last ? `: latest ${last.text}` : ''}`
      : `${c.series}${flagged > 0 ? ` · ${c.highlightSeries ?? 'highlighted'} in red: ${flagged}` : ''}`;
  return `<figure class="chart"><svg role="img" aria-label="${esc(chartAlt(c))}" viewBox="0 0 ${W} ${H}" width="100%" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg"><text x="${PAD.left}" y="18" font-size="14" font-weight="bold" fill="${INK}">${esc(c.title)}</text><line x1="${PAD.left}" x2="${W - PAD.right}" y1="${zero.toFixed(1)}" y2="${zero.toFixed(1)}" stroke="${GRID}" stroke-width="1.5"/>${marks}${xLabels}</svg><figcaption>${esc(legend)}</figcaption></figure>`;
}
