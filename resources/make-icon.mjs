// Draws the app icon (resources/icon.png, 1024 px, from which electron-builder makes every platform's
// sizes): a filing sheet with a large "4" and a check mark. Run `node resources/make-icon.mjs` after
// changing it; the PNG is kept in the repository so packaging needs no drawing step.
import { writeFile } from 'node:fs/promises';
import { createCanvas } from '@napi-rs/canvas';

const size = 1024;
const canvas = createCanvas(size, size);
const g = canvas.getContext('2d');

function roundedRect(x, y, width, height, radius) {
  g.beginPath();
  g.moveTo(x + radius, y);
  g.arcTo(x + width, y, x + width, y + height, radius);
  g.arcTo(x + width, y + height, x, y + height, radius);
  g.arcTo(x, y + height, x, y, radius);
  g.arcTo(x, y, x + width, y, radius);
  g.closePath();
}

// Background tile.
roundedRect(64, 64, 896, 896, 180);
g.fillStyle = '#1f3a5f';
g.fill();

// The sheet, with a folded corner.
g.beginPath();
g.moveTo(250, 170);
g.lineTo(650, 170);
g.lineTo(774, 294);
g.lineTo(774, 854);
g.lineTo(250, 854);
g.closePath();
g.fillStyle = '#ffffff';
g.fill();
g.beginPath();
g.moveTo(650, 170);
g.lineTo(650, 294);
g.lineTo(774, 294);
g.closePath();
g.fillStyle = '#c9d6e8';
g.fill();

// Ruled lines of a form.
g.fillStyle = '#c9d6e8';
for (const y of [640, 700, 760]) g.fillRect(310, y, 404, 22);

// The "4".
g.fillStyle = '#1f3a5f';
g.font = 'bold 400px sans-serif';
g.textAlign = 'center';
g.textBaseline = 'alphabetic';
g.fillText('4', 430, 580);

// The check mark of a reviewed filing.
g.strokeStyle = '#2e9e5b';
g.lineWidth = 56;
g.lineCap = 'round';
g.lineJoin = 'round';
g.beginPath();
g.moveTo(600, 470);
g.lineTo(650, 530);
g.lineTo(760, 400);
g.stroke();

await writeFile(new URL('./icon.png', import.meta.url), canvas.toBuffer('image/png'));
