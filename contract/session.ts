import { z } from 'zod';
import { DEFAULT_QUIET_HOURS, LIMITS } from './limits';
import { optionalText, requiredText } from './fields';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');

/** Reminders are never queued inside a lawyer's quiet hours (Asia/Shanghai wall-clock time). */
export const quietHours = z.object({ start: clockTime, end: clockTime });

export const lawyerProfile = z.object({
  name: z.string(),
  firm: z.string(),
  licenseNo: z.string(),
  phone: z.string().nullable(),
  quietHours: quietHours.nullable(),
});
export type LawyerProfile = z.infer<typeof lawyerProfile>;

export const me = z.object({
  userId: z.string(),
  displayName: z.string(),
  isAdmin: z.boolean(),
  isLawyer: z.boolean(),
  /** Null until a lawyer fills in their practice details. */
  profile: lawyerProfile.nullable(),
});
export type Me = z.infer<typeof me>;

export const sessionActions = {
  'session.me': { input: z.object({}).strict(), output: me, mutates: false },
  'profile.update': {
    input: z
      .object({
        name: requiredText(LIMITS.personName),
        firm: requiredText(LIMITS.firmName),
        licenseNo: requiredText(LIMITS.licenseNo).pipe(
          z.string().regex(/^[0-9A-Za-z-]+$/, '执业证号只能包含数字和字母'),
        ),
        phone: optionalText(LIMITS.phone).pipe(
          z
            .string()
            .regex(/^[0-9+\- ]{5,20}$/, '电话号码格式不正确')
            .nullable(),
        ),
        /** Omit for the default 22:00–08:00; null for none. */
        quietHours: quietHours.nullable().default(DEFAULT_QUIET_HOURS),
      })
      .strict(),
    output: me,
    mutates: true,
  },
} as const;
