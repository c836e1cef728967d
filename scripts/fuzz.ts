import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ACTION_NAMES, type ActionName } from '../contract/index';
import { openSqlite, sqliteFileIn } from '../server/platform/database';
import { buildFirm } from '../tests/fuzz/firm';
import { formatReport, runFuzz } from '../tests/fuzz/run';

/**
 * `npm run fuzz [-- --runs N] [--seed S] [--only action,action]`: generated and hostile inputs for every
 * action, as every role, through the real router on a seeded SQLite file (see tests/fuzz/). FUZZ_RUNS and
 * FUZZ_SEED set the same. Exits 1 on any finding.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const inline = process.argv.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

async function main() {
  const runs = Number(arg('runs') ?? process.env.FUZZ_RUNS ?? 10_000);
  const seed = Number(arg('seed') ?? process.env.FUZZ_SEED ?? 20261129);
  const only = arg('only')?.split(',').filter(Boolean) as ActionName[] | undefined;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${runs}`);
  const unknown = only?.filter((a) => !ACTION_NAMES.includes(a)) ?? [];
  if (unknown.length) throw new Error(`unknown actions: ${unknown.join(', ')}`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casetrail-fuzz-'));
  const db = await openSqlite(sqliteFileIn(dir));
  try {
    const firm = await buildFirm(db);
    const names = only ?? ACTION_NAMES;
    console.log(`fuzz: ${names.length} actions × ${runs} inputs, seed ${seed}, SQLite ${sqliteFileIn(dir)}`);
    const result = await runFuzz(firm, {
      runs,
      seed,
      engine: 'sqlite',
      actions: names,
      onAction: (r) =>
        console.log(`  ${r.action}: ${r.tried} inputs, ${r.ok} ok, ${(r.ms / 1000).toFixed(1)} s`),
    });
    console.log('');
    for (const line of formatReport(result)) console.log(line);
    for (const f of result.findings)
      console.log(`FINDING ${f.action} as ${f.role}: ${f.problem}\n  input: ${f.input}`);
    process.exitCode = result.findings.length ? 1 : 0;
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(2);
});
