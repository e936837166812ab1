/**
 * The deepest nesting of objects and arrays in a JSON text, found in one pass over the bytes
 * (strings skipped), without parsing: so a body nested thousands deep is refused before
 * JSON.parse builds it and before any code walks it recursively.
 */
export function jsonDepthExceeds(bytes: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (b === 0x7d || b === 0x5d) depth -= 1;
  }
  return false;
}

/** Real requests nest a few levels (an adaptive card's data a few more); 64 is generous. */
export const MAX_JSON_DEPTH = 64;

/** For express.json's `verify`: throws a 400 for a body nested deeper than MAX_JSON_DEPTH. */
export function verifyJsonDepth(_req: unknown, _res: unknown, buf: Buffer): void {
  if (jsonDepthExceeds(buf, MAX_JSON_DEPTH))
    throw Object.assign(new Error('The JSON body is nested too deeply.'), {
      type: 'entity.too.deep',
      status: 400,
      expose: true,
    });
}
