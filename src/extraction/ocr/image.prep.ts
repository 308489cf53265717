/**
 * Cleans a scanned page before OCR: flattens the paper to white, removes isolated specks, and
 * says whether anything is left to read. Tesseract on raw scanner noise is slow (minutes on a blank
 * fax page) and reads specks as punctuation; a clean page is faster and more accurate.
 */
export interface PreparedPage {
  /** Grayscale pixels, background 255, ink with its original tone. */
  gray: Uint8Array;
  /** Share of pixels that are ink after cleaning (0..1). */
  ink: number;
  /** Pixel box around all remaining ink (x1, y1 exclusive); empty when there is none. */
  box: { x0: number; y0: number; x1: number; y1: number };
}

/** Copies the rectangle `box` out of a `w`-wide grayscale image. */
export function crop(gray: Uint8Array, w: number, box: PreparedPage['box']): Uint8Array {
  const cw = box.x1 - box.x0;
  const out = new Uint8Array(cw * (box.y1 - box.y0));
  for (let y = box.y0; y < box.y1; y++) out.set(gray.subarray(y * w + box.x0, y * w + box.x1), (y - box.y0) * cw);
  return out;
}

function percentile(hist: Uint32Array, total: number, p: number): number {
  let acc = 0;
  const target = total * p;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= target) return v;
  }
  return 255;
}

/** `dpi` is the render resolution: speck size and isolation distance scale with it. */
export function prepareScan(gray: Uint8Array, w: number, h: number, dpi: number): PreparedPage {
  const n = w * h;
  const hist = new Uint32Array(256);
  for (let i = 0; i < n; i++) hist[gray[i]!]!++;
  const paper = percentile(hist, n, 0.5);
  const dark = percentile(hist, n, 0.005);
  // Halfway between paper and ink, but never inside the paper's own noise.
  const t = Math.min((paper + dark) / 2, paper - 60);
  const soft = Math.max(t, paper - 30);
  const out = new Uint8Array(n);
  const labels = new Int32Array(n);
  const parent: number[] = [0];
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  // Pass 1: threshold and label ink runs (8-connectivity) with union-find.
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const v = gray[i]!;
      // Clear paper goes white; the soft edge of blurred strokes keeps its tone for the recogniser.
      out[i] = v >= soft ? 255 : v;
      if (v >= t) continue;
      let l = 0;
      const neighbours = [
        x > 0 ? i - 1 : -1,
        y > 0 ? i - w : -1,
        y > 0 && x > 0 ? i - w - 1 : -1,
        y > 0 && x < w - 1 ? i - w + 1 : -1,
      ];
      for (const j of neighbours) {
        if (j < 0 || labels[j] === 0) continue;
        const lj = find(labels[j]!);
        if (l === 0) l = lj;
        else if (lj !== l) {
          parent[Math.max(l, lj)] = Math.min(l, lj);
          l = Math.min(l, lj);
        }
      }
      if (l === 0) {
        l = parent.length;
        parent.push(l);
      }
      labels[i] = l;
    }
  }
  // Pass 2: component areas and boxes.
  const count = parent.length;
  const area = new Int32Array(count);
  const x0 = new Int32Array(count).fill(w);
  const y0 = new Int32Array(count).fill(h);
  const x1 = new Int32Array(count).fill(-1);
  const y1 = new Int32Array(count).fill(-1);
  for (let i = 0; i < n; i++) {
    if (labels[i] === 0) continue;
    const r = find(labels[i]!);
    labels[i] = r;
    area[r]!++;
    const x = i % w;
    const y = (i / w) | 0;
    if (x < x0[r]!) x0[r] = x;
    if (x > x1[r]!) x1[r] = x;
    if (y < y0[r]!) y0[r] = y;
    if (y > y1[r]!) y1[r] = y;
  }
  // Ruling: table rules, box borders and dashed separators are not text. Tesseract reads a dashed
  // line as a row of garbage words and lets a rule beside a figure eat its last characters
  // (`800,045.60|` read as `800,045`), so they go before it reads.
  const { ruled, strips } = findRules(count, area, x0, y0, x1, y1, dpi, parent);
  // A rule's strip goes white but for the ink of other components (text touching it), and so does
  // its faint halo, which thresholding left unlabelled.
  for (const b of strips) {
    for (let y = Math.max(0, b.y0 - 2); y <= Math.min(h - 1, b.y1 + 2); y++)
      for (let x = Math.max(0, b.x0 - 2); x <= Math.min(w - 1, b.x1 + 2); x++) {
        const l = labels[y * w + x]!;
        if (l === 0 || ruled[l] === 1) out[y * w + x] = 255;
      }
  }
  for (let r = 1; r < count; r++) {
    if (ruled[r] === 1) area[r] = 0;
    else if (ruled[r] === 2)
      for (let y = y0[r]!; y <= y1[r]!; y++)
        for (let x = x0[r]!; x <= x1[r]!; x++) if (onLongRun(labels, w, h, x, y, r, dpi)) out[y * w + x] = 255;
  }
  // Specks: small components with no other ink nearby. A decimal point sits next to digits and stays.
  const scale = dpi / 200;
  const maxSpeck = Math.max(4, Math.round(6 * scale * scale));
  const reach = Math.round(10 * scale);
  let ink = 0;
  const box = { x0: w, y0: h, x1: 0, y1: 0 };
  const keep = (r: number) => {
    ink += area[r]!;
    box.x0 = Math.min(box.x0, x0[r]!);
    box.y0 = Math.min(box.y0, y0[r]!);
    box.x1 = Math.max(box.x1, x1[r]! + 1);
    box.y1 = Math.max(box.y1, y1[r]! + 1);
  };
  for (let r = 1; r < count; r++) {
    if (area[r] === 0 || parent[r] !== r) continue;
    if (area[r]! > maxSpeck) {
      keep(r);
      continue;
    }
    let isolated = true;
    const ya = Math.max(0, y0[r]! - reach);
    const yb = Math.min(h - 1, y1[r]! + reach);
    const xa = Math.max(0, x0[r]! - reach);
    const xb = Math.min(w - 1, x1[r]! + reach);
    for (let y = ya; y <= yb && isolated; y++) {
      for (let x = xa; x <= xb; x++) {
        const l = labels[y * w + x]!;
        if (l !== 0 && l !== r && area[l]! > maxSpeck) {
          isolated = false;
          break;
        }
      }
    }
    if (!isolated) {
      keep(r);
      continue;
    }
    // Whiten the speck and its soft halo.
    for (let y = Math.max(0, y0[r]! - 1); y <= Math.min(h - 1, y1[r]! + 1); y++)
      for (let x = Math.max(0, x0[r]! - 1); x <= Math.min(w - 1, x1[r]! + 1); x++) {
        const l = labels[y * w + x]!;
        if (l === r || l === 0) out[y * w + x] = 255;
      }
  }
  // Margin around the ink so edge glyphs keep some paper around them.
  const pad = Math.round(dpi / 12);
  const bounded =
    box.x1 > box.x0
      ? {
          x0: Math.max(0, box.x0 - pad),
          y0: Math.max(0, box.y0 - pad),
          x1: Math.min(w, box.x1 + pad),
          y1: Math.min(h, box.y1 + pad),
        }
      : { x0: 0, y0: 0, x1: 0, y1: 0 };
  return { gray: out, ink: ink / n, box: bounded };
}

