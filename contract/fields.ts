import { z } from 'zod';
import { toNfc, unsafeCharacter, unsafeCharacterMessage } from './text-safety';

/**
 * Collapses runs of spaces/tabs and trims; keeps line breaks (bodies are multi-paragraph). Ends in NFC, so
 * the composed and decomposed spellings of the same text (「é」 and 「e」+U+0301) are stored and hashed alike.
 */
export function normalizeText(value: string): string {
  const collapsed = value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u3000]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return toNfc(collapsed);
}

/**
 * Refuses characters that would make what is shown differ from what is hashed (see text-safety.ts), then
 * normalizes. The check runs on the raw input so normalization can never hide the problem; the issue lands on
 * the field's own path, so the router's INVALID_ARGUMENT names the field.
 */
export function safeNormalizedText(value: string, ctx: z.RefinementCtx): string {
  const found = unsafeCharacter(value);
  if (found) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: unsafeCharacterMessage(found),
      params: { unsafeCharacter: found },
    });
    return z.NEVER;
  }
  return normalizeText(value);
}

/**
 * What a text field may carry before normalization: runs of spaces collapse, so the raw text may be longer than
 * the limit, but not without bound (the normalizing and safety scan would otherwise run over any length sent).
 */
export const rawTextMax = (max: number) => max * 4 + 100;

/** A required text field: safe, normalized (NFC), non-empty, at most `max` characters. */
export function requiredText(max: number) {
  return z
    .string({ required_error: '此项必填', invalid_type_error: '应为文本' })
    .max(rawTextMax(max), `不能超过 ${max} 个字`)
    .transform(safeNormalizedText)
    .pipe(z.string().min(1, '此项不能为空').max(max, `不能超过 ${max} 个字`));
}

/** An optional text field: safe, normalized (NFC); empty input becomes null. */
export function optionalText(max: number) {
  return z
    .string({ invalid_type_error: '应为文本' })
    .max(rawTextMax(max), `不能超过 ${max} 个字`)
    .transform(safeNormalizedText)
    .pipe(z.string().max(max, `不能超过 ${max} 个字`))
    .nullish()
    .transform((v) => (v ? v : null));
}

/** Opaque random identifiers issued by the server. */
export const id = z
  .string({ required_error: '缺少编号', invalid_type_error: '编号应为文本' })
  .max(64, '编号格式不正确')
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '编号格式不正确');

export const isoTime = z.string().max(40);

/** An instant with its offset, e.g. `2026-11-27T14:00:00.000Z` or `2026-11-27T22:00:00+08:00`. */
export const isoInstant = z
  .string({ required_error: '请填写时间', invalid_type_error: '时间应为文本' })
  .max(40, '时间格式不正确')
  .datetime({ offset: true, message: '时间格式不正确' });

/** A calendar date `YYYY-MM-DD` (Asia/Shanghai) that exists. */
export const calendarDate = z
  .string({ required_error: '请选择日期', invalid_type_error: '日期应为文本' })
  .max(10, '日期格式应为 YYYY-MM-DD')
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, '日期不存在');

/** A wall-clock time `HH:mm` (Asia/Shanghai). */
export const clockTime = z
  .string()
  .max(5, '时间格式应为 HH:mm')
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');
