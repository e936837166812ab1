import { crc32, deflateSync, inflateSync } from 'node:zlib';

/**
 * Just enough PNG to draw our icons and to check anyone's: write 8-bit RGBA, read the
 * non-interlaced forms image editors save (greyscale, RGB, palette, with or without alpha,
 * 1 to 16 bits). Node's zlib does the compression; nothing else is needed.
 */
export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes: r, g, b, a. */
  pixels: Uint8Array;
}

export class PngError extends Error {
  override name = 'PngError';
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export function encodePng(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 4)
    throw new PngError(`expected ${width * height * 4} bytes of RGBA, got ${pixels.length}`);
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

interface Header {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}

export function decodePng(file: Uint8Array): RgbaImage {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(SIGNATURE))
    throw new PngError('not a PNG file (the PNG signature is missing)');
  let header: Header | null = null;
  let palette: Buffer | null = null;
  let transparency: Buffer | null = null;
  const data: Buffer[] = [];
  for (let at = 8; ;) {
    if (at + 12 > bytes.length) throw new PngError('truncated PNG (no IEND chunk)');
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > bytes.length) throw new PngError(`truncated PNG (${type} chunk runs past the end)`);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length))
      throw new PngError(`corrupt PNG (${type} chunk fails its CRC)`);
    if (type === 'IHDR') header = readHeader(body);
    else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    at = end;
  }
  if (!header) throw new PngError('corrupt PNG (no IHDR chunk)');
  if (header.interlace !== 0)
    throw new PngError('interlaced PNGs are not supported: save the icon without interlacing');
  if (header.colorType === 3 && !palette)
    throw new PngError('corrupt PNG (palette image without PLTE)');
  const channels = CHANNELS[header.colorType] as number;
  const rows = unfilter(inflateSync(Buffer.concat(data)), header, channels);
  return toRgba(rows, header, channels, palette, transparency);
}

function readHeader(body: Buffer): Header {
  const header = {
    width: body.readUInt32BE(0),
    height: body.readUInt32BE(4),
    bitDepth: body[8] as number,
    colorType: body[9] as number,
    interlace: body[12] as number,
  };
  if (!(header.colorType in CHANNELS))
    throw new PngError(`unknown PNG colour type ${header.colorType}`);
  if (![1, 2, 4, 8, 16].includes(header.bitDepth))
    throw new PngError(`unsupported PNG bit depth ${header.bitDepth}`);
  return header;
}

/** Undoes the per-row filters (PNG spec §9) and returns the raw scanlines without filter bytes. */
function unfilter(inflated: Buffer, header: Header, channels: number): Buffer {
  const bitsPerPixel = channels * header.bitDepth;
  const stride = Math.ceil((header.width * bitsPerPixel) / 8);
  const bpp = Math.max(1, bitsPerPixel / 8);
  if (inflated.length < (stride + 1) * header.height)
    throw new PngError('corrupt PNG (image data shorter than its size says)');
  const out = Buffer.alloc(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = inflated[y * (stride + 1)] as number;
    const line = inflated.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? (out[row + x - bpp] as number) : 0;
      const b = y > 0 ? (out[row - stride + x] as number) : 0;
      const c = x >= bpp && y > 0 ? (out[row - stride + x - bpp] as number) : 0;
      const raw = line[x] as number;
      let value: number;
      if (filter === 0) value = raw;
      else if (filter === 1) value = raw + a;
      else if (filter === 2) value = raw + b;
      else if (filter === 3) value = raw + ((a + b) >> 1);
      else if (filter === 4) value = raw + paeth(a, b, c);
      else throw new PngError(`corrupt PNG (unknown row filter ${filter})`);
      out[row + x] = value & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function toRgba(
  rows: Buffer,
  header: Header,
  channels: number,
  palette: Buffer | null,
  transparency: Buffer | null,
): RgbaImage {
  const { width, height, bitDepth, colorType } = header;
  const stride = Math.ceil((width * channels * bitDepth) / 8);
  const max = (1 << bitDepth) - 1;
  const sample = (y: number, index: number): number => {
    if (bitDepth === 8) return rows[y * stride + index] as number;
    if (bitDepth === 16) return rows.readUInt16BE(y * stride + index * 2);
    const bit = index * bitDepth;
    const byte = rows[y * stride + (bit >> 3)] as number;
    return (byte >> (8 - bitDepth - (bit & 7))) & max;
  };
  const to8 = (v: number) => (colorType === 3 ? v : Math.round((v * 255) / max));
  const transparentKey =
    transparency && (colorType === 0 || colorType === 2)
      ? Array.from({ length: colorType === 0 ? 1 : 3 }, (_, i) => transparency.readUInt16BE(i * 2))
      : null;
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = Array.from({ length: channels }, (_, c) => sample(y, x * channels + c));
      let rgba: [number, number, number, number];
      if (colorType === 3) {
        const i = s[0] as number;
        if ((palette as Buffer).length < i * 3 + 3)
          throw new PngError('corrupt PNG (palette index out of range)');
        const p = palette as Buffer;
        const alpha = transparency && i < transparency.length ? (transparency[i] as number) : 255;
        rgba = [p[i * 3] as number, p[i * 3 + 1] as number, p[i * 3 + 2] as number, alpha];
      } else {
        const grey = colorType === 0 || colorType === 4;
        const colour = grey ? [s[0], s[0], s[0]] : [s[0], s[1], s[2]];
        const keyed = transparentKey?.every((k, i) => k === s[i]) ?? false;
        const alpha = colorType === 4 ? s[1] : colorType === 6 ? s[3] : keyed ? 0 : max;
        rgba = [
          to8(colour[0] as number),
          to8(colour[1] as number),
          to8(colour[2] as number),
          to8(alpha as number),
        ];
      }
      pixels.set(rgba, (y * width + x) * 4);
    }
  }
  return { width, height, pixels };
}
