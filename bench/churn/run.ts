/**
 * Churn benchmark on the public e-commerce dataset (../shared/datasets/ecommerce-churn):
 * GBDT (tuned on training data only) vs a logistic-regression baseline, on a seeded stratified
 * 80/20 split of the deduplicated rows, plus the undeduplicated split that published results
 * use. Writes bench/results/churn.{json,md}. `CHURN_DATA=<csv>` overrides the data path;
 * `CHURN_SPLIT_DIR=<dir>` (outside the repo) also writes the deduplicated train/test CSVs so
 * that `train churn` / `eval churn` can be run on exactly this split.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ChurnDataset, loadChurnCsv, subsetDataset } from '../../src/churn/churn-dataset';
import { ChurnModel } from '../../src/churn/churn-model';
import {
  DEFAULT_TRAINING_OPTIONS,
  TrainedChurnModel,
  trainChurnModel,
} from '../../src/churn/churn-trainer';
import { distinctRowIndices, stratifiedSplit } from '../../src/churn/dataset-split';
import { ECOMMERCE_CHURN_SCHEMA } from '../../src/churn/ecommerce-churn.schema';
import { GbdtParams } from '../../src/churn/gbdt-trainer';
import { ChurnMetrics, evaluate } from '../../src/churn/metrics';
import { treeFromJson } from '../../src/churn/regression-tree';
import { TreeShap } from '../../src/churn/tree-shap';
import { FeatureEncoder } from '../../src/churn/feature-encoder';
import { CustomerFeatures } from '../../src/churn/feature-schema';
import { trainLogisticBaseline } from './logistic-baseline';
import { renderMarkdown } from './report';

const ROOT = join(__dirname, '..', '..');
const DATA =
  process.env.CHURN_DATA ??
  join(ROOT, '..', 'shared', 'datasets', 'ecommerce-churn', 'ecommerce-churn.csv');
const SEED = 42;
const TRAINING_REPEATS = 3;
const LATENCY_RUNS = 5;

/** Candidate settings; each is judged by its out-of-fold AUC on the training split only. */
const GRID: Partial<GbdtParams>[] = [
  { learningRate: 0.05, maxLeaves: 48, maxDepth: 8 },
  { learningRate: 0.1, maxLeaves: 64, maxDepth: 10, minChildWeight: 0.1, minSamplesLeaf: 1 },
  { learningRate: 0.2, maxLeaves: 32, maxDepth: 8 },
  { learningRate: 0.1, maxLeaves: 16, maxDepth: 6 },
];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const log = (line: string): void => void process.stderr.write(line + '\n');

function train(dataset: ChurnDataset, params: Partial<GbdtParams>): TrainedChurnModel {
  return trainChurnModel(dataset, {
    ...DEFAULT_TRAINING_OPTIONS,
    params: { ...DEFAULT_TRAINING_OPTIONS.params, ...params, seed: SEED },
  });
}

function testMetrics(trained: TrainedChurnModel, test: ChurnDataset): ChurnMetrics {
  const model = new ChurnModel(trained.artifact);
  const p = test.rows.map((row) => model.probabilityOf(model.margin(row)));
  return evaluate(p, test.labels, trained.artifact.tiers.high);
}

/** Per-customer latency: p50 of each pass over the test rows, then the median over passes. */
function latency(score: (features: CustomerFeatures) => unknown, test: ChurnDataset) {
  const p50s: number[] = [];
  const p90s: number[] = [];
  for (let run = 0; run < LATENCY_RUNS + 1; run++) {
    const times: number[] = [];
    for (const row of test.rows) {
      const start = performance.now();
      score(row);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    if (run === 0) continue; // warm-up pass for the JIT
    p50s.push(times[Math.floor(times.length * 0.5)]);
    p90s.push(times[Math.floor(times.length * 0.9)]);
  }
  return { p50Ms: median(p50s), p90Ms: median(p90s), runs: LATENCY_RUNS };
}

/** Largest |base + Σ contributions − margin| and largest gap to Algorithm 2, over the test rows. */
function shapCheck(trained: TrainedChurnModel, test: ChurnDataset) {
  const model = new ChurnModel(trained.artifact);
  const reference = new TreeShap({
    baseScore: trained.artifact.baseScore,
    trees: trained.artifact.trees.map(treeFromJson),
  });
  const encoder = FeatureEncoder.restore(trained.artifact.schema, trained.artifact.columns);
  const owner = encoder.featureOfColumn();
  const row = new Float64Array(encoder.width);
  let maxAdditivityError = 0;
  let maxGapToAlgorithm2 = 0;
  for (const features of test.rows) {
    const score = model.score(features);
    const sum = score.contributions.reduce((s, c) => s + c.contribution, score.baseValue);
    maxAdditivityError = Math.max(maxAdditivityError, Math.abs(sum - score.margin));
    encoder.encodeInto(features, row);
    const phi = new Float64Array(encoder.width);
    reference.explainInto(row, phi);
    const perFeature = new Float64Array(trained.artifact.schema.features.length);
    phi.forEach((v, c) => (perFeature[owner[c]] += v));
    for (const c of score.contributions) {
      const f = trained.artifact.schema.features.findIndex((s) => s.name === c.feature);
      maxGapToAlgorithm2 = Math.max(maxGapToAlgorithm2, Math.abs(perFeature[f] - c.contribution));
    }
  }
  return { rows: test.rows.length, maxAdditivityError, maxGapToAlgorithm2 };
}

function evaluateSplit(name: string, dataset: ChurnDataset, params: Partial<GbdtParams>) {
  const split = stratifiedSplit(dataset.labels, 0.2, SEED);
  const train_ = subsetDataset(dataset, split.train);
  const test = subsetDataset(dataset, split.test);
  const trainKeys = new Set(train_.rowKeys);
  const leaked = test.rowKeys.filter((k) => trainKeys.has(k)).length;
  log(
    `${name}: ${train_.rows.length} train / ${test.rows.length} test, ${leaked} test rows also in train`,
  );
  const gbdt = train(train_, params);
  const lr = trainLogisticBaseline(train_, SEED);
  return {
    train: train_,
    test,
    gbdt,
    lr,
    result: {
      trainRows: train_.rows.length,
      testRows: test.rows.length,
      testRowsDuplicatedInTrain: leaked,
      gbdt: testMetrics(gbdt, test),
      logisticRegression: evaluate(lr.probabilities(test), test.labels, lr.threshold),
    },
  };
}

/** The CSV lines of `part` under the original header (the file has one record per line). */
function exportSplit(dir: string, name: string, part: ChurnDataset): void {
  const lines = readFileSync(DATA, 'utf8').split(/\r?\n/);
  const body = part.lines.map((line) => lines[line - 1]);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), [lines[0], ...body].join('\n') + '\n');
}

