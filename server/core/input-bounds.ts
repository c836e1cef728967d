import { z } from 'zod';
import type { FieldIssue } from '../../contract/errors';

/** A record (map) input may carry at most this many keys; the precheck refuses more before zod walks them. */
export const MAX_RECORD_KEYS = 32;
/** Keys an object input may carry beyond its schema's own before it is refused unread (strict ones refuse any). */
export const MAX_EXTRA_KEYS = 16;

/** At most this many issues travel in an INVALID_ARGUMENT answer; one more line says how many were left out. */
export const MAX_ISSUES = 20;
/** Characters kept of an issue's path and message. */
export const MAX_ISSUE_PATH = 120;
export const MAX_ISSUE_MESSAGE = 200;

type AnySchema = z.ZodTypeAny;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function maxCheck(schema: z.ZodString): { value: number; message?: string } | null {
  for (const check of schema._def.checks) {
    if (check.kind === 'max') return { value: check.value, message: check.message };
    if (check.kind === 'length') return { value: check.value, message: check.message };
  }
  return null;
}

/**
 * Refuses an oversized input before zod validates it: zod 3 reports an array's `.max()` and then still parses
 * (and reports on) every element, so 100,000 bad ids cost seconds and megabytes of issues. This walks the schema
 * alongside the payload and stops at the first array, string or map above its bound, or an object with far more
 * keys than its schema names. Everything it lets through is left to zod as before.
 */
export function oversizedInput(schema: AnySchema, value: unknown, path: string[] = []): FieldIssue | null {
  const def = schema._def as { typeName?: z.ZodFirstPartyTypeKind } & Record<string, unknown>;
  const at = () => path.join('.');
  switch (def.typeName) {
    case z.ZodFirstPartyTypeKind.ZodOptional:
    case z.ZodFirstPartyTypeKind.ZodNullable:
      return value == null ? null : oversizedInput(def.innerType as AnySchema, value, path);
    case z.ZodFirstPartyTypeKind.ZodDefault:
    case z.ZodFirstPartyTypeKind.ZodCatch:
    case z.ZodFirstPartyTypeKind.ZodReadonly:
      return value === undefined ? null : oversizedInput(def.innerType as AnySchema, value, path);
    case z.ZodFirstPartyTypeKind.ZodBranded:
      return oversizedInput(def.type as AnySchema, value, path);
    case z.ZodFirstPartyTypeKind.ZodLazy:
      return oversizedInput((def.getter as () => AnySchema)(), value, path);
    case z.ZodFirstPartyTypeKind.ZodEffects:
      // A preprocess sees the raw value first; what its schema gets is not this value.
      if ((def.effect as { type: string }).type === 'preprocess') return null;
      return oversizedInput(def.schema as AnySchema, value, path);
    case z.ZodFirstPartyTypeKind.ZodPipeline:
      return oversizedInput(def.in as AnySchema, value, path);
    case z.ZodFirstPartyTypeKind.ZodString: {
      if (typeof value !== 'string') return null;
      const max = maxCheck(schema as z.ZodString);
      if (max && value.length > max.value) {
        return { path: at(), message: max.message ?? `不能超过 ${max.value} 个字` };
      }
      return null;
    }
    case z.ZodFirstPartyTypeKind.ZodArray: {
      if (!Array.isArray(value)) return null;
      const max = def.maxLength as { value: number; message?: string } | null;
      if (max && value.length > max.value)
        return { path: at(), message: max.message ?? `最多 ${max.value} 项` };
      const item = def.type as AnySchema;
      for (let i = 0; i < value.length; i++) {
        const found = oversizedInput(item, value[i], [...path, String(i)]);
        if (found) return found;
      }
      return null;
    }
    case z.ZodFirstPartyTypeKind.ZodObject: {
      if (!isPlainObject(value)) return null;
      const shape = (schema as z.ZodObject<z.ZodRawShape>).shape;
      const names = Object.keys(shape);
      // Counted without building the key list: a payload may carry a million keys.
      let keys = 0;
      for (const _key in value) {
        if (++keys > names.length + MAX_EXTRA_KEYS) return { path: at(), message: '参数字段过多' };
      }
      for (const name of names) {
        if (!Object.prototype.hasOwnProperty.call(value, name)) continue;
        const found = oversizedInput(shape[name], value[name], [...path, name]);
        if (found) return found;
      }
      return null;
    }
    case z.ZodFirstPartyTypeKind.ZodRecord: {
      if (!isPlainObject(value)) return null;
      const keys: string[] = [];
      for (const key in value) {
        if (keys.push(key) > MAX_RECORD_KEYS) return { path: at(), message: `最多 ${MAX_RECORD_KEYS} 项` };
      }
      for (const key of keys) {
        const found =
          oversizedInput(def.keyType as AnySchema, key, [...path, key]) ??
          oversizedInput(def.valueType as AnySchema, value[key], [...path, key]);
        if (found) return found;
      }
      return null;
    }
    case z.ZodFirstPartyTypeKind.ZodUnion:
    case z.ZodFirstPartyTypeKind.ZodDiscriminatedUnion: {
      const options = (
        Array.isArray(def.options) ? def.options : [...(def.options as Map<unknown, AnySchema>).values()]
      ) as AnySchema[];
      let first: FieldIssue | null = null;
      for (const option of options) {
        const found = oversizedInput(option, value, path);
        if (!found) return null;
        first ??= found;
      }
      return first;
    }
    case z.ZodFirstPartyTypeKind.ZodIntersection:
      return (
        oversizedInput(def.left as AnySchema, value, path) ??
        oversizedInput(def.right as AnySchema, value, path)
      );
    default:
      return null;
  }
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The issues an answer carries: the first MAX_ISSUES, each clipped, and a count of the rest. */
export function cappedIssues(issues: readonly FieldIssue[]): FieldIssue[] {
  const shown = issues
    .slice(0, MAX_ISSUES)
    .map((i) => ({ path: clip(i.path, MAX_ISSUE_PATH), message: clip(i.message, MAX_ISSUE_MESSAGE) }));
  if (issues.length > MAX_ISSUES) {
    shown.push({ path: '', message: `另有 ${issues.length - MAX_ISSUES} 项问题未列出` });
  }
  return shown;
}
