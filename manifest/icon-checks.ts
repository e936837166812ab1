import { decodePng, PngError, type RgbaImage } from './png.js';

/**
 * The icon rules Teams' own validator applies, checked offline: a 192×192 full-colour PNG, and a
 * 32×32 PNG outline that is white on a transparent background. Returns problems, never throws.
 */
export const COLOR_SIZE = 192;
export const OUTLINE_SIZE = 32;
/** Anti-aliased edges are allowed; the ink itself must be white, so allow only rounding noise. */
const WHITE_FLOOR = 250;

export function checkColorIcon(file: Uint8Array, name: string): string[] {
  const image = decode(file, name);
  if (typeof image === 'string') return [image];
  const problems = sizeProblems(image, COLOR_SIZE, name);
  if (countPixels(image, (_r, _g, _b, a) => a > 0) === 0)
    problems.push(`${name} is fully transparent: the colour icon needs visible artwork.`);
  return problems;
}

export function checkOutlineIcon(file: Uint8Array, name: string): string[] {
  const image = decode(file, name);
  if (typeof image === 'string') return [image];
  const problems = sizeProblems(image, OUTLINE_SIZE, name);
  const transparent = countPixels(image, (_r, _g, _b, a) => a === 0);
  const ink = countPixels(image, (_r, _g, _b, a) => a > 0);
  if (transparent === 0)
    problems.push(
      `${name} has no transparent pixels: the outline icon must be on a transparent background.`,
    );
  if (ink === 0) problems.push(`${name} is fully transparent: draw the outline in white.`);
  const notWhite = firstPixel(
    image,
    (r, g, b, a) => a > 0 && (r < WHITE_FLOOR || g < WHITE_FLOOR || b < WHITE_FLOOR),
  );
  if (notWhite)
    problems.push(
      `${name} must be white on transparent: ${notWhite.count} visible pixel(s) are not white, the first at (${notWhite.x}, ${notWhite.y}) is rgb(${notWhite.rgb.join(', ')}).`,
    );
  return problems;
}

function decode(file: Uint8Array, name: string): RgbaImage | string {
  try {
    return decodePng(file);
  } catch (error) {
    if (error instanceof PngError) return `${name} is not a usable PNG: ${error.message}.`;
    throw error;
  }
}

function sizeProblems(image: RgbaImage, size: number, name: string): string[] {
  return image.width === size && image.height === size
    ? []
    : [`${name} must be ${size}×${size} pixels; it is ${image.width}×${image.height}.`];
}

type PixelTest = (r: number, g: number, b: number, a: number) => boolean;

function countPixels(image: RgbaImage, test: PixelTest): number {
  return firstPixel(image, test)?.count ?? 0;
}

function firstPixel(image: RgbaImage, test: PixelTest) {
  let first: { x: number; y: number; rgb: number[] } | null = null;
  let count = 0;
  const p = image.pixels;
  for (let i = 0; i < p.length; i += 4) {
    if (!test(p[i] as number, p[i + 1] as number, p[i + 2] as number, p[i + 3] as number)) continue;
    count++;
    first ??= {
      x: (i / 4) % image.width,
      y: Math.floor(i / 4 / image.width),
      rgb: [p[i] as number, p[i + 1] as number, p[i + 2] as number],
    };
  }
  return first ? { ...first, count } : null;
}
