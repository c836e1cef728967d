/**
 * How well the promise guard reads (npm run guard-eval): the labelled sentences of
 * contract/data/guard-corpus.json plus every statement-template text, which counts as careful language.
 * Prints precision, recall, the share of careful sentences flagged, and every miss and false alarm.
 */
import fs from 'node:fs';
import path from 'node:path';
import { findPromises } from '../contract/promise-guard';

export interface LabelledSentence {
  text: string;
  promise: boolean;
  rule?: string;
  /** Where the sentence comes from: the corpus, or a template item. */
  source: string;
}

export interface GuardEvaluation {
  promises: number;
  careful: number;
  caught: number;
  falseAlarms: number;
  precision: number;
  recall: number;
  /** Share of careful sentences (corpus and templates) the guard flags. */
  falsePositiveRate: number;
  misses: LabelledSentence[];
  alarms: { sentence: LabelledSentence; phrases: string[] }[];
  /** Promise sentences caught, but only under another rule than their label. */
  otherRule: { sentence: LabelledSentence; rules: string[] }[];
  /** Template texts flagged (also counted in `alarms`). */
  templateAlarms: number;
}

const DATA = path.resolve(__dirname, '../contract/data');

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(DATA, file), 'utf8'));
}

interface TemplateFile {
  templates: {
    key: string;
    content: { title: string; intro: string | null; sections: Record<string, { text: string }[]> };
  }[];
}

/** Every text a client reads in a template, read at eval time (templates change). */
export function templateSentences(
  file = readJson('statement-templates.json') as TemplateFile,
): LabelledSentence[] {
  return file.templates.flatMap(({ key, content }) =>
    [
      content.title,
      content.intro ?? '',
      ...Object.values(content.sections).flatMap((items) => items.map((i) => i.text)),
    ]
      .filter((text) => text.trim() !== '')
      .map((text) => ({ text, promise: false, source: `template ${key}` })),
  );
}

export function corpusSentences(
  file = readJson('guard-corpus.json') as { sentences: Omit<LabelledSentence, 'source'>[] },
): LabelledSentence[] {
  return file.sentences.map((sentence) => ({ ...sentence, source: 'corpus' }));
}

export function evaluateGuard(
  sentences: LabelledSentence[] = [...corpusSentences(), ...templateSentences()],
  find: (text: string) => { phrase: string; rule: string }[] = findPromises,
): GuardEvaluation {
  const result: GuardEvaluation = {
    promises: 0,
    careful: 0,
    caught: 0,
    falseAlarms: 0,
    precision: 0,
    recall: 0,
    falsePositiveRate: 0,
    misses: [],
    alarms: [],
    otherRule: [],
    templateAlarms: 0,
  };
  for (const sentence of sentences) {
    const hits = find(sentence.text);
    if (sentence.promise) {
      result.promises++;
      if (hits.length === 0) result.misses.push(sentence);
      else {
        result.caught++;
        const rules = [...new Set(hits.map((hit) => hit.rule))];
        if (sentence.rule && !rules.includes(sentence.rule)) result.otherRule.push({ sentence, rules });
      }
    } else {
      result.careful++;
      if (hits.length > 0) {
        result.falseAlarms++;
        result.alarms.push({ sentence, phrases: hits.map((hit) => `${hit.phrase} (${hit.rule})`) });
        if (sentence.source !== 'corpus') result.templateAlarms++;
      }
    }
  }
  const flagged = result.caught + result.falseAlarms;
  result.precision = flagged === 0 ? 0 : result.caught / flagged;
  result.recall = result.promises === 0 ? 0 : result.caught / result.promises;
  result.falsePositiveRate = result.careful === 0 ? 0 : result.falseAlarms / result.careful;
  return result;
}

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

export function formatEvaluation(e: GuardEvaluation): string {
  const lines = [
    `promise sentences ${e.promises}, careful sentences ${e.careful} (templates included)`,
    `precision ${e.precision.toFixed(3)}   recall ${e.recall.toFixed(3)}   careful flagged ${percent(e.falsePositiveRate)} (${e.falseAlarms}; templates ${e.templateAlarms})`,
    '',
    `misses (${e.misses.length}):`,
    ...e.misses.map((s) => `  - [${s.rule ?? '?'}] ${s.text}`),
    '',
    `false alarms (${e.alarms.length}):`,
    ...e.alarms.map(
      ({ sentence, phrases }) => `  - ${sentence.text}  ← ${phrases.join('; ')}  [${sentence.source}]`,
    ),
  ];
  if (e.otherRule.length > 0) {
    lines.push('', `caught under another rule than labelled (${e.otherRule.length}):`);
    lines.push(
      ...e.otherRule.map(
        ({ sentence, rules }) => `  - [${sentence.rule} → ${rules.join(', ')}] ${sentence.text}`,
      ),
    );
  }
  return lines.join('\n');
}

if (require.main === module) {
  console.log(formatEvaluation(evaluateGuard()));
}
