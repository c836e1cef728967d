import { z } from 'zod';
import { CONTACT_LIMITS, DEFAULT_QUIET_HOURS, LIMITS } from './limits';
import { clockTime, optionalText, requiredText } from './fields';
import { DEFAULT_OFFICE_HOURS } from './office-hours';

/** Reminders are never queued inside a lawyer's quiet hours (Asia/Shanghai wall-clock time). */
export const quietHours = z.object({ start: clockTime, end: clockTime });

/** Weekly office hours (Asia/Shanghai): ISO weekdays 1 = Monday … 7 = Sunday, one window a day. */
export const officeHours = z
  .object({
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1, '请至少选择一天')
      .max(7)
      .refine((days) => new Set(days).size === days.length, '日期重复'),
    start: clockTime,
    end: clockTime,
  })
  .strict()
  .refine((h) => h.start < h.end, { message: '下班时间应晚于上班时间', path: ['end'] });

/** Which contact details clients of the lawyer's cases may see (the phone is the profile's own). */
export const contactSettings = z.object({
  showPhone: z.boolean(),
  wechatId: z.string().nullable(),
  showWechat: z.boolean(),
  officeAddress: z.string().nullable(),
  showAddress: z.boolean(),
});
export type ContactSettings = z.infer<typeof contactSettings>;

export const DEFAULT_CONTACT: ContactSettings = {
  showPhone: false,
  wechatId: null,
  showWechat: false,
  officeAddress: null,
  showAddress: false,
};

export const lawyerProfile = z.object({
  name: z.string(),
  firm: z.string(),
  licenseNo: z.string(),
  phone: z.string().nullable(),
  quietHours: quietHours.nullable(),
  officeHours: officeHours,
  /** 「N 个工作日内回复」: null when the lawyer makes no reply promise. */
  replyPromiseDays: z.number().int().nullable(),
  contact: contactSettings,
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
  /** 「退出所有设备」: ends every session of the caller (H5 sign-ins), this one included. */
  'session.signOutEverywhere': {
    input: z.object({}).strict(),
    output: z.object({ sessionsEnded: z.number().int() }),
    mutates: true,
  },
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
        /** Omit for Monday–Friday 09:00–18:00. */
        officeHours: officeHours.default(DEFAULT_OFFICE_HOURS),
        /** Omit for one working day; null for no promise. */
        replyPromiseDays: z.number().int().min(1).max(CONTACT_LIMITS.maxReplyDays).nullable().default(1),
        /** Omit to show clients nothing but the lawyer's name and firm. */
        contact: z
          .object({
            showPhone: z.boolean(),
            wechatId: optionalText(CONTACT_LIMITS.wechatId).pipe(
              z
                .string()
                .regex(/^[A-Za-z][-_A-Za-z0-9]{5,19}$/, '微信号格式不正确')
                .nullable(),
            ),
            showWechat: z.boolean(),
            officeAddress: optionalText(CONTACT_LIMITS.officeAddress),
            showAddress: z.boolean(),
          })
          .strict()
          .default(DEFAULT_CONTACT),
      })
      .strict(),
    output: me,
    mutates: true,
  },
} as const;
