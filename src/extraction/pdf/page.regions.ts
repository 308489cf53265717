/**
 * Where a page shows something to read that its text layer does not hold: images (a scan, a pasted
 * table) and filled shapes the size of text with many sub-paths or curves (figures converted to
 * outlines). Found from pdf.js's operator list by following the graphics state, so a page whose
 * header is text and whose figures are pictures reads the figures by OCR.
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type Matrix = [number, number, number, number, number, number];

const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

function boxOf(m: Matrix, x0: number, y0: number, x1: number, y1: number): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [
    [x0, y0],
    [x1, y0],
    [x0, y1],
    [x1, y1],
  ] as const) {
    xs.push(m[0] * x + m[2] * y + m[4]);
    ys.push(m[1] * x + m[3] * y + m[5]);
  }
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

/** A picture covering less than this share of the page is a logo or a signature, not a table. */
const MIN_IMAGE_SHARE = 0.03;

/**
 * Boxes (page points, top-left origin) of images and text-sized outline shapes. `view` maps PDF user
 * space to the page's top-left space (the scale-1 viewport's transform).
 */
export function inkRegions(list: OperatorList, ops: Record<string, number>, view: number[], page: Box): Box[] {
  const images = new Set(
    [
      ops.paintImageXObject,
      ops.paintInlineImageXObject,
      ops.paintImageMaskXObject,
      ops.paintImageXObjectRepeat,
      ops.paintImageMaskXObjectRepeat,
      ops.paintSolidColorImageMask,
    ].filter((v): v is number => v !== undefined),
  );
  const fills = new Set(
    [ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke].filter(
      (v): v is number => v !== undefined,
    ),
  );
  const pageArea = (page.x1 - page.x0) * (page.y1 - page.y0);
  const stack: Matrix[] = [];
  let ctm = view.slice(0, 6) as Matrix;
  const found: Box[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]!;
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = mul(ctm, args as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0] as Matrix | null | undefined;
      if (Array.isArray(m) || ArrayBuffer.isView(m)) ctm = mul(ctm, Array.from(m as ArrayLike<number>) as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (images.has(fn)) {
      const b = boxOf(ctm, 0, 0, 1, 1);
      if ((b.x1 - b.x0) * (b.y1 - b.y0) >= MIN_IMAGE_SHARE * pageArea) found.push(b);
    } else if (fn === ops.constructPath && args && fills.has(args[0] as number)) {
      const data = (args[1] as (Float32Array | null)[] | undefined)?.[0];
      const mm = args[2] as ArrayLike<number> | null;
      if (!data || !mm) continue;
      const b = boxOf(ctm, mm[0]!, mm[1]!, mm[2]!, mm[3]!);
      const h = b.y1 - b.y0;
      if (h < 3 || h > 40 || b.x1 - b.x0 < 1) continue;
      if (glyphLike(data)) found.push(b);
    }
  }
  return mergeBoxes(found.map((b) => clip(b, page)).filter((b) => b.x1 > b.x0 && b.y1 > b.y0));
}

/** Many sub-paths or curves in one fill: letters, not a rule, a cell background or a box. */
function glyphLike(data: Float32Array): boolean {
  let subpaths = 0;
  let curves = 0;
  for (let i = 0; i < data.length; ) {
    const op = data[i]!;
    if (op === 0) {
      subpaths++;
      i += 3;
    } else if (op === 1) i += 3;
    else if (op === 2) {
      curves++;
      i += 7;
    } else i += 1;
    if (subpaths >= 3 || curves >= 4) return true;
  }
  return false;
}

const clip = (b: Box, p: Box): Box => ({
  x0: Math.max(b.x0, p.x0),
  y0: Math.max(b.y0, p.y0),
  x1: Math.min(b.x1, p.x1),
  y1: Math.min(b.y1, p.y1),
});

/** Unions boxes that overlap or nearly touch, so one table of outlined figures is one region. */
export function mergeBoxes(boxes: Box[], pad = 6): Box[] {
  const near = (a: Box, b: Box) => !(a.x0 - pad > b.x1 || b.x0 - pad > a.x1 || a.y0 - pad > b.y1 || b.y0 - pad > a.y1);
  const out: Box[] = [];
  for (const box of boxes) {
    let cur = { ...box };
    // Each union may reach further regions: absorb until none is near.
    for (let k = out.findIndex((o) => near(o, cur)); k >= 0; k = out.findIndex((o) => near(o, cur))) {
      const o = out.splice(k, 1)[0]!;
      cur = {
        x0: Math.min(o.x0, cur.x0),
        y0: Math.min(o.y0, cur.y0),
        x1: Math.max(o.x1, cur.x1),
        y1: Math.max(o.y1, cur.y1),
      };
    }
    out.push(cur);
  }
  return out;
}
