/** Magic numbers of formats people pass by mistake: documents, images, archives, media, executables. */
const SIGNATURES: ReadonlyArray<[string, number[]]> = [
  ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['ZIP (or Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip', [0x1f, 0x8b]],
  ['RIFF (WebP, WAV or AVI)', [0x52, 0x49, 0x46, 0x46]],
  ['Ogg', [0x4f, 0x67, 0x67, 0x53]],
  ['MP3', [0x49, 0x44, 0x33]],
  ['ELF', [0x7f, 0x45, 0x4c, 0x46]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf]],
  ['Word 97-2003', [0xd0, 0xcf, 0x11, 0xe0]],
  ['WebAssembly', [0x00, 0x61, 0x73, 0x6d]],
];

const SAMPLE = 8192;

/**
 * The kind of binary content `bytes` hold ("PDF", "PNG", "binary"), or null for text. Text is what has
 * no known magic number, no NUL byte and few control characters in its first 8 KB; a UTF-16 BOM is text.
 */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, sig] of SIGNATURES) if (sig.every((b, i) => bytes[i] === b)) return name;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  const n = Math.min(bytes.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return 'binary';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return n > 0 && control / n > 0.05 ? 'binary' : null;
}
