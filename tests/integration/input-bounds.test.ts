import { ACTION_NAMES, actions } from '../../contract/index';
import { unboundedInputs } from '../fuzz/schema-walk';

describe('every input is bounded', () => {
  test.each(ACTION_NAMES.map((name) => [name]))('%s: every string, array and number has a bound', (name) => {
    expect(unboundedInputs(actions[name].input)).toEqual([]);
  });

  test('the walk finds what is unbounded (it can fail)', async () => {
    const { z } = await import('zod');
    const loose = z.object({
      a: z.string(),
      b: z.array(z.string().max(3)),
      c: z.number().int().min(0),
      d: z
        .string()
        .max(10)
        .transform((s) => s)
        .pipe(z.string()),
      e: z.unknown(),
    });
    expect(unboundedInputs(loose)).toEqual([
      'a: string without max length',
      'b: array without max size',
      'c: number without min and max',
      'e: ZodUnknown accepts anything',
    ]);
  });
});
