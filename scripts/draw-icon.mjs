// Draws the extension icon (images/icon.png, 128×128): a page of a paper on a navy tile, one word underlined with
// a squiggle, and a green check. Shapes are sampled 4×4 per pixel for anti-aliasing. `npm run gen:icon`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const SIZE = 128;
const SS = 4; // samples per pixel per axis
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const NAVY_TOP = hex('#1f4e8c');
const NAVY_BOTTOM = hex('#12284a');
const PAGE = hex('#f7f4ec');
const FOLD = hex('#d9d2c0');
const SHADOW = hex('#0b1a30');
const LINE = hex('#9aa3b2');
const WORD = hex('#f2b705');
const SQUIGGLE = hex('#e0433a');
const GREEN = hex('#2e9e5b');
const WHITE = hex('#ffffff');

function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The page: a rectangle with its top-right corner folded over. */
const P = { x0: 30, y0: 16, x1: 92, y1: 112, fold: 18 };
function inPage(x, y, dx = 0, dy = 0) {
  x -= dx;
  y -= dy;
  if (x < P.x0 || x > P.x1 || y < P.y0 || y > P.y1) return false;
  return x - (P.x1 - P.fold) <= y - P.y0; // below the fold's diagonal
}
function inFold(x, y) {
  const fx = P.x1 - P.fold;
  return x >= fx && y <= P.y0 + P.fold && x - fx >= y - P.y0 && x <= P.x1 && y >= P.y0;
}

function segmentDistance(x, y, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}

/** Colour of one sample point, in 128-pixel coordinates. */
function sample(x, y) {
  // tile
  if (!roundedRect(x, y, 2, 2, 126, 126, 22)) return null;
  const t = y / SIZE;
  let c = NAVY_TOP.map((v, i) => v + (NAVY_BOTTOM[i] - v) * t);
  // page shadow, page, fold
  if (inPage(x, y, 3, 4)) c = c.map((v, i) => v + (SHADOW[i] - v) * 0.55);
  if (inPage(x, y)) {
    c = PAGE;
    // text lines (one with an underlined word)
    const lines = [
      [38, 38, 72],
      [38, 48, 84],
      [38, 58, 80],
      [38, 72, 84],
      [38, 82, 70],
      [38, 92, 78],
    ];
    for (const [lx0, ly, lx1] of lines) if (x >= lx0 && x <= lx1 && Math.abs(y - ly) <= 2.2) c = LINE;
    // the flagged word on the fourth line … and its squiggle
    if (x >= 50 && x <= 72 && Math.abs(y - 72) <= 2.6) c = WORD;
    const wave = 78.5 + 1.6 * Math.sin(((x - 50) / 22) * Math.PI * 4);
    if (x >= 49 && x <= 73 && Math.abs(y - wave) <= 1.5) c = SQUIGGLE;
  }
  if (inFold(x, y)) c = FOLD;
  // check badge
  const bx = 94;
  const by = 96;
  const d = Math.hypot(x - bx, y - by);
  if (d <= 24) c = WHITE; // ring separating badge and page
  if (d <= 21) {
    c = GREEN;
    const stroke = Math.min(segmentDistance(x, y, bx - 10, by + 1, bx - 3, by + 8), segmentDistance(x, y, bx - 3, by + 8, bx + 11, by - 7));
    if (stroke <= 3.4) c = WHITE;
  }
  return c;
}

const png = new PNG({ width: SIZE, height: SIZE });
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = sample(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        if (!c) continue;
        r += c[0];
        g += c[1];
        b += c[2];
        a++;
      }
    }
    const i = (py * SIZE + px) * 4;
    png.data[i] = a ? Math.round(r / a) : 0;
    png.data[i + 1] = a ? Math.round(g / a) : 0;
    png.data[i + 2] = a ? Math.round(b / a) : 0;
    png.data[i + 3] = Math.round((a / (SS * SS)) * 255);
  }
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, PNG.sync.write(png, { colorType: 6 }));
console.log(`images/icon.png written (${SIZE}×${SIZE})`);
