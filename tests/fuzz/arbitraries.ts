import fc from 'fast-check';
import { z } from 'zod';
import { defOf } from './schema-walk';

type AnySchema = z.ZodTypeAny;
const K = z.ZodFirstPartyTypeKind;

/** Real ids of the seeded firm, by the field name that carries them, so inputs reach past NOT_FOUND. */
export interface IdPools {
  /** Field name → ids that field names (e.g. `caseId` → the firm's case ids). */
  byField: Record<string, string[]>;
  /** Every id in the firm (any field may be given one of another kind). */
  all: string[];
  /** Keys of maps (e.g. the notification template ids `notification.subscribe` takes). */
  mapKeys: string[];
}

/** Characters that have broken text handling somewhere: lone surrogates, bidi controls, NUL, joiners, marks. */
export const ODD_CHARACTERS = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\ud800',
  '\udfff',
  '\udbff\udfff',
  '\u202e',
  '\u202d',
  '\u2066',
  '\u2069',
  '\u061c',
  '\u200b',
  '\u200d',
  '\u200e',
  '\ufeff',
  '\ufffd',
  '\uffff',
  '\u2028',
  '\u2029',
  '\u0301',
  'e\u0301',
  '\u0338',
  'Z\u0351\u0352\u0353\u0354\u0355\u0356',
  '👩‍⚖️',
  '🇨🇳',
  '👍🏽',
  '𠮷',
  '\u3000',
  '\r\n',
  '\t',
  '\\',
  '"',
  "'",
  '<script>',
  '${x}',
  '%00',
  '../',
  '__proto__',
  'ﷺ',
  '\u0e47\u0e47\u0e47',
];

const oddChar = fc.constantFrom(...ODD_CHARACTERS);
const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const cleanUnit = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), weight: 1 },
  { arbitrary: cjk, weight: 2 },
);
const textUnit = fc.oneof(
  {
    arbitrary: fc
      .constantFrom('grapheme', 'grapheme-ascii')
      .chain((unit) => fc.string({ unit, maxLength: 1, minLength: 1 })),
    weight: 3,
  },
  { arbitrary: cjk, weight: 3 },
  { arbitrary: oddChar, weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 1 },
);

/** Text of `min`–`max` characters (capped for speed), with CJK, odd characters and lone surrogates mixed in. */
function text(min: number, max: number): fc.Arbitrary<string> {
  const shown = Math.min(max, Math.max(min, 40));
  return fc.oneof(
    { arbitrary: fc.string({ unit: cleanUnit, minLength: min, maxLength: shown }), weight: 8 },
    { arbitrary: fc.string({ unit: textUnit, minLength: min, maxLength: shown }), weight: 3 },
    // At and just past the limit, where off-by-one errors live (a short text repeated: cheap to build).
    {
      arbitrary: fc
        .tuple(fc.constantFrom(max, max + 1), fc.string({ unit: cleanUnit, minLength: 1, maxLength: 4 }))
        .map(([n, seed]) => seed.repeat(Math.ceil(n / seed.length)).slice(0, n)),
      weight: 1,
    },
    { arbitrary: fc.constantFrom('', ' ', '  \n\n  ', '\u3000\u3000'), weight: 1 },
  );
}

function stringChecks(schema: z.ZodString) {
  let min = 0;
  let max = 200;
  let regex: RegExp | null = null;
  let datetime = false;
  for (const check of schema._def.checks) {
    if (check.kind === 'min') min = check.value;
    if (check.kind === 'max') max = check.value;
    if (check.kind === 'length') min = max = check.value;
    if (check.kind === 'regex') regex = check.regex;
    if (check.kind === 'datetime') datetime = true;
  }
  return { min, max, regex, datetime };
}

const instant = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

function idFor(
  field: string | undefined,
  pools: IdPools,
  fallback: fc.Arbitrary<string>,
): fc.Arbitrary<string> {
  const own = field ? pools.byField[field] : undefined;
  const options: fc.WeightedArbitrary<string>[] = [{ arbitrary: fallback, weight: 2 }];
  if (own?.length) options.push({ arbitrary: fc.constantFrom(...own), weight: 6 });
  if (pools.all.length) options.push({ arbitrary: fc.constantFrom(...pools.all), weight: 2 });
  return fc.oneof(...options);
}

/**
 * What the schema accepts, or nearly: values drawn from its own constraints (lengths at and past the limit,
 * the regex's language, enum members, real ids of the seeded firm for id fields), so most reach the handler.
 */
