// Draws the example content's images (prisma/seed/content/media/*.jpg) from SVG with sharp.
// Run from the repository root: `node prisma/seed/make-example-images.mjs`. The output is committed;
// run it again only to change the pictures. Deterministic: same sharp version, same bytes.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'content', 'media');

/** A small deterministic pseudo-random sequence (wood grain, pencil strokes). */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Feature image of "The Case for the Long Read": an armchair beside a window, an open book on its arm. */
function armchairByWindow() {
  const w = 1440;
  const h = 960;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <defs>
    <linearGradient id="wall" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#f1e7d6"/><stop offset="1" stop-color="#d6c1a3"/>
    </linearGradient>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#9cc3dc"/><stop offset="0.7" stop-color="#e9e2cf"/><stop offset="1" stop-color="#f7d9a8"/>
    </linearGradient>
    <linearGradient id="floor" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#9a7556"/><stop offset="1" stop-color="#6e4f39"/>
    </linearGradient>
    <linearGradient id="beam" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#fff4d6" stop-opacity="0.55"/><stop offset="1" stop-color="#fff4d6" stop-opacity="0"/>
    </linearGradient>
    <linearGradient id="chair" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#3b6f73"/><stop offset="1" stop-color="#24484c"/>
    </linearGradient>
    <radialGradient id="lamp" cx="0.5" cy="0.5" r="0.5">
      <stop offset="0" stop-color="#fff1c4" stop-opacity="0.8"/><stop offset="1" stop-color="#fff1c4" stop-opacity="0"/>
    </radialGradient>
  </defs>
  <rect width="${w}" height="${h}" fill="url(#wall)"/>
  <rect x="0" y="760" width="${w}" height="200" fill="url(#floor)"/>
  <rect x="0" y="752" width="${w}" height="12" fill="#5d4330" opacity="0.6"/>
  <!-- window -->
  <rect x="150" y="120" width="420" height="520" fill="#6b5440"/>
  <rect x="168" y="138" width="384" height="484" fill="url(#sky)"/>
  <clipPath id="pane"><rect x="168" y="138" width="384" height="484"/></clipPath>
  <g clip-path="url(#pane)">
    <ellipse cx="300" cy="600" rx="220" ry="60" fill="#7f9a74" opacity="0.8"/>
    <ellipse cx="480" cy="625" rx="160" ry="50" fill="#6c8a66" opacity="0.85"/>
  </g>
  <rect x="352" y="138" width="16" height="484" fill="#6b5440"/>
  <rect x="168" y="372" width="384" height="16" fill="#6b5440"/>
  <rect x="130" y="636" width="460" height="22" rx="4" fill="#5d4330"/>
  <polygon points="168,138 552,138 1180,900 420,900" fill="url(#beam)"/>
  <!-- lamp glow and shelf -->
  <circle cx="1250" cy="300" r="190" fill="url(#lamp)"/>
  <rect x="1180" y="420" width="200" height="14" fill="#5d4330"/>
  <rect x="1196" y="356" width="26" height="64" fill="#b5523b"/>
  <rect x="1226" y="346" width="20" height="74" fill="#d9a441"/>
  <rect x="1250" y="362" width="30" height="58" fill="#42627f"/>
  <rect x="1284" y="352" width="18" height="68" fill="#7a8c57"/>
  <!-- armchair -->
  <ellipse cx="880" cy="880" rx="330" ry="34" fill="#3d2b1f" opacity="0.35"/>
  <rect x="640" y="380" width="480" height="330" rx="70" fill="url(#chair)"/>
  <rect x="680" y="600" width="400" height="150" rx="40" fill="#2c5559"/>
  <rect x="600" y="540" width="120" height="250" rx="50" fill="#33656a"/>
  <rect x="1040" y="540" width="120" height="250" rx="50" fill="#33656a"/>
  <rect x="650" y="780" width="24" height="90" rx="6" fill="#4a3426"/>
  <rect x="1086" y="780" width="24" height="90" rx="6" fill="#4a3426"/>
  <!-- open book on the left arm -->
  <polygon points="560,532 662,512 668,548 570,566" fill="#fbf6ea"/>
  <polygon points="662,512 760,528 752,562 668,548" fill="#f3ecdc"/>
  <line x1="662" y1="512" x2="668" y2="548" stroke="#8a7a63" stroke-width="3"/>
  <g stroke="#b9ad98" stroke-width="2">
    <line x1="582" y1="536" x2="650" y2="523"/><line x1="584" y1="545" x2="652" y2="532"/><line x1="586" y1="554" x2="654" y2="541"/>
    <line x1="676" y1="526" x2="744" y2="537"/><line x1="676" y1="535" x2="742" y2="546"/><line x1="676" y1="544" x2="740" y2="555"/>
  </g>
  <polygon points="566,564 670,546 752,560 668,556" fill="#8f3b2c"/>
</svg>`;
}

/** Body image: a printed essay on a wooden desk, covered in handwritten pencil notes. */
function deskProof() {
  const w = 1200;
  const h = 800;
  const rnd = random(9);
  const grain = Array.from({ length: 34 }, (_, i) => {
    const y = 12 + i * 24 + rnd() * 10;
    const bend = 6 + rnd() * 14;
    return `<path d="M0 ${y.toFixed(1)} C ${300} ${(y - bend).toFixed(1)}, ${800} ${(y + bend).toFixed(1)}, ${w} ${(y - bend / 2).toFixed(1)}" stroke="#5a3a22" stroke-width="${(1 + rnd() * 2).toFixed(1)}" fill="none" opacity="${(0.15 + rnd() * 0.2).toFixed(2)}"/>`;
  }).join('\n    ');
  const lines = [];
  for (let i = 0; i < 24; i++) {
    const y = 150 + i * 21;
    if (i === 0) lines.push(`<rect x="160" y="${y - 26}" width="300" height="18" fill="#3a3a3a"/>`);
    else if (i % 8 === 0) continue;
    else lines.push(`<rect x="160" y="${y}" width="${(330 + rnd() * 100).toFixed(0)}" height="7" fill="#8d8d8d"/>`);
  }
  const scribbles = Array.from({ length: 9 }, (_, i) => {
    const x = 600 + rnd() * 30;
    const y = 150 + i * 52;
    let d = `M${x.toFixed(0)} ${y.toFixed(0)}`;
    for (let k = 1; k <= 6; k++) d += ` q 6 ${(-8 - rnd() * 6).toFixed(0)} 12 0 t 12 0`;
    return `<path d="${d}" stroke="#55575c" stroke-width="2.2" fill="none" opacity="0.85"/>`;
  }).join('\n      ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <defs>
    <linearGradient id="wood" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#b07a4c"/><stop offset="0.5" stop-color="#98643b"/><stop offset="1" stop-color="#7c4f2d"/>
    </linearGradient>
    <filter id="shadow" x="-10%" y="-10%" width="130%" height="130%"><feGaussianBlur stdDeviation="14"/></filter>
  </defs>
  <rect width="${w}" height="${h}" fill="url(#wood)"/>
  <g>
    ${grain}
  </g>
  <g transform="rotate(-4 520 420)">
    <rect x="138" y="98" width="660" height="660" fill="#2b1a0e" opacity="0.45" filter="url(#shadow)"/>
    <rect x="120" y="80" width="660" height="660" fill="#fbfaf5"/>
    <g>
      ${lines.join('\n      ')}
    </g>
    <g>
      ${scribbles}
    </g>
    <path d="M150 318 h300" stroke="#55575c" stroke-width="2.5"/>
    <ellipse cx="300" cy="480" rx="130" ry="22" stroke="#55575c" stroke-width="2.5" fill="none"/>
    <path d="M430 480 C 520 470, 560 420, 630 410" stroke="#55575c" stroke-width="2.2" fill="none"/>
  </g>
  <g transform="rotate(28 960 520)">
    <rect x="800" y="505" width="330" height="30" fill="#e4b63c"/>
    <rect x="800" y="505" width="330" height="10" fill="#f0c95a"/>
    <rect x="1130" y="505" width="40" height="30" fill="#c9c2b5"/>
    <rect x="1170" y="505" width="26" height="30" rx="6" fill="#d27a7a"/>
    <polygon points="800,505 752,520 800,535" fill="#e8cfa5"/>
    <polygon points="766,516 752,520 766,524" fill="#3c3c3c"/>
  </g>
  <circle cx="1030" cy="170" r="92" fill="none" stroke="#6b4426" stroke-width="10" opacity="0.35"/>
</svg>`;
}

const images = [
  { file: 'the-case-for-the-long-read.jpg', svg: armchairByWindow() },
  { file: 'long-read-desk-proof.jpg', svg: deskProof() },
];

await mkdir(OUT, { recursive: true });
for (const { file, svg } of images) {
  const jpeg = await sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
  await writeFile(join(OUT, file), jpeg);
  console.log(`${file}: ${jpeg.length} bytes`);
}