function main(): void {
  const all = loadChurnCsv(DATA, ECOMMERCE_CHURN_SCHEMA);
  const distinct = subsetDataset(all, distinctRowIndices(all.rowKeys));
  log(`${all.rows.length} rows, ${distinct.rows.length} distinct ignoring CustomerID`);

  const split = stratifiedSplit(distinct.labels, 0.2, SEED);
  const train_ = subsetDataset(distinct, split.train);
  const tuning = GRID.map((params) => {
    const start = performance.now();
    const trained = train(train_, params);
    const seconds = (performance.now() - start) / 1000;
    log(
      `tuning ${JSON.stringify(params)}: out-of-fold AUC ${trained.validation.auc.toFixed(4)} (${seconds.toFixed(1)} s)`,
    );
    return {
      params,
      outOfFoldAuc: trained.validation.auc,
      trees: trained.artifact.trees.length,
      seconds,
    };
  });
  const chosen = tuning.reduce((a, b) => (b.outOfFoldAuc > a.outOfFoldAuc ? b : a)).params;
  log(`chosen: ${JSON.stringify(chosen)}`);

  const dedup = evaluateSplit('deduplicated', distinct, chosen);
  const splitDir = process.env.CHURN_SPLIT_DIR;
  if (splitDir) {
    exportSplit(splitDir, 'dedup-train.csv', dedup.train);
    exportSplit(splitDir, 'dedup-test.csv', dedup.test);
  }
  const seconds: number[] = [];
  const treeJson = JSON.stringify(dedup.gbdt.artifact.trees);
  let deterministic = true;
  for (let i = 0; i < TRAINING_REPEATS; i++) {
    const start = performance.now();
    const again = train(dedup.train, chosen);
    seconds.push((performance.now() - start) / 1000);
    deterministic &&= JSON.stringify(again.artifact.trees) === treeJson;
  }
  const lrSeconds: number[] = [];
  for (let i = 0; i < TRAINING_REPEATS; i++) {
    const start = performance.now();
    trainLogisticBaseline(dedup.train, SEED);
    lrSeconds.push((performance.now() - start) / 1000);
  }
  const model = new ChurnModel(dedup.gbdt.artifact);
  const scoring = {
    withExplanation: latency((f) => model.score(f), dedup.test),
    probabilityOnly: latency((f) => model.score(f, { explain: false }), dedup.test),
    logisticRegression: latency((f) => dedup.lr.probability(f), dedup.test),
  };
  const raw = evaluateSplit('undeduplicated', all, chosen);
  const leaves = dedup.gbdt.artifact.trees.reduce(
    (s, t) => s + t.left.filter((l) => l < 0).length,
    0,
  );

  const results = {
    generatedAt: new Date().toISOString(),
    data: DATA.replace(join(ROOT, '..'), '..'),
    seed: SEED,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      loadAverage1m: loadavg()[0],
      node: process.version,
    },
    rows: { all: all.rows.length, distinct: distinct.rows.length },
    tuning: { grid: tuning, chosen, selectedBy: '5-fold out-of-fold AUC on the training split' },
    model: {
      trees: dedup.gbdt.artifact.trees.length,
      leaves,
      calibration: dedup.gbdt.artifact.calibration.kind,
      tiers: dedup.gbdt.artifact.tiers,
    },
    deduplicated: dedup.result,
    undeduplicated: raw.result,
    trainingSeconds: {
      gbdt: { median: median(seconds), runs: seconds },
      logisticRegression: { median: median(lrSeconds), runs: lrSeconds },
      deterministicUnderSeed: deterministic,
    },
    scoringLatency: scoring,
    shap: shapCheck(dedup.gbdt, dedup.test),
    reference: {
      sklearnGradientBoostingAuc: 0.991,
      sklearnLogisticRegressionAuc: 0.878,
      targetAuc: 0.985,
    },
  };
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'churn.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(dir, 'churn.md'), renderMarkdown(results));
  log(`wrote ${join(dir, 'churn.json')} and churn.md`);
}

main();
