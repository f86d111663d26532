/**
 * Bytes to text for fetched pages and local files. The declared charset wins (BOM, then the
 * Content-Type header, then `<meta charset>` / `http-equiv` or the XML declaration); undeclared
 * non-UTF-8 bytes are sniffed among the legacy encodings news sites still serve (GB18030/GBK, Big5,
 * Shift_JIS, windows-1252). Never throws: undecodable bytes become U+FFFD.
 */

const PRESCAN_BYTES = 4096;
const SNIFF_BYTES = 64 * 1024;

/**
 * The most frequent characters of written Chinese (simplified and traditional) and Japanese, plus CJK
 * punctuation. A correct decoding of real text is full of them; a decoding with the wrong table
 * yields scattered rare characters, so their share tells the encodings apart.
 */
const COMMON_CJK = new Set(
  Array.from(
    '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心本前开但因只从想实日者意无力与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应向头文体政美相见被利什二等产或新己制身果加' +
      '這個們來為國說時會對發後過學經動還進樣開從實無與長機關點業將兩間問體產見應頭現當麼種' +
      '、。，．！？：；「」『』（）《》〈〉・ー' +
      '日本人年月大中国会社事時出分者行生上前見自業地手方円市場政府企業発表今回同氏話語',
  ),
);

/** Every hiragana and katakana letter counts as common: no other table decodes to runs of kana. */
function isKana(code: number): boolean {
  return code >= 0x3040 && code <= 0x30ff;
}

const LEGACY_CANDIDATES = ['gb18030', 'big5', 'shift_jis'] as const;

/**
 * windows-1252's 0x80-0x9F row. Node 20's TextDecoder decodes windows-1252 (and its aliases latin1,
 * iso-8859-1, ascii) as ISO-8859-1, turning curly quotes and dashes into C1 controls, so that row is
 * mapped here. Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep their C1 code points, as in WHATWG.
 */
const CP1252_C1 = Array.from(
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
    '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178',
);

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
}

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  if (label === 'windows-1252') return decodeWindows1252(bytes);
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/** A label TextDecoder knows, normalised; null for unknown labels. */
function knownLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return null;
  }
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** charset=... from a Content-Type header value. */
export function charsetFromContentType(contentType: string | null): string | null {
  const m = contentType?.match(/;\s*charset\s*=\s*["']?([^"';\s]+)/i);
  return m ? m[1]! : null;
}

/** The charset a document declares in its first bytes: `<meta charset>`, http-equiv or `<?xml encoding?>`. */
export function declaredInDocument(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const xml = head.match(/^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i);
  if (xml) return xml[1]!;
  const meta = head.match(/<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i);
  return meta ? meta[1]! : null;
}

/** Share of the non-ASCII characters that are common CJK characters or kana; -1 if there are none. */
function plausibility(text: string): number {
  let nonAscii = 0;
  let common = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) continue;
    nonAscii++;
    if (code === 0xfffd || (code >= 0x80 && code < 0xa0) || (code >= 0xe000 && code <= 0xf8ff)) common -= 2;
    else if (isKana(code) || COMMON_CJK.has(ch)) common++;
  }
  return nonAscii === 0 ? -1 : common / nonAscii;
}

/**
 * Picks an encoding for bytes that are not valid UTF-8: the CJK table whose decoding reads most like
 * real text, or windows-1252 when none decodes cleanly into common characters.
 */
export function sniffLegacyEncoding(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let best = 'windows-1252';
  let bestScore = 0.1;
  for (const label of LEGACY_CANDIDATES) {
    // A cut at the sample's end may split a character: decode the sample leniently, but treat a
    // decoding with many replacement characters as a failure through the plausibility penalty.
    const text = tryDecode(sample, label, sample.length === bytes.length);
    if (text === null) continue;
    const score = plausibility(text);
    if (score > bestScore) {
      best = label;
      bestScore = score;
    }
  }
  return best;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  return tryDecode(bytes, 'utf-8', true) !== null;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/** The encoding `decodeBody` will use for these bytes and header. */
export function detectEncoding(bytes: Uint8Array, contentType: string | null): string {
  const bom = bomEncoding(bytes);
  if (bom) return bom;
  let declared = knownLabel(charsetFromContentType(contentType)) ?? knownLabel(declaredInDocument(bytes));
  // A document cannot declare UTF-16 in ASCII-compatible bytes it was read from (HTML spec).
  if (declared?.startsWith('utf-16')) declared = 'utf-8';
  if (!hasNonAscii(bytes)) return declared ?? 'utf-8';
  const utf8 = isValidUtf8(bytes);
  if (declared === 'utf-8') return utf8 ? 'utf-8' : sniffOrUtf8(bytes);
  // Valid multi-byte UTF-8 labelled Latin-1 is a mislabel: such sequences are implausible in real Latin-1.
  if (declared === 'windows-1252' && utf8) return 'utf-8';
  if (declared) return declared;
  return utf8 ? 'utf-8' : sniffLegacyEncoding(bytes);
}

/** Mislabelled "UTF-8" that is really a CJK table; otherwise stay with UTF-8 and its replacements. */
function sniffOrUtf8(bytes: Uint8Array): string {
  const sniffed = sniffLegacyEncoding(bytes);
  return sniffed === 'windows-1252' ? 'utf-8' : sniffed;
}

/**
 * Decodes a response or file body. Honours BOM, header charset, `<meta charset>` / http-equiv and the
 * XML declaration; sniffs undeclared legacy encodings; strips a BOM; never throws on invalid bytes.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const encoding = detectEncoding(bytes, contentType);
  const text = tryDecode(bytes, encoding, false) ?? new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
