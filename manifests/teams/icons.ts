/**
 * Draws the Teams app icons: color.png (192×192, full colour) and outline.png (32×32, white on
 * transparent, as Teams requires). Run with `node manifests/teams/icons.ts`; the PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';

const ACCENT = '#1F4E79';

/** Three rising bars and a tick: figures, checked. Drawn in a 32-unit box, scaled to the icon. */
function glyph(ctx: SKRSContext2D, scale: number, color: string) {
  ctx.save();
  ctx.scale(scale, scale);
  ctx.fillStyle = color;
  ctx.strokeStyle = color;
  const bars: [number, number][] = [
    [3, 9],
    [10, 14],
    [17, 19],
  ];
  for (const [x, h] of bars) ctx.fillRect(x, 29 - h, 5, h);
  ctx.lineWidth = 3;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.moveTo(21, 6.5);
  ctx.lineTo(24, 9.5);
  ctx.lineTo(29.5, 3.5);
  ctx.stroke();
  ctx.restore();
}

const color = createCanvas(192, 192);
const c = color.getContext('2d');
c.fillStyle = ACCENT;
c.fillRect(0, 0, 192, 192);
c.translate(32, 32);
glyph(c, 4, '#FFFFFF');
writeFileSync(new URL('./color.png', import.meta.url), color.toBuffer('image/png'));

const outline = createCanvas(32, 32);
glyph(outline.getContext('2d'), 1, '#FFFFFF');
writeFileSync(new URL('./outline.png', import.meta.url), outline.toBuffer('image/png'));
console.log('wrote manifests/teams/color.png and outline.png');