/**
 * Components that are ruling, by shape alone: 1 for a whole component to erase (a thin rule, or a
 * dash of a dashed or dotted line: at least eight dash-like marks in a row on one level, close
 * together), 2 for a frame (a large, mostly hollow component: a box border, perhaps touching text)
 * whose long straight runs alone are erased. Letters are never this long and thin, and the marks of
 * a text line (periods, hyphens, minus signs) are never eight in a row without letters between.
 */
function findRules(
  count: number,
  area: Int32Array,
  x0: Int32Array,
  y0: Int32Array,
  x1: Int32Array,
  y1: Int32Array,
  dpi: number,
  parent: number[],
): { ruled: Uint8Array; strips: { x0: number; y0: number; x1: number; y1: number }[] } {
  const ruled = new Uint8Array(count);
  const strips: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const thin = Math.max(3, Math.round(dpi / 60)); // about 0.4 mm
  const long = Math.round(dpi * 0.4);
  const dashes: number[] = [];
  for (let r = 1; r < count; r++) {
    if (area[r] === 0 || parent[r] !== r) continue;
    const bw = x1[r]! - x0[r]! + 1;
    const bh = y1[r]! - y0[r]! + 1;
    if ((bw >= long && bh <= thin) || (bh >= long && bw <= thin)) {
      ruled[r] = 1;
      strips.push({ x0: x0[r]!, y0: y0[r]!, x1: x1[r]!, y1: y1[r]! });
    } else if (Math.max(bw, bh) >= long && area[r]! / (bw * bh) < 0.25) ruled[r] = 2;
    else if (bh <= thin && bw * 3 >= bh * 2) dashes.push(r);
  }
  // Dashes on one level, left to right; a run of at least eight with small gaps is a dashed line.
  const cy = (r: number) => (y0[r]! + y1[r]!) / 2;
  dashes.sort((a, b) => cy(a) - cy(b));
  const gap = Math.round(dpi * 0.06);
  for (let i = 0; i < dashes.length; ) {
    let j = i;
    while (j < dashes.length && cy(dashes[j]!) - cy(dashes[i]!) <= thin) j++;
    const level = dashes.slice(i, j).sort((a, b) => x0[a]! - x0[b]!);
    i = j;
    let run: number[] = [];
    const close = () => {
      const a = run[0];
      const b = run[run.length - 1];
      if (a !== undefined && b !== undefined && run.length >= 8 && x1[b]! - x0[a]! >= dpi / 2) {
        for (const d of run) ruled[d] = 1;
        strips.push({
          x0: x0[a]!,
          x1: x1[b]!,
          y0: Math.min(...run.map((d) => y0[d]!)),
          y1: Math.max(...run.map((d) => y1[d]!)),
        });
      }
      run = [];
    };
    for (const d of level) {
      if (run.length > 0 && x0[d]! - x1[run[run.length - 1]!]! > gap) close();
      run.push(d);
    }
    close();
  }
  return { ruled, strips };
}

/** True when pixel (x, y) of component `r` lies on a horizontal or vertical run of it at least 0.3 inch long. */
function onLongRun(labels: Int32Array, w: number, h: number, x: number, y: number, r: number, dpi: number): boolean {
  if (labels[y * w + x] !== r) return false;
  const min = Math.round(dpi * 0.3);
  let a = x;
  let b = x;
  while (a > 0 && labels[y * w + a - 1] === r) a--;
  while (b < w - 1 && labels[y * w + b + 1] === r) b++;
  if (b - a + 1 >= min) return true;
  a = y;
  b = y;
  while (a > 0 && labels[(a - 1) * w + x] === r) a--;
  while (b < h - 1 && labels[(b + 1) * w + x] === r) b++;
  return b - a + 1 >= min;
}
