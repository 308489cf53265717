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
