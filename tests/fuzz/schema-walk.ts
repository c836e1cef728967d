import { z } from 'zod';

type AnySchema = z.ZodTypeAny;
type Def = { typeName?: z.ZodFirstPartyTypeKind } & Record<string, unknown>;

const K = z.ZodFirstPartyTypeKind;

/** Zod 3's definition of a schema, with its kind. */
export function defOf(schema: AnySchema): Def {
  return schema._def as Def;
}

function stringMax(schema: z.ZodString): number | null {
  for (const check of schema._def.checks) {
    if (check.kind === 'max' || check.kind === 'length') return check.value;
  }
  return null;
}

function numberBounds(schema: z.ZodNumber): { min: number | null; max: number | null } {
  let min: number | null = null;
  let max: number | null = null;
  for (const check of schema._def.checks) {
    if (check.kind === 'min') min = check.value;
    if (check.kind === 'max') max = check.value;
  }
  return { min, max };
}

/**
 * The schema a wrapper stands for — optional, nullable, default, catch, readonly, branded, effects, lazy — and for
 * a pipeline its input or output side; null when `schema` wraps nothing. Both walks below see through these.
 */
function unwrapped(schema: AnySchema, side: 'in' | 'out'): AnySchema | null {
  const def = defOf(schema);
  switch (def.typeName) {
    case K.ZodOptional:
    case K.ZodNullable:
    case K.ZodDefault:
    case K.ZodCatch:
    case K.ZodReadonly:
      return def.innerType as AnySchema;
    case K.ZodBranded:
      return def.type as AnySchema;
    case K.ZodEffects:
      return def.schema as AnySchema;
    case K.ZodPipeline:
      return def[side] as AnySchema;
    case K.ZodLazy:
      return (def.getter as () => AnySchema)();
    default:
      return null;
  }
}

/**
 * Every place in an input schema where what the caller sends is not bounded: a string without a maximum
 * length, an array without a maximum size, a number without both a minimum and a maximum, an `any`/`unknown`.
 * Maps (records) are bounded in key count by the router's precheck (MAX_RECORD_KEYS); their keys and values
 * are walked. A pipeline is judged by its input side (what arrives before any transform).
 */
export function unboundedInputs(schema: AnySchema, path = ''): string[] {
  const inner = unwrapped(schema, 'in');
  if (inner) return unboundedInputs(inner, path);
  const def = defOf(schema);
  const here = path || '(payload)';
  switch (def.typeName) {
    case K.ZodString:
      return stringMax(schema as z.ZodString) === null ? [`${here}: string without max length`] : [];
    case K.ZodNumber: {
      const { min, max } = numberBounds(schema as z.ZodNumber);
      return min === null || max === null ? [`${here}: number without min and max`] : [];
    }
    case K.ZodArray: {
      const own = def.maxLength ? [] : [`${here}: array without max size`];
      return [...own, ...unboundedInputs(def.type as AnySchema, `${path}[]`)];
    }
    case K.ZodObject: {
      const shape = (schema as z.ZodObject<z.ZodRawShape>).shape;
      return Object.entries(shape).flatMap(([key, value]) =>
        unboundedInputs(value, path ? `${path}.${key}` : key),
      );
    }
    case K.ZodRecord:
      return [
        ...unboundedInputs(def.keyType as AnySchema, `${path}{key}`),
        ...unboundedInputs(def.valueType as AnySchema, `${path}{value}`),
      ];
    case K.ZodUnion:
    case K.ZodDiscriminatedUnion:
      return (def.options as AnySchema[]).flatMap((o) => unboundedInputs(o, path));
    case K.ZodIntersection:
      return [
        ...unboundedInputs(def.left as AnySchema, path),
        ...unboundedInputs(def.right as AnySchema, path),
      ];
    case K.ZodTuple:
      return (def.items as AnySchema[]).flatMap((o, i) => unboundedInputs(o, `${path}[${i}]`));
    case K.ZodBoolean:
    case K.ZodEnum:
    case K.ZodNativeEnum:
    case K.ZodLiteral:
    case K.ZodNull:
    case K.ZodUndefined:
      return [];
    default:
      return [`${here}: ${def.typeName ?? 'unknown schema'} accepts anything`];
  }
}

/**
 * The field paths an output schema can carry (`a.b`, arrays as `a[].b`, maps as `a{}`): what a response of
 * this shape may contain, so a test can say which of them a role must never receive.
 */
export function outputPaths(schema: AnySchema, path = ''): string[] {
  const inner = unwrapped(schema, 'out');
  if (inner) return outputPaths(inner, path);
  const def = defOf(schema);
  switch (def.typeName) {
    case K.ZodArray:
      return [...(path ? [path] : []), ...outputPaths(def.type as AnySchema, `${path}[]`)];
    case K.ZodRecord:
      return [path, ...outputPaths(def.valueType as AnySchema, `${path}{}`)];
    case K.ZodObject: {
      const shape = (schema as z.ZodObject<z.ZodRawShape>).shape;
      return [
        ...(path ? [path] : []),
        ...Object.entries(shape).flatMap(([key, value]) => outputPaths(value, path ? `${path}.${key}` : key)),
      ];
    }
    case K.ZodUnion:
    case K.ZodDiscriminatedUnion:
      return [...new Set((def.options as AnySchema[]).flatMap((o) => outputPaths(o, path)))];
    case K.ZodUnknown:
    case K.ZodAny:
      return [path, `${path}{}`];
    default:
      return path ? [path] : [];
  }
}

/** Whether a received path is one of `allowed` (a map's or an open value's `x{}` allows anything under `x`). */
export function pathAllowed(path: string, allowed: ReadonlySet<string>): boolean {
  if (allowed.has(path)) return true;
  for (const a of allowed) {
    if (a.endsWith('{}') && path.startsWith(`${a.slice(0, -2)}.`)) return true;
  }
  return false;
}

/** The field paths a value actually carries, in the notation of outputPaths. */
export function valuePaths(value: unknown, path = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    if (path) out.add(path);
    for (const item of value) valuePaths(item, `${path}[]`, out);
  } else if (typeof value === 'object' && value !== null) {
    if (path) out.add(path);
    for (const [key, inner] of Object.entries(value)) valuePaths(inner, path ? `${path}.${key}` : key, out);
  } else if (path) {
    out.add(path);
  }
  return out;
}
