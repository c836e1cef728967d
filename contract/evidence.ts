import { z } from 'zod';
import { id } from './fields';

/** Where an act sits in its case's history: the event's position and hash, i.e. the head at that moment. */
export const chainPosition = z.object({ seq: z.number().int(), head: z.string() });
export type ChainPosition = z.infer<typeof chainPosition>;

/** One thing `verify` found wrong, named down to the table, row and field. */
export const finding = z.object({
  code: z.string(),
  table: z.string(),
  row: z.string().nullable(),
  field: z.string().nullable(),
  message: z.string(),
});
export type Finding = z.infer<typeof finding>;

/** The latest seal of this case's head into the firm log, and the trusted timestamp over it, if any. */
export const sealState = z.object({
  firmSeq: z.number().int(),
  sealedAt: z.string(),
  caseSeq: z.number().int(),
  caseHead: z.string(),
  /** Whether the case has had events since (they are covered by the next seal). */
  behind: z.boolean(),
  timestamp: z
    .object({
      firmSeq: z.number().int(),
      genTime: z.string(),
      tsaUrl: z.string(),
      /** Signature and certificate chain checked against configured roots (else only the imprint). */
      checked: z.boolean(),
    })
    .nullable(),
});
export type SealState = z.infer<typeof sealState>;

/** At most this many findings travel in an answer; `findingCount` gives the total. */
export const MAX_FINDINGS_SHOWN = 50;

export const verifyReport = z.object({
  valid: z.boolean(),
  events: z.number().int(),
  headHash: z.string().nullable(),
  brokenAt: z.number().int().nullable(),
  findings: z.array(finding).max(MAX_FINDINGS_SHOWN),
  findingCount: z.number().int(),
  checkedAt: z.string(),
  seal: sealState.nullable(),
});
export type VerifyReport = z.infer<typeof verifyReport>;

export const evidenceActions = {
  'case.verifyLog': {
    input: z.object({ caseId: id }).strict(),
    output: verifyReport,
    mutates: false,
  },
  'evidence.seal': {
    input: z.object({}).strict(),
    output: z.object({
      /** Case heads appended to the firm log now (0 when nothing moved since the last seal). */
      appended: z.number().int(),
      firmSeq: z.number().int().nullable(),
      firmHead: z.string().nullable(),
      timestamp: z.object({ genTime: z.string(), tsaUrl: z.string() }).nullable(),
      /** Why no timestamp was taken: no TSA configured, or the TSA's error (the seal itself stands). */
      timestampError: z.string().nullable(),
    }),
    /**
     * Sealing writes, but is idempotent by nature (nothing moved: nothing appended; a head timestamped once keeps its
     * token), so it skips the request store. It then runs outside a request transaction: the seal commits first and
     * the TSA is asked after, not while a write lock is held.
     */
    mutates: false,
  },
  /**
   * The case's written record (书面记录汇编) for a member: a printable HTML document and the JSON evidence bundle
   * (`casetrail.evidence-bundle/2`, docs/evidence-bundle.md; a client's copy withholds other clients' events) a
   * third party verifies offline with
   * `npm run verify-bundle`. Save them as `${fileName}.html` and `${fileName}.json`.
   */
  'case.export': {
    input: z.object({ caseId: id }).strict(),
    output: z.object({
      /** A file name without extension: `书面记录汇编-<case title>-<YYYYMMDD>` (characters files refuse removed). */
      fileName: z.string(),
      html: z.string(),
      /** The bundle as JSON text. */
      bundle: z.string(),
    }),
    mutates: false,
  },
} as const;
