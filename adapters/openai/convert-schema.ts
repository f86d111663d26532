import { z } from 'zod';

type Json = Record<string, unknown>;

/** Keywords strict Structured Outputs does not accept everywhere; zod still enforces them on the answer. */
const DROP = new Set([
  '$schema',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'default',
  'examples',
  '$id',
]);

function strictify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictify);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (DROP.has(k)) continue;
    if (k === 'properties' && v && typeof v === 'object') {
      out[k] = Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, strictify(s)]));
    } else {
      out[k] = strictify(v);
    }
  }
  if (out.type === 'object' || out.properties) {
    const props = (out.properties as Json | undefined) ?? {};
    out.properties = props;
    // Strict mode: every property listed as required, nothing else allowed.
    out.required = Object.keys(props);
    out.additionalProperties = false;
  }
  return out;
}

/**
 * The JSON Schema of a zod schema in the subset `response_format: json_schema` with `strict: true`
 * accepts: root object, `additionalProperties: false` and every property required on each object,
 * no string-format keywords. Optional fields must be modelled as nullable in the zod schema.
 */
export function toStrictJsonSchema(schema: z.ZodType): Json {
  const raw = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' });
  const strict = strictify(raw) as Json;
  if (strict.type !== 'object') throw new Error('structured output schema must be an object at the root');
  return strict;
}
