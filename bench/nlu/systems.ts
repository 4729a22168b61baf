import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Featurizer } from '../../src/nlu/featurizer';
import { OUT_OF_SCOPE, decideIntent } from '../../src/nlu/intent-decision';
import { IntentModel } from '../../src/nlu/intent-model';
import { evaluateIntentModel } from '../../src/training/intent-evaluator';
import { computeIntentMetrics } from '../../src/training/intent-metrics';
import { writeIntentModelDir } from '../../src/training/intent-model-writer';
import {
  DEFAULT_INTENT_TRAIN_OPTIONS,
  calibrateThreshold,
  trainIntentModel,
} from '../../src/training/intent-trainer';
import { linearScores, trainOneVsRestSvm } from '../../src/training/svm-trainer';
import { BenchTask } from './tasks';

export const SYSTEM_NAMES = ['concierge', 'classic', 'nlpjs'] as const;
export type SystemName = (typeof SYSTEM_NAMES)[number];

export interface SystemResult {
  accuracy: number;
  macroF1: number;
  inScopeAccuracy: number;
  oosRecall: number | null;
  oosPrecision: number | null;
  trainSeconds: number;
  /** CPU time of training (user + system), less sensitive than wall time to a busy machine. */
  trainCpuSeconds: number;
  latencyMs: { p50: number; p99: number };
  modelBytes: number;
  notes: string;
}

const log = (line: string): void => {
  process.stderr.write(line + '\n');
};

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const ms = (v: number): number => Math.round(v * 1000) / 1000;

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 1e5) / 10;
}

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

/** Scores every test text one at a time (as in production) and times each call. */
async function scoreAll(
  task: BenchTask,
  predict: (text: string) => string | Promise<string>,
): Promise<{ predicted: string[]; latencyMs: { p50: number; p99: number } }> {
  const predicted: string[] = [];
  const times: number[] = [];
  for (const e of task.test) {
    const started = performance.now();
    predicted.push(await predict(e.text));
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    predicted,
    latencyMs: { p50: ms(percentile(times, 0.5)), p99: ms(percentile(times, 0.99)) },
  };
}

function metricsOf(task: BenchTask, predicted: string[]) {
  const m = computeIntentMetrics(
    task.test.map((e) => e.label),
    predicted,
  );
  return {
    accuracy: m.accuracy,
    macroF1: m.macroF1,
    inScopeAccuracy: m.inScopeAccuracy,
    oosRecall: m.oosRecall,
    oosPrecision: m.oosPrecision,
  };
}

/** This project's intent model, trained, exported to ONNX and evaluated through IntentModel. */
async function concierge(task: BenchTask, workDir: string, seed: number): Promise<SystemResult> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  // Closed-set tasks (no `oos` rows) measure classification alone: nothing is declined.
  const trained = trainIntentModel(task.train, task.valid, {
    seed,
    log,
    oosRejectRate: task.hasOos ? DEFAULT_INTENT_TRAIN_OPTIONS.oosRejectRate : 0,
  });
  const trainSeconds = (performance.now() - started) / 1000;
  const trainCpuSeconds = cpuSeconds(cpu);
  rmSync(workDir, { recursive: true, force: true });
  writeIntentModelDir(workDir, trained, { data: [task.name], evaluations: [], limits: [] });
  const model = await IntentModel.load(workDir);
  const { evaluation } = await evaluateIntentModel(model, task.test);
  await model.close();
  const t = trained.training;
  return {
    accuracy: evaluation.accuracy,
    macroF1: evaluation.macroF1,
    inScopeAccuracy: evaluation.inScopeAccuracy,
    oosRecall: evaluation.oosRecall,
    oosPrecision: evaluation.oosPrecision,
    trainSeconds,
    trainCpuSeconds,
    latencyMs: evaluation.latencyMs,
    modelBytes: dirBytes(workDir),
    notes: `valid ${t.validSource} (${t.validExamples}); epochs ${t.mlpEpochs}; svm weight ${t.svmWeight}; T ${t.temperature}; threshold ${trained.threshold.toFixed(3)}`,
  };
}

