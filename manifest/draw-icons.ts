import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng, type RgbaImage } from './png.js';

/**
 * Draws the app icons: a shield with three people (a conference that protects someone).
 * The colour icon is a white shield on Teams purple; the outline icon is the same mark in white
 * on transparent, as Teams requires. Shapes are maths, edges are anti-aliased by supersampling.
 *
 *   node --import tsx manifest/draw-icons.ts   rewrites manifest/color.png and outline.png
 */
type Rgb = readonly [number, number, number];
/** A layer answers "is this point inside me?" in icon units (0..1 on both axes). */
interface Layer {
  colour: Rgb;
  contains: (x: number, y: number) => boolean;
}

export const TEAMS_PURPLE: Rgb = [0x5b, 0x5f, 0xc7];
const WHITE: Rgb = [255, 255, 255];
const LAVENDER: Rgb = [0xb9, 0xbb, 0xf0];

/** Shield: straight sides for the top 42%, then convex curves meeting in a point. */
function shield(cx: number, top: number, halfWidth: number, height: number) {
  return (x: number, y: number): boolean => {
    const t = (y - top) / height;
    if (t < 0 || t > 1) return false;
    const corner = 0.06; // rounded top corners
    let w = halfWidth;
    if (t < corner) w = halfWidth - (corner - t) * halfWidth * 0.9;
    if (t > 0.42) w = halfWidth * Math.pow(1 - (t - 0.42) / 0.58, 0.62);
    return Math.abs(x - cx) <= w;
  };
}

/** Head and shoulders: a circle over the top half of an ellipse. */
function person(cx: number, headY: number, r: number) {
  return (x: number, y: number): boolean => {
    const head = (x - cx) ** 2 + (y - headY) ** 2 <= r * r;
    const bodyY = headY + 2.75 * r;
    const body = y <= bodyY && ((x - cx) / (1.75 * r)) ** 2 + ((y - bodyY) / (1.45 * r)) ** 2 <= 1;
    return head || body;
  };
}

function grown(shape: (x: number, y: number) => boolean, by: number) {
  const offsets = Array.from({ length: 12 }, (_, i) => [
    Math.cos((i * Math.PI) / 6) * by,
    Math.sin((i * Math.PI) / 6) * by,
  ]);
  return (x: number, y: number) =>
    shape(x, y) || offsets.some(([dx, dy]) => shape(x + (dx as number), y + (dy as number)));
}

const and =
  (...shapes: ((x: number, y: number) => boolean)[]) =>
  (x: number, y: number) =>
    shapes.every((s) => s(x, y));
const not = (shape: (x: number, y: number) => boolean) => (x: number, y: number) => !shape(x, y);

export function colourIconLayers(): Layer[] {
  const outer = shield(0.5, 0.16, 0.28, 0.7);
  const gap = shield(0.5, 0.18, 0.26, 0.65);
  const inside = shield(0.5, 0.2, 0.24, 0.6);
  const centre = person(0.5, 0.385, 0.065);
  return [
    { colour: TEAMS_PURPLE, contains: () => true },
    { colour: WHITE, contains: outer },
    { colour: TEAMS_PURPLE, contains: gap },
    { colour: WHITE, contains: inside },
    { colour: LAVENDER, contains: and(inside, person(0.385, 0.42, 0.05)) },
    { colour: LAVENDER, contains: and(inside, person(0.615, 0.42, 0.05)) },
    { colour: WHITE, contains: and(inside, grown(centre, 0.018)) },
    { colour: TEAMS_PURPLE, contains: and(inside, centre) },
  ];
}

export function outlineIconLayers(): Layer[] {
  const outer = shield(0.5, 0.09, 0.34, 0.84);
  const inside = shield(0.5, 0.165, 0.265, 0.7);
  return [
    { colour: WHITE, contains: and(outer, not(inside)) },
    { colour: WHITE, contains: and(inside, person(0.5, 0.37, 0.085)) },
  ];
}

/** Renders layers (later ones on top) with n×n samples per pixel. */
export function render(size: number, layers: Layer[], samples = 4): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let colour: Rgb | null = null;
          for (const layer of layers) if (layer.contains(x, y)) colour = layer.colour;
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          hits++;
        }
      }
      const at = (py * size + px) * 4;
      if (hits === 0) continue;
      pixels.set(
        [
          Math.round(r / hits),
          Math.round(g / hits),
          Math.round(b / hits),
          Math.round((255 * hits) / samples ** 2),
        ],
        at,
      );
    }
  }
  return { width: size, height: size, pixels };
}

export async function writeIcons(dir: string): Promise<void> {
  await writeFile(path.join(dir, 'color.png'), encodePng(render(192, colourIconLayers())));
  await writeFile(path.join(dir, 'outline.png'), encodePng(render(32, outlineIconLayers(), 8)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeIcons(path.dirname(fileURLToPath(import.meta.url)));
  process.stdout.write('Wrote manifest/color.png (192×192) and manifest/outline.png (32×32).\n');
}
