/**
 * How deeply arrays and objects nest in a JSON text, counted in one pass without parsing, stopping
 * at `limit + 1`. JSON.parse itself copes with deep nesting, but what is done with the value later
 * (JSON.stringify, recursive checks) overflows the stack: 300,000 nested arrays in an attestation
 * once crashed the upload after the dry run had passed it. Text that is not JSON gets some number;
 * JSON.parse reports it.
 */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i++; // backslash: the next character is escaped
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return deepest;
}
