/**
 * Character tests by code unit, for the parser's hot loops over every
 * line of every seed, where a Unicode regular expression run per character
 * costs several times more.
 */

/** Exactly the characters `\s` matches in a JavaScript regular expression (WhiteSpace and LineTerminator). */
export function isSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
