import { describe, expect, it } from 'vitest';
import { binaryKind } from '../../../src/articles/binary.js';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

describe('binaryKind', () => {
  it.each([
    ['PDF', new TextEncoder().encode('%PDF-1.7\n...')],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a)],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0)],
    ['GIF', new TextEncoder().encode('GIF89a')],
    ['ZIP (or Office document)', bytes(0x50, 0x4b, 0x03, 0x04, 0x14)],
    ['gzip', bytes(0x1f, 0x8b, 0x08)],
  ])('recognises %s', (kind, data) => {
    expect(binaryKind(data)).toBe(kind);
  });

  it('calls NUL-laden or control-heavy data binary', () => {
    expect(binaryKind(bytes(0x3c, 0x70, 0x00, 0x3e))).toBe('binary');
    expect(binaryKind(new Uint8Array(100).fill(0x01))).toBe('binary');
  });

  it('accepts text in any encoding, including UTF-16 with a BOM', () => {
    expect(
      binaryKind(new TextEncoder().encode('<html><body><p>芯片出口管制</p></body></html>\r\n\t')),
    ).toBeNull();
    expect(binaryKind(bytes(0xff, 0xfe, 0x3c, 0x00, 0x70, 0x00))).toBeNull();
    expect(binaryKind(bytes(0xb9, 0xfa, 0xbc, 0xd2))).toBeNull();
    expect(binaryKind(new Uint8Array())).toBeNull();
  });
});
