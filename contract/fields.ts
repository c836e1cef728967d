import { z } from 'zod';

/** Collapses runs of spaces/tabs and trims; keeps line breaks (bodies are multi-paragraph). */
export function normalizeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u3000]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A required text field: normalized, non-empty, at most `max` characters. */
export function requiredText(max: number) {
  return z
    .string({ required_error: '此项必填', invalid_type_error: '应为文本' })
    .transform(normalizeText)
    .pipe(z.string().min(1, '此项不能为空').max(max, `不能超过 ${max} 个字`));
}

/** An optional text field: empty input becomes null. */
export function optionalText(max: number) {
  return z
    .string({ invalid_type_error: '应为文本' })
    .transform(normalizeText)
    .pipe(z.string().max(max, `不能超过 ${max} 个字`))
    .nullish()
    .transform((v) => (v ? v : null));
}

/** Opaque random identifiers issued by the server. */
export const id = z
  .string({ required_error: '缺少编号', invalid_type_error: '编号应为文本' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '编号格式不正确');

export const isoTime = z.string();
