import { createCanvas } from '@napi-rs/canvas';
import type { ChartBlock } from '../core/cards/card.model.ts';

// Issue 17: a neutral chart as a PNG — the last fallback where a client refuses native charts.
const WIDTH = 1000;
const HEIGHT = 420;
const PAD = { left: 110, right: 32, top: 56, bottom: 72 };
const FONT = '"DejaVu Sans", "Liberation Sans", Arial, sans-serif';
const BAR = '#4C78A8';
const DEFICIT = '#D62728';
const INK = '#333333';
const GRID = '#E5E5E5';

const compact = (v: number) =>
  Math.abs(v) >= 1e6 ? `${(v / 1e6).toFixed(1)}M` : Math.abs(v) >= 1e3 ? `${(v / 1e3).toFixed(0)}k` : v.toFixed(0);

export async function renderChartPng(c: ChartBlock): Promise<Uint8Array> {
  const canvas = createCanvas(WIDTH, HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  const values = c.points.map((p) => p.value);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const span = hi - lo || 1;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + ((hi - v) / span) * plotH;
  const n = Math.max(1, c.points.length);
  const slot = plotW / n;
  const x = (i: number) => PAD.left + slot * i + slot / 2;

  ctx.fillStyle = INK;
  ctx.font = `bold 18px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.fillText(c.title, PAD.left, 30);

  // Five grid lines with their values, and the zero line darker.
  ctx.font = `12px ${FONT}`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (let k = 0; k <= 4; k += 1) {
    const v = lo + (span * k) / 4;
    ctx.strokeStyle = GRID;
    ctx.beginPath();
    ctx.moveTo(PAD.left, y(v));
    ctx.lineTo(PAD.left + plotW, y(v));
    ctx.stroke();
    ctx.fillText(compact(v), PAD.left - 8, y(v));
  }
  ctx.strokeStyle = INK;
  ctx.beginPath();
  ctx.moveTo(PAD.left, y(0));
  ctx.lineTo(PAD.left + plotW, y(0));
  ctx.stroke();

  if (c.kind === 'bar') {
    c.points.forEach((p, i) => {
      ctx.fillStyle = p.highlight ? DEFICIT : BAR;
      const top = Math.min(y(p.value), y(0));
      ctx.fillRect(x(i) - slot * 0.35, top, slot * 0.7, Math.max(1, Math.abs(y(p.value) - y(0))));
    });
  } else {
    ctx.strokeStyle = BAR;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    c.points.forEach((p, i) => {
      if (i === 0) ctx.moveTo(x(i), y(p.value));
      else ctx.lineTo(x(i), y(p.value));
    });
    ctx.stroke();
    c.points.forEach((p, i) => {
      ctx.fillStyle = p.value < 0 || p.highlight ? DEFICIT : BAR;
      ctx.beginPath();
      ctx.arc(x(i), y(p.value), 3.5, 0, Math.PI * 2);
      ctx.fill();
    });
  }

  // About eight category labels, always the last.
  ctx.fillStyle = INK;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const every = Math.max(1, Math.ceil(n / 8));
  c.points.forEach((p, i) => {
    if ((n - 1 - i) % every === 0) ctx.fillText(p.label.slice(0, 14), x(i), PAD.top + plotH + 8);
  });
  if (c.xLabel) ctx.fillText(c.xLabel, PAD.left + plotW / 2, HEIGHT - 28);
  return new Uint8Array(await canvas.encode('png'));
}