export function fromSchema(schema: AnySchema, pools: IdPools, field?: string): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.typeName) {
    case K.ZodOptional:
      return fc.option(fromSchema(def.innerType as AnySchema, pools, field), { nil: undefined, freq: 4 });
    case K.ZodNullable:
      return fc.option(fromSchema(def.innerType as AnySchema, pools, field), { nil: null, freq: 4 });
    case K.ZodDefault:
      return fc.option(fromSchema(def.innerType as AnySchema, pools, field), { nil: undefined, freq: 3 });
    case K.ZodCatch:
    case K.ZodReadonly:
      return fromSchema(def.innerType as AnySchema, pools, field);
    case K.ZodBranded:
      return fromSchema(def.type as AnySchema, pools, field);
    case K.ZodLazy:
      return fromSchema((def.getter as () => AnySchema)(), pools, field);
    case K.ZodEffects:
      return fromSchema(def.schema as AnySchema, pools, field);
    case K.ZodPipeline:
      // A transform feeds the pipe's second schema: its constraints are the ones the input must meet.
      return fromSchema(def.out as AnySchema, pools, field);
    case K.ZodString: {
      const { min, max, regex, datetime } = stringChecks(schema as z.ZodString);
      if (datetime) return fc.oneof(instant, text(0, 30));
      if (regex) {
        const matching = fc.stringMatching(regex, { size: 'small' });
        const dated = regex.source.includes('\\d{4}-\\d{2}-\\d{2}')
          ? fc.oneof(
              instant.map((s) => s.slice(0, 10)),
              matching,
            )
          : matching;
        return idFor(field, pools, dated);
      }
      return field && pools.byField[field] ? idFor(field, pools, text(min, max)) : text(min, max);
    }
    case K.ZodNumber: {
      let min = -(2 ** 31);
      let max = 2 ** 31;
      let int = false;
      for (const check of (schema as z.ZodNumber)._def.checks) {
        if (check.kind === 'min') min = check.value;
        if (check.kind === 'max') max = check.value;
        if (check.kind === 'int') int = true;
      }
      const inRange = int ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
      return fc.oneof(
        { arbitrary: inRange, weight: 8 },
        { arbitrary: fc.constantFrom(min - 1, max + 1, 1.5, 0), weight: 1 },
      );
    }
    case K.ZodBoolean:
      return fc.boolean();
    case K.ZodEnum:
      return fc.oneof(
        { arbitrary: fc.constantFrom(...(def.values as string[])), weight: 9 },
        { arbitrary: text(0, 8), weight: 1 },
      );
    case K.ZodNativeEnum:
      return fc.constantFrom(...Object.values(def.values as object));
    case K.ZodLiteral:
      return fc.constant(def.value);
    case K.ZodNull:
      return fc.constant(null);
    case K.ZodArray: {
      const min = (def.minLength as { value: number } | null)?.value ?? 0;
      const max = (def.maxLength as { value: number } | null)?.value ?? 10;
      const item = fromSchema(def.type as AnySchema, pools, field);
      return fc.oneof(
        {
          arbitrary: fc.array(item, { minLength: min, maxLength: Math.min(max, Math.max(min, 6)) }),
          weight: 8,
        },
        {
          arbitrary: fc
            .constantFrom(max, max + 1)
            .chain((n) => fc.array(item, { minLength: n, maxLength: n })),
          weight: max <= 100 ? 1 : 0,
        },
      );
    }
    case K.ZodObject: {
      const shape = (schema as z.ZodObject<z.ZodRawShape>).shape;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const [key, value] of Object.entries(shape)) {
        model[key] = fromSchema(value, pools, key);
        if (!value.isOptional()) required.push(key);
      }
      return fc.record(model, { requiredKeys: required });
    }
    case K.ZodRecord: {
      const key = fc.oneof(
        { arbitrary: fromSchema(def.keyType as AnySchema, pools) as fc.Arbitrary<string>, weight: 1 },
        { arbitrary: pools.mapKeys.length ? fc.constantFrom(...pools.mapKeys) : fc.string(), weight: 3 },
      );
      return fc.dictionary(key, fromSchema(def.valueType as AnySchema, pools), { maxKeys: 5 });
    }
    case K.ZodUnion:
    case K.ZodDiscriminatedUnion:
      return fc.oneof(...(def.options as AnySchema[]).map((o) => fromSchema(o, pools, field)));
    default:
      return fc.anything();
  }
}

// ---- Beyond the schema -------------------------------------------------------------------------------------

