import { createCanvas } from '@napi-rs/canvas';
import type { DailyPoint } from '../core/digest/analytics.port.ts';

// The digest chart, drawn with a native canvas: an adapter behind core's renderChart port (data in, PNG out).
const WIDTH = 1000;
const HEIGHT = 420;
const PAD = { left: 64, right: 64, top: 56, bottom: 56 };
const FONT = '"DejaVu Sans", "Liberation Sans", Arial, sans-serif';
const BAR = '#4C78A8';
const LINE = '#E45756';
const INK = '#333333';
const GRID = '#E5E5E5';

/** A rounded-up axis maximum with whole-number steps: 0, 1, 2 … or 0, 5, 10 … */
export function niceMax(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 4, step: 1 };
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000];
  const step = steps.find((s) => max / s <= 5) ?? Math.ceil(max / 5);
  return { top: Math.ceil(max / step) * step, step };
}

/** Reports per day as bars, average data quality as a line: the last N days of the digest. */
export async function renderDigestChart(series: DailyPoint[], opts: { title?: string } = {}): Promise<Uint8Array> {
  const canvas = createCanvas(WIDTH, HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, WIDTH, HEIGHT);

  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const n = Math.max(series.length, 1);
  const slot = plotW / n;
  const { top, step } = niceMax(Math.max(0, ...series.map((p) => p.reports)));
  const yBars = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const yQuality = (q: number) => PAD.top + plotH - q * plotH;

  ctx.font = `bold 18px ${FONT}`;
  ctx.fillStyle = INK;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(opts.title ?? `Reports per day and average quality — last ${series.length} days`, PAD.left, 30);

  // Grid and the left axis (reports).
  ctx.font = `12px ${FONT}`;
  ctx.textBaseline = 'middle';
  for (let v = 0; v <= top; v += step) {
    const y = yBars(v);
    ctx.strokeStyle = GRID;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(PAD.left, y);
    ctx.lineTo(PAD.left + plotW, y);
    ctx.stroke();
    ctx.fillStyle = BAR;
    ctx.textAlign = 'right';
    ctx.fillText(String(v), PAD.left - 8, y);
  }
  // The right axis (quality, 0–100 %).
  ctx.fillStyle = LINE;
  ctx.textAlign = 'left';
  for (let q = 0; q <= 100; q += 25) ctx.fillText(`${q}%`, PAD.left + plotW + 8, yQuality(q / 100));

  ctx.fillStyle = BAR;
  series.forEach((p, i) => {
    if (p.reports <= 0) return;
    const x = PAD.left + i * slot + slot * 0.15;
    const y = yBars(p.reports);
    ctx.fillRect(x, y, slot * 0.7, PAD.top + plotH - y);
  });

  // Quality line: broken where a day had no reports, dots so single days still show.
  ctx.strokeStyle = LINE;
  ctx.fillStyle = LINE;
  ctx.lineWidth = 2.5;
  let drawing = false;
  ctx.beginPath();
  series.forEach((p, i) => {
    const x = PAD.left + i * slot + slot / 2;
    if (p.avgQuality === null) {
      drawing = false;
      return;
    }
    const y = yQuality(Math.min(1, Math.max(0, p.avgQuality)));
    if (drawing) ctx.lineTo(x, y);
    else ctx.moveTo(x, y);
    drawing = true;
  });
  ctx.stroke();
  series.forEach((p, i) => {
    if (p.avgQuality === null) return;
    ctx.beginPath();
    ctx.arc(PAD.left + i * slot + slot / 2, yQuality(Math.min(1, Math.max(0, p.avgQuality))), 3.5, 0, Math.PI * 2);
    ctx.fill();
  });

  // Day labels: about six, always including the last day.
  ctx.fillStyle = INK;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const every = Math.max(1, Math.ceil(n / 6));
  series.forEach((p, i) => {
    if ((n - 1 - i) % every !== 0) return;
    ctx.fillText(p.day.slice(5), PAD.left + i * slot + slot / 2, PAD.top + plotH + 8);
  });

  // Legend.
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  const ly = HEIGHT - 16;
  ctx.fillStyle = BAR;
  ctx.fillRect(PAD.left, ly - 6, 14, 12);
  ctx.fillStyle = INK;
  ctx.fillText('Reports received', PAD.left + 20, ly);
  ctx.strokeStyle = LINE;
  ctx.beginPath();
  ctx.moveTo(PAD.left + 170, ly);
  ctx.lineTo(PAD.left + 190, ly);
  ctx.stroke();
  ctx.fillText('Average data quality', PAD.left + 196, ly);

  return new Uint8Array(await canvas.encode('png'));
}
