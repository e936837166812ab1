import { describe, expect, it } from 'vitest';
import { nameAfterCue } from './title-cues.js';

describe('nameAfterCue', () => {
  it.each([
    ['Emergency MARAC re Smith', 4],
    ['Emergency MARAC re: smith', 4],
    ['MARAC regarding Jane Doe', 3],
    ['Extraordinary meeting concerning the Doe family', null],
    ['Emergency MARAC for Jane', 4],
    ['Extra MARAC about Omar', 4],
  ])('reads %j as naming someone at word %s', (title, word) => {
    expect(nameAfterCue(title)).toBe(word);
  });

  it.each([
    'Northfield MARAC',
    'Emergency MARAC',
    'MARAC for Northfield',
    'Emergency MARAC re case NF-2027-014',
    'MARAC for the area',
    'Extraordinary MARAC for closed cases',
    'MARAC for all agencies',
  ])('accepts %j', (title) => {
    expect(nameAfterCue(title, ['Northfield'])).toBeNull();
  });
});
