import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePng, encodePng, PngError } from './png.js';

/**
 * PNGs of the kinds image editors save, written here byte by byte (independently of
 * encodePng), so the decoder is tested on what admins may drop in as their own icons.
 */
function pngFile(opts: {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  rows: number[][]; // unfiltered scanline bytes
  filters?: number[]; // one per row
  plte?: number[];
  trns?: number[];
  interlace?: number;
}): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[opts.colorType] as number;
  const bpp = Math.max(1, (channels * opts.bitDepth) / 8);
  const filtered = opts.rows.flatMap((row, y) => {
    const filter = opts.filters?.[y] ?? 0;
    const above = opts.rows[y - 1] ?? row.map(() => 0);
    const out = row.map((value, x) => {
      const a = x >= bpp ? (row[x - bpp] as number) : 0;
      const b = above[x] as number;
      const c = x >= bpp ? (above[x - bpp] as number) : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter] as number;
      return (value - predictor) & 0xff;
    });
    return [filter, ...out];
  });
  const header = Buffer.alloc(13);
  header.writeUInt32BE(opts.width, 0);
  header.writeUInt32BE(opts.height, 4);
  header.set([opts.bitDepth, opts.colorType, 0, 0, opts.interlace ?? 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...(opts.plte ? [chunk('PLTE', Buffer.from(opts.plte))] : []),
    ...(opts.trns ? [chunk('tRNS', Buffer.from(opts.trns))] : []),
    chunk('IDAT', deflateSync(Buffer.from(filtered))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function paeth(a: number, b: number, c: number) {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

const rgba = (image: { pixels: Uint8Array }) => Array.from(image.pixels);

describe('PNG', () => {
  it('reads back what it writes', () => {
    const pixels = new Uint8Array(3 * 2 * 4).map((_, i) => (i * 37) % 256);
    const image = decodePng(encodePng({ width: 3, height: 2, pixels }));
    expect(image).toMatchObject({ width: 3, height: 2 });
    expect(rgba(image)).toEqual(Array.from(pixels));
  });

  it.each([
    ['varied', (x: number, y: number) => (x * 29 + y * 71) % 256],
    // Pseudo-random bytes from few values: the Paeth predictor's tie-breaks (pa = pb, pb = pc)
    // then decide the result, which is where decoders go wrong.
    [
      'tied',
      (x: number, y: number) => [0, 10, 20, 30][((x * 2654435761 + y * 40503) >>> 7) % 4] as number,
    ],
  ])('undoes every row filter (none, sub, up, average, paeth) on %s data', (_kind, value) => {
    const rows = Array.from({ length: 40 }, (_, y) =>
      Array.from({ length: 64 }, (_, x) => value(x, y)),
    );
    const filters = rows.map((_, y) => y % 5);
    const file = pngFile({ width: 16, height: 40, bitDepth: 8, colorType: 6, rows, filters });
    expect(rgba(decodePng(file))).toEqual(rows.flat());
  });

  it('reads 8-bit RGB with a transparent colour key, as white-on-transparent outlines are often saved', () => {
    const file = pngFile({
      width: 2,
      height: 1,
      bitDepth: 8,
      colorType: 2,
      rows: [[255, 255, 255, 0, 0, 0]],
      trns: [0, 0, 0, 0, 0, 0],
    });
    expect(rgba(decodePng(file))).toEqual([255, 255, 255, 255, 0, 0, 0, 0]);
  });

  it('reads 16-bit greyscale with alpha', () => {
    const file = pngFile({
      width: 1,
      height: 1,
      bitDepth: 16,
      colorType: 4,
      rows: [[0xff, 0xff, 0x80, 0x00]],
    });
    expect(rgba(decodePng(file))).toEqual([255, 255, 255, 128]);
  });

  it('reads a 2-bit palette image with palette transparency', () => {
    const file = pngFile({
      width: 3,
      height: 1,
      bitDepth: 2,
      colorType: 3,
      rows: [[0b00011000]], // indices 0, 1, 2
      plte: [255, 255, 255, 91, 95, 199, 10, 20, 30],
      trns: [255, 0],
    });
    expect(rgba(decodePng(file))).toEqual([255, 255, 255, 255, 91, 95, 199, 0, 10, 20, 30, 255]);
  });

  it('reads 1-bit greyscale', () => {
    const file = pngFile({ width: 3, height: 1, bitDepth: 1, colorType: 0, rows: [[0b10100000]] });
    expect(rgba(decodePng(file))).toEqual([255, 255, 255, 255, 0, 0, 0, 255, 255, 255, 255, 255]);
  });

  it('refuses what it cannot read, saying why', () => {
    const good = encodePng({ width: 1, height: 1, pixels: new Uint8Array(4) });
    const corrupt = Buffer.from(good);
    corrupt.writeUInt8(corrupt.readUInt8(corrupt.length - 20) ^ 0xff, corrupt.length - 20); // inside IDAT
    expect(() => decodePng(Buffer.from('GIF89a...'))).toThrow(
      new PngError('not a PNG file (the PNG signature is missing)'),
    );
    expect(() => decodePng(corrupt)).toThrow(/fails its CRC/);
    expect(() => decodePng(good.subarray(0, 30))).toThrow(/truncated PNG/);
    expect(() =>
      decodePng(
        pngFile({
          width: 1,
          height: 1,
          bitDepth: 8,
          colorType: 6,
          rows: [[1, 2, 3, 4]],
          interlace: 1,
        }),
      ),
    ).toThrow(/interlaced PNGs are not supported/);
  });
});