/**
 * The classic baseline: tf-idf of char 2–5-grams within word boundaries + word 1–2-grams,
 * sublinear tf, min_df 1, one-vs-rest squared-hinge linear SVM with C = 1 (LinearSVC defaults).
 * With out-of-scope data, the decline threshold on the top score is chosen on validation.
 */
async function classic(task: BenchTask): Promise<SystemResult> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const labels = [...new Set(task.train.map((e) => e.label))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const featurizer = Featurizer.fit(
    task.train.map((e) => e.text),
    { minDf: 1, maxFeatures: 1_000_000 },
  );
  const data = {
    x: task.train.map((e) => featurizer.transform(e.text)),
    y: Int32Array.from(task.train.map((e) => index.get(e.label)!)),
  };
  const weights = trainOneVsRestSvm(data, featurizer.dimension, labels.length, { C: 1 });
  let threshold = -Infinity;
  if (task.hasOos && task.valid) {
    const scores = task.valid.map((e) =>
      linearScores(weights, labels.length, featurizer.transform(e.text)),
    );
    threshold = calibrateThreshold(
      scores,
      task.valid.map((e) => e.label),
      labels,
      0,
    );
  }
  const trainSeconds = (performance.now() - started) / 1000;
  const trainCpuSeconds = cpuSeconds(cpu);
  const { predicted, latencyMs } = await scoreAll(task, (text) => {
    const d = decideIntent(
      linearScores(weights, labels.length, featurizer.transform(text)),
      labels,
      threshold,
    );
    return d.outOfScope ? OUT_OF_SCOPE : labels[d.top];
  });
  const modelBytes = weights.byteLength + Buffer.byteLength(JSON.stringify(featurizer.toJSON()));
  return {
    ...metricsOf(task, predicted),
    trainSeconds,
    trainCpuSeconds,
    latencyMs,
    modelBytes,
    notes: `${featurizer.dimension} features${Number.isFinite(threshold) ? `; score threshold ${threshold.toFixed(3)}` : ''}`,
  };
}

interface NlpJsManager {
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(
    locale: string,
    text: string,
  ): Promise<{
    intent: string;
    score: number;
    classifications?: { intent: string; score: number }[];
  }>;
  export(minified: boolean): string;
}

/** NLP.js (node-nlp) with default settings; its `None` answer counts as out of scope. */
async function nlpjs(task: BenchTask): Promise<SystemResult> {
  const { NlpManager } = require('node-nlp') as {
    NlpManager: new (settings: object) => NlpJsManager;
  };
  const started = performance.now();
  const cpu = process.cpuUsage();
  const manager = new NlpManager({
    languages: ['en'],
    forceNER: false,
    nlu: { log: false },
    autoSave: false,
  });
  for (const e of task.train) manager.addDocument('en', e.text, e.label);
  await manager.train();
  const trainSeconds = (performance.now() - started) / 1000;
  const trainCpuSeconds = cpuSeconds(cpu);
  const { predicted, latencyMs } = await scoreAll(task, async (text) => {
    const r = await manager.process('en', text);
    if (task.hasOos) return r.intent === 'None' ? OUT_OF_SCOPE : r.intent;
    // Closed-set task: NLP.js's best intent even where its own threshold would answer None.
    return r.classifications?.find((c) => c.intent !== 'None')?.intent ?? r.intent;
  });
  return {
    ...metricsOf(task, predicted),
    trainSeconds,
    trainCpuSeconds,
    latencyMs,
    modelBytes: Buffer.byteLength(manager.export(true)),
    notes: task.hasOos
      ? 'default NlpManager; "None" = out of scope'
      : 'default NlpManager; top intent (None ignored)',
  };
}

export function runSystem(
  system: SystemName,
  task: BenchTask,
  workDir: string,
  seed: number,
): Promise<SystemResult> {
  switch (system) {
    case 'concierge':
      return concierge(task, workDir, seed);
    case 'classic':
      return classic(task);
    case 'nlpjs':
      return nlpjs(task);
  }
}
