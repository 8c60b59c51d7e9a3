/**
 * A windows-1251 encoder. FNS XML files are windows-1251, Node has a decoder for it (TextDecoder,
 * full ICU) but no encoder, so the table is the decoder's inverse: exact, and no dependency.
 */
const ENCODE = new Map<string, number>();
{
  const high = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));
  [...high].forEach((char, i) => {
    if (char !== '\ufffd') ENCODE.set(char, 0x80 + i);
  });
}

/** Whether every character of `text` has a windows-1251 byte. */
export function isWindows1251(text: string): boolean {
  for (const char of text) {
    if ((char.codePointAt(0) ?? 0) >= 0x80 && !ENCODE.has(char)) return false;
  }
  return true;
}

/** The characters of `text` that windows-1251 cannot carry (for a readable error). */
export function nonWindows1251(text: string): string[] {
  return [...new Set([...text].filter((char) => !isWindows1251(char)))];
}

/** Encodes `text` as windows-1251; throws on a character the code page does not have. */
export function encodeWindows1251(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  let length = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const byte = code < 0x80 ? code : ENCODE.get(char);
    if (byte === undefined) {
      throw new RangeError(
        `Character U+${code.toString(16).toUpperCase().padStart(4, '0')} has no windows-1251 byte`,
      );
    }
    bytes[length++] = byte;
  }
  return bytes.subarray(0, length);
}
