/**
 * Item 7, DESIGN §8 "cloud-function bundle ≤ 500 KB; first answer after load ≤ 100 ms": the deployable bundle's
 * size (scripts/build-cloud.ts), and a fresh node process that loads a bundled API, opens the database and
 * answers one timeline page (first-answer.ts), median of 5 starts.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleApi } from '../build-cloud';
import type { Store } from './engines';
import { median } from './measure';
import { bytes, type Row } from './report';

const root = path.resolve(__dirname, '../..');

export function cloudBundle(): Row {
  execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(root, 'scripts/build-cloud.ts')], {
    stdio: 'ignore',
  });
  const size = fs.statSync(path.join(root, 'cloudfunctions/api/index.js')).size;
  return {
    what: 'cloud-function bundle',
    value: `${(size / 1024).toFixed(1)} KB`,
    detail: bytes(size),
    budget: '≤ 500 KB',
    pass: size <= 500 * 1024,
  };
}

let probe: string | null = null;

/** The probe, bundled exactly as the cloud function is (its cold paths in `lazy/`, loaded on first use). */
async function probeFile(): Promise<string> {
  if (probe) return probe;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casetrail-first-answer-'));
  probe = path.join(dir, 'first-answer.cjs');
  await bundleApi(path.join(__dirname, 'first-answer.ts'), probe);
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return probe;
}

export async function firstAnswer(store: Store, caseId: string, subject: string): Promise<Row> {
  const file = await probeFile();
  const times: number[] = [];
  const afterLoad: number[] = [];
  const preload = path.join(path.dirname(file), 'load-start.cjs');
  fs.writeFileSync(preload, 'globalThis.loadStart = performance.now();\n');
  for (let i = 0; i < 5; i++) {
    const out = execFileSync(
      process.execPath,
      ['--require', preload, file, JSON.stringify(store.location), caseId, subject],
      { env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') } },
    ).toString();
    times.push(Number(/first answer (\S+) ms/.exec(out)?.[1]));
    afterLoad.push(Number(/after load (\S+) ms/.exec(out)?.[1]));
  }
  const first = median(afterLoad);
  // The floor under it: a bare node process reaching its first line, measured the same way.
  const bare = median(
    Array.from({ length: 5 }, () =>
      Number(execFileSync(process.execPath, ['-e', 'console.log(performance.now())']).toString()),
    ),
  );
  return {
    what: 'first answer after load (fresh process, median of 5)',
    value: `${first.toFixed(1)} ms`,
    detail:
      `from loading the bundle: ${afterLoad.map((t) => t.toFixed(0)).join(', ')} ms; ` +
      `from process start: ${times.map((t) => t.toFixed(0)).join(', ')} ms (bare node start ${bare.toFixed(0)} ms)`,
    budget: '≤ 100 ms',
    pass: first <= 100,
  };
}
