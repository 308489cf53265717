import type { Evidence } from '../report/report.schema.ts';

/** [x0, y0, x1, y1] in PDF points from the page's top-left corner (the evidence convention). */
export type Box = [number, number, number, number];

/** Around the value: room for its label on the left and a line above and below. */
const PAD = { left: 360, right: 24, top: 18, bottom: 18 };

/**
 * Issue 14, Show source: the page region to render around one value — the value's box with its
 * label's room — cut so it never reaches a box another report of the same PDF read on that page
 * (multi-account statements): a neighbour above lowers the top, one below raises the bottom, one
 * beside on the value's line narrows the sides. Only this region is rendered, never the page.
 */
export function cropRegion(value: Evidence, others: readonly Box[], page: { width: number; height: number }): Box {
  const [vx0, vy0, vx1, vy1] = value.bbox;
  let x0 = Math.max(0, vx0 - PAD.left);
  let y0 = Math.max(0, vy0 - PAD.top);
  let x1 = Math.min(page.width, vx1 + PAD.right);
  let y1 = Math.min(page.height, vy1 + PAD.bottom);
  const GAP = 1;
  for (const [ox0, oy0, ox1, oy1] of others) {
    const overlapsX = ox0 < x1 && ox1 > x0;
    const overlapsY = oy0 < y1 && oy1 > y0;
    if (!overlapsX || !overlapsY) continue;
    if (oy1 <= vy0) y0 = Math.max(y0, oy1 + GAP);
    else if (oy0 >= vy1) y1 = Math.min(y1, oy0 - GAP);
    else if (ox1 <= vx0) x0 = Math.max(x0, ox1 + GAP);
    else if (ox0 >= vx1) x1 = Math.min(x1, ox0 - GAP);
  }
  return [x0, y0, Math.max(x1, x0 + 1), Math.max(y1, y0 + 1)];
}

export const intersects = (a: Box, b: Box) => a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
export const contains = (outer: Box, inner: Box) =>
  outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