/** Builds a value nested `depth` levels deep without recursion (so building it cannot overflow the stack). */
function nested(depth: number, asArray: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** The right type in a hostile size or shape: huge strings and arrays, deep nesting, a great many keys. */
export const hugeValue: fc.Arbitrary<unknown> = fc.oneof(
  // Huge strings (50 KB – 1 MB), plain or odd.
  fc
    .tuple(
      fc.integer({ min: 50_000, max: 1_000_000 }),
      fc.constantFrom('长', 'a', ' ', '\u202e', '\ud800', 'e\u0301', '👩‍⚖️'),
    )
    .map(([n, c]) => c.repeat(Math.ceil(n / c.length))),
  // Huge arrays (1,000 – 120,000 elements).
  fc
    .tuple(
      fc.integer({ min: 1_000, max: 120_000 }),
      fc.constantFrom<unknown>('bad id', 'abcdefgh12', 7, null, {}, { text: '' }),
    )
    .map(([n, item]) => new Array<unknown>(n).fill(item)),
  // Deep nesting (50 – 5,000 levels).
  fc.tuple(fc.integer({ min: 50, max: 5_000 }), fc.boolean()).map(([d, a]) => nested(d, a)),
  // An object with many keys.
  fc.integer({ min: 100, max: 3_000 }).map((n) => {
    const many: Record<string, number> = {};
    for (let i = 0; i < n; i++) many[`k${i}`] = i;
    return many;
  }),
);

/** A value of the wrong type, or the right type in a hostile size or shape. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: fc.constantFrom<unknown>(
      null,
      undefined,
      true,
      false,
      0,
      -1,
      -0,
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.MAX_SAFE_INTEGER + 2,
      2 ** 31,
      -(2 ** 63),
      1e308,
      '',
      ' ',
      '0',
      'null',
      'undefined',
      '[object Object]',
      '__proto__',
      'constructor',
      [],
      {},
      [null],
      new Date(0),
    ),
    weight: 6,
  },
  { arbitrary: fc.string({ unit: textUnit, maxLength: 30 }), weight: 3 },
  {
    arbitrary: fc.oneof(
      fc.integer(),
      fc.double(),
      fc.bigInt().map((b) => Number(b)),
    ),
    weight: 2,
  },
  { arbitrary: fc.anything({ maxDepth: 3 }), weight: 3 },
  { arbitrary: hugeValue, weight: 1 },
);

export type Mutation =
  | { kind: 'none' }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'extraKey'; at: number; key: string; value: unknown }
  | { kind: 'oddText'; at: number; odd: string; position: number }
  | { kind: 'payload'; value: unknown }
  | { kind: 'envelope'; field: 'requestId' | 'client' | 'action'; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 12 },
  {
    arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }),
    weight: 5,
  },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('extraKey' as const),
      at: fc.nat(),
      key: fc.oneof(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'id', ''),
        fc.string(),
      ),
      value: hostileValue,
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('oddText' as const),
      at: fc.nat(),
      odd: fc.string({ unit: oddChar, minLength: 1, maxLength: 4 }),
      position: fc.nat(),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('payload' as const), value: hostileValue }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('envelope' as const),
      field: fc.constantFrom('requestId' as const, 'client' as const, 'action' as const),
      value: hostileValue,
    }),
    weight: 1,
  },
);

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

/** Every place a value sits inside `root` (object properties and array elements), depth first. */
function slots(root: unknown, out: Slot[] = [], depth = 0): Slot[] {
  if (depth > 8 || typeof root !== 'object' || root === null) return out;
  if (Array.isArray(root)) {
    root.forEach((item, index) => {
      out.push({ parent: root, key: index });
      slots(item, out, depth + 1);
    });
  } else {
    for (const key of Object.keys(root)) {
      out.push({ parent: root as Record<string, unknown>, key });
      slots((root as Record<string, unknown>)[key], out, depth + 1);
    }
  }
  return out;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  // defineProperty: `__proto__` becomes an own key, as JSON.parse makes it, instead of changing the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies a mutation to a generated payload (in place) and the envelope around it; returns the envelope. */
export function mutateEnvelope(
  action: string,
  payload: unknown,
  requestId: string,
  m: Mutation,
): Record<string, unknown> {
  const envelope: Record<string, unknown> = { action, payload, requestId };
  const places = slots(payload);
  const pick = (at: number) => (places.length ? places[at % places.length] : null);
  switch (m.kind) {
    case 'none':
      break;
    case 'replace': {
      const slot = pick(m.at);
      if (slot) (slot.parent as Record<string, unknown>)[slot.key] = m.value;
      else envelope.payload = m.value;
      break;
    }
    case 'delete': {
      const slot = pick(m.at);
      if (slot && Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else if (slot) delete (slot.parent as Record<string, unknown>)[slot.key];
      break;
    }
    case 'extraKey': {
      const objects = [payload, ...places.map((s) => (s.parent as Record<string, unknown>)[s.key])].filter(
        (v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v),
      );
      if (objects.length) setOwn(objects[m.at % objects.length], m.key, m.value);
      break;
    }
    case 'oddText': {
      const strings = places.filter((s) => typeof (s.parent as Record<string, unknown>)[s.key] === 'string');
      if (strings.length) {
        const slot = strings[m.at % strings.length];
        const before = (slot.parent as Record<string, unknown>)[slot.key] as string;
        const at = m.position % (before.length + 1);
        (slot.parent as Record<string, unknown>)[slot.key] = before.slice(0, at) + m.odd + before.slice(at);
      }
      break;
    }
    case 'payload':
      envelope.payload = m.value;
      break;
    case 'envelope':
      envelope[m.field] = m.value;
      break;
  }
  return envelope;
}

/** One fuzz input: a payload from the schema and what is done to it. */
export function inputArbitrary(schema: AnySchema, pools: IdPools) {
  return fc.record({ payload: fromSchema(schema, pools), mutation });
}
