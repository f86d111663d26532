/**
 * Encodes text into a legacy CJK or Western encoding for tests. Node's TextEncoder only writes UTF-8,
 * so the table is built by decoding every one- and two-byte sequence with TextDecoder and inverting.
 */
const tables = new Map<string, Map<string, number[]>>();

/** windows-1252's 0x80-0x9F row as the WHATWG index gives it (Node 20 decodes this row as C1 controls). */
const CP1252_80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function cp1252Table(): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (let b = 0; b < 0x100; b++) {
    const ch = b >= 0x80 && b < 0xa0 ? CP1252_80[b - 0x80]! : String.fromCharCode(b);
    map.set(ch, [b]);
  }
  return map;
}

function table(encoding: string): Map<string, number[]> {
  const cached = tables.get(encoding);
  if (cached) return cached;
  if (encoding === 'windows-1252') {
    tables.set(encoding, cp1252Table());
    return tables.get(encoding)!;
  }
  const map = new Map<string, number[]>();
  const decoder = new TextDecoder(encoding, { fatal: true });
  const tryAdd = (bytes: number[]): void => {
    try {
      const ch = decoder.decode(new Uint8Array(bytes));
      if ([...ch].length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, bytes);
    } catch {
      // Not a valid sequence in this encoding.
    }
  };
  for (let b = 0; b < 0x80; b++) tryAdd([b]);
  for (let lead = 0x81; lead < 0xff; lead++)
    for (let trail = 0x40; trail < 0xff; trail++) tryAdd([lead, trail]);
  // Single bytes above ASCII (half-width katakana in Shift_JIS) come after the pairs so a pair wins.
  for (let b = 0x80; b < 0x100; b++) tryAdd([b]);
  tables.set(encoding, map);
  return map;
}

/** `text` in `encoding`; throws if a character has no one- or two-byte code there. */
export function encodeLegacy(text: string, encoding: string): Uint8Array {
  const map = table(encoding);
  const out: number[] = [];
  for (const ch of text) {
    const bytes = map.get(ch);
    if (!bytes) throw new Error(`${JSON.stringify(ch)} has no ${encoding} code`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}
