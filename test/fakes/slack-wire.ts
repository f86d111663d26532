import type { IncomingMessage } from 'node:http';

/** Wire-level helpers of the fake Slack: request bodies as Slack's clients send them, Block Kit rules. */

export function isTrue(v: unknown): boolean {
  return v === true || v === 'true' || v === '1' || v === 1;
}

/** Slack's message limits: text or blocks, <= 50 blocks, section text <= 3000, context <= 10 elements. */
export function checkMessage(body: Record<string, unknown>): string | null {
  const blocks = body.blocks;
  if (!body.text && !(Array.isArray(blocks) && blocks.length > 0)) return 'no_text';
  if (typeof body.text === 'string' && body.text.length > 40_000) return 'msg_too_long';
  if (blocks === undefined) return null;
  if (!Array.isArray(blocks) || blocks.length > 50) return 'invalid_blocks';
  const ids = new Set<string>();
  for (const b of blocks as Record<string, unknown>[]) {
    if (typeof b.block_id === 'string') {
      if (b.block_id.length > 255 || ids.has(b.block_id)) return 'invalid_blocks';
      ids.add(b.block_id);
    }
    if (b.type === 'section') {
      const t = b.text as { text?: unknown } | undefined;
      if (typeof t?.text !== 'string' || t.text.length === 0 || t.text.length > 3000) return 'invalid_blocks';
    } else if (b.type === 'context') {
      const els = b.elements as { text?: unknown }[] | undefined;
      if (!Array.isArray(els) || els.length === 0 || els.length > 10) return 'invalid_blocks';
      if (els.some((e) => typeof e.text !== 'string' || e.text.length === 0 || e.text.length > 3000)) {
        return 'invalid_blocks';
      }
    } else if (b.type !== 'divider' && b.type !== 'header') {
      return 'invalid_blocks';
    }
  }
  return null;
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Form bodies as the Web API client sends them (objects as JSON strings), or JSON. */
export function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { _raw: raw };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // not JSON: keep the string
      }
    }
    out[k] = v;
  }
  return out;
}
