/**
 * Draws the skill icons (108×108 and 512×512 PNG) with no image libraries: a high-contrast "2nd" in white
 * on deep blue, legible at phone-list size. `npm run icons` rewrites skill-package/assets/images/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { REPO_ROOT } from './content/load';

// 5×7 glyphs, '#' is ink.
const GLYPHS: Record<string, string[]> = {
  '2': [' ### ', '#   #', '    #', '   # ', '  #  ', ' #   ', '#####'],
  n: ['     ', '     ', '#### ', '#   #', '#   #', '#   #', '#   #'],
  d: ['    #', '    #', ' ####', '#   #', '#   #', '#   #', ' ####'],
};
const BACKGROUND = [0x0b, 0x3d, 0x91];
const INK = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function drawIcon(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 3);
  for (let i = 0; i < size * size; i++) pixels.set(BACKGROUND, i * 3);
  // "2nd": three 5-wide glyphs with 1-cell gaps = 17 cells across; leave a margin of about 12%.
  const text = ['2', 'n', 'd'];
  const cell = Math.floor((size * 0.76) / 17);
  const left = Math.floor((size - cell * 17) / 2);
  const top = Math.floor((size - cell * 7) / 2);
  text.forEach((ch, g) => {
    GLYPHS[ch].forEach((row, y) => {
      [...row].forEach((mark, x) => {
        if (mark !== '#') return;
        for (let dy = 0; dy < cell; dy++) {
          for (let dx = 0; dx < cell; dx++) {
            const px = left + (g * 6 + x) * cell + dx;
            const py = top + y * cell + dy;
            pixels.set(INK, (py * size + px) * 3);
          }
        }
      });
    });
  });
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 3 + 1) + 1, y * size * 3, (y + 1) * size * 3);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export const ICONS = { 'en-GB_smallIconUri.png': 108, 'en-GB_largeIconUri.png': 512 } as const;

if (require.main === module) {
  for (const [name, size] of Object.entries(ICONS)) writeFileSync(join(REPO_ROOT, 'skill-package', 'assets', 'images', name), drawIcon(size));
  console.log('icons written to skill-package/assets/images/');
}
