import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { colourIconLayers, outlineIconLayers, render } from './draw-icons.js';
import { checkColorIcon, checkOutlineIcon } from './icon-checks.js';
import { decodePng, encodePng } from './png.js';

const committed = (name: string) => readFile(new URL(`./${name}`, import.meta.url));

describe('app icons', () => {
  it('the committed icons pass the checks Teams applies', async () => {
    expect(checkColorIcon(await committed('color.png'), 'color.png')).toEqual([]);
    expect(checkOutlineIcon(await committed('outline.png'), 'outline.png')).toEqual([]);
  });

  it('the generator draws icons that pass too (so redrawing them stays safe)', () => {
    expect(checkColorIcon(encodePng(render(192, colourIconLayers())), 'color.png')).toEqual([]);
    expect(checkOutlineIcon(encodePng(render(32, outlineIconLayers(), 8)), 'outline.png')).toEqual(
      [],
    );
  });

  it('the outline is white ink with anti-aliased edges on a transparent background', async () => {
    const { pixels } = decodePng(await committed('outline.png'));
    const alphas = new Set<number>();
    for (let i = 3; i < pixels.length; i += 4) alphas.add(pixels[i] as number);
    expect(alphas.has(0) && alphas.has(255)).toBe(true);
    expect([...alphas].some((a) => a > 0 && a < 255)).toBe(true);
  });

  it('the colour icon shows the Teams-purple background with a white mark', async () => {
    const { pixels, width } = decodePng(await committed('color.png'));
    const at = (x: number, y: number) =>
      Array.from(pixels.subarray((y * width + x) * 4, (y * width + x) * 4 + 4));
    expect(at(4, 4)).toEqual([0x5b, 0x5f, 0xc7, 255]);
    expect(at(96, 150)).toEqual([255, 255, 255, 255]); // inside the shield, below the people
  });

  it('refuses an outline that is opaque, coloured, or the wrong size', () => {
    const opaqueWhite = encodePng({
      width: 32,
      height: 32,
      pixels: new Uint8Array(32 * 32 * 4).fill(255),
    });
    expect(checkOutlineIcon(opaqueWhite, 'outline.png')).toEqual([
      'outline.png has no transparent pixels: the outline icon must be on a transparent background.',
    ]);
    const grey = new Uint8Array(32 * 32 * 4);
    grey.set([128, 128, 128, 255], (5 * 32 + 7) * 4);
    expect(
      checkOutlineIcon(encodePng({ width: 32, height: 32, pixels: grey }), 'outline.png'),
    ).toEqual([
      'outline.png must be white on transparent: 1 visible pixel(s) are not white, the first at (7, 5) is rgb(128, 128, 128).',
    ]);
    const big = encodePng(render(64, outlineIconLayers()));
    expect(checkOutlineIcon(big, 'outline.png')).toEqual([
      'outline.png must be 32×32 pixels; it is 64×64.',
    ]);
  });

  it('refuses a colour icon that is not a PNG or is empty', () => {
    expect(checkColorIcon(Buffer.from('<svg/>'), 'color.png')).toEqual([
      'color.png is not a usable PNG: not a PNG file (the PNG signature is missing).',
    ]);
    const empty = encodePng({ width: 192, height: 192, pixels: new Uint8Array(192 * 192 * 4) });
    expect(checkColorIcon(empty, 'color.png')).toEqual([
      'color.png is fully transparent: the colour icon needs visible artwork.',
    ]);
  });
});
