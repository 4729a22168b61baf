import {
  DEFAULT_FEATURIZER_OPTIONS,
  Featurizer,
  FeaturizerOptions,
  SparseVector,
} from '../nlu/featurizer';
import { OUT_OF_SCOPE, decideIntent } from '../nlu/intent-decision';
import { IntentNetwork, forwardIntentNetwork, quantizeLargeMatrices } from './intent-network';
import { DatasetError } from './dataset-error';
import { LabelledExample } from './labelled-csv';
import { SeededRandom } from './seeded-random';
import {
  DEFAULT_SOFTMAX_OPTIONS,
  SoftmaxNetwork,
  SparseDataset,
  SoftmaxTrainOptions,
  SoftmaxTrainResult,
  softmaxInPlace,
  softmaxNetworkLogits,
  trainSoftmaxNetwork,
} from './softmax-trainer';
import { SvmTrainOptions, linearScores, trainOneVsRestSvm } from './svm-trainer';

export interface IntentTrainOptions {
  seed: number;
  /** Share of the training file held out (stratified) when no validation file is given. */
  validFraction: number;
  /**
   * Without a validation file: with k ≥ 2, epochs, mix, temperature and threshold are chosen on
   * out-of-fold predictions of k networks (each trained on k − 1 stratified folds, every training
   * example predicted once) instead of on one carved `validFraction`; the shipped weights are
   * then fitted on all examples. k times the training, in exchange for choices made on every
   * example rather than a tenth of them (on a one-split choice a single changed row could flip
   * the mix). 1 = one carved split.
   */
  validationFolds: number;
  featurizer: Partial<FeaturizerOptions>;
  mlp: Partial<SoftmaxTrainOptions>;
  /**
   * Hidden-layer networks trained with different seeds and averaged (folded into one layer;
   * the sentence vector is as wide as all of them). `auto`: `FEW_SHOT_MEMBERS` when the median
   * intent has at most `FEW_SHOT_EXAMPLES_PER_LABEL` training examples, else 1.
   */
  mlpMembers: number | 'auto';
  /** The linear member of the ensemble; null trains the hidden-layer model alone. */
  svm: Partial<SvmTrainOptions> | null;
  /**
   * Size budget of model.onnx: the vocabulary is capped so that the int8 matrices
   * (features × (hidden units + classes)) fit in it.
   */
  maxModelBytes: number;
  /** With `oos` validation rows: share of them the threshold must decline, if it can. */
  minOosRecall: number;
  /** Without `oos` validation rows: share of validation texts the threshold may decline. */
  oosRejectRate: number;
  /**
   * When the validation set was carved from the training data: after epochs, mix, temperature
   * and threshold are chosen on it, train the network and the SVM again on all training
   * examples with those choices (the usual final fit). A validation file stays held out.
   */
  refit: boolean;
  log: (line: string) => void;
}

/**
 * With ten examples an intent, one network's result depends on its seed; averaging five was
 * worth +1.0 point on a BANKING77 10-shot development set (73.4 → 74.4%; bench/nlu/EXPERIMENTS.md),
 * while on full datasets it moved nothing beyond noise and cost five times the training.
 */
export const FEW_SHOT_EXAMPLES_PER_LABEL = 20;
export const FEW_SHOT_MEMBERS = 5;

/** Share of out-of-scope validation messages the decline threshold aims to catch. */
export const DEFAULT_MIN_OOS_RECALL = 0.75;

export const DEFAULT_INTENT_TRAIN_OPTIONS: IntentTrainOptions = {
  seed: 1,
  validFraction: 0.1,
  validationFolds: 1,
  featurizer: { minDf: 1 },
  mlp: { hidden: 128 },
  mlpMembers: 'auto',
  svm: { C: 1 },
  maxModelBytes: 16 * 1024 * 1024,
  minOosRecall: DEFAULT_MIN_OOS_RECALL,
  oosRejectRate: 0.02,
  refit: true,
  log: () => undefined,
};

/** Everything a model directory holds, before serialisation. */
export interface TrainedIntentModel {
  featurizer: Featurizer;
  network: IntentNetwork;
  labels: string[];
  threshold: number;
  training: {
    trainExamples: number;
    validExamples: number;
    validSource: 'file' | 'split' | 'folds';
    /** Whether the shipped weights were refitted on training + validation examples. */
    refitted: boolean;
    mlpEpochs: number;
    svmWeight: number;
    temperature: number;
    seconds: number;
    options: Omit<IntentTrainOptions, 'log'>;
  };
}

/** Averaged hidden-layer members for `mlpMembers: 'auto'`: several only for few-shot data. */
export function membersFor(examples: readonly { label: string }[]): number {
  const counts = new Map<string, number>();
  for (const e of examples) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  return median([...counts.values()]) <= FEW_SHOT_EXAMPLES_PER_LABEL ? FEW_SHOT_MEMBERS : 1;
}

/** Examples grouped by label (labels in sorted order), each group shuffled under `seed`. */
function shuffledByLabel<T extends { label: string }>(examples: readonly T[], seed: number): T[][] {
  const byLabel = new Map<string, T[]>();
  for (const e of examples) {
    const list = byLabel.get(e.label) ?? [];
    list.push(e);
    byLabel.set(e.label, list);
  }
  const rng = new SeededRandom(seed);
  return [...byLabel.keys()].sort().map((label) => rng.shuffle([...byLabel.get(label)!]));
}

/** Stratified split: about `fraction` of every label goes to validation (at least one if ≥ 2). */
export function stratifiedSplit<T extends { label: string }>(
  examples: readonly T[],
  fraction: number,
  seed: number,
): { train: T[]; valid: T[] } {
  const train: T[] = [];
  const valid: T[] = [];
  for (const list of shuffledByLabel(examples, seed)) {
    const take = list.length >= 2 ? Math.max(1, Math.round(list.length * fraction)) : 0;
    valid.push(...list.slice(0, take));
    train.push(...list.slice(take));
  }
  return { train, valid };
}

/** Stratified k-fold partition: every label's examples, shuffled, dealt round-robin to k folds. */
export function stratifiedFolds<T extends { label: string }>(
  examples: readonly T[],
  k: number,
  seed: number,
): T[][] {
  const folds: T[][] = Array.from({ length: k }, () => []);
  let next = 0;
  // Continuing the deal across labels keeps the folds' sizes within one of each other.
  for (const list of shuffledByLabel(examples, seed))
    for (const e of list) folds[next++ % k].push(e);
  return folds;
}

function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/**
 * Picks the decline threshold on validation predictions. With `oos` rows: the threshold with
 * the best in-scope accuracy among those that decline at least `minOosRecall` of the `oos`
 * rows (the explicit `oos` class often gets there alone, and then nothing more is declined);
 * if none does, the one with the highest recall. Without `oos` rows: the confidence under which
 * `rejectRate` of the validation texts fall.
 */
export function calibrateThreshold(
  probs: Float32Array[],
  gold: readonly string[],
  labels: readonly string[],
  rejectRate: number,
  minOosRecall = DEFAULT_MIN_OOS_RECALL,
): number {
  const confidences = probs.map((p) => p[argmax(p)]).sort((a, b) => a - b);
  if (!gold.includes(OUT_OF_SCOPE)) {
    return rejectRate > 0
      ? (confidences[Math.floor(confidences.length * rejectRate)] ?? 0)
      : -Infinity;
  }
  return bestOperatingPoint(probs, gold, labels, minOosRecall).threshold;
}

/** A decline threshold with the in-scope accuracy and OOS recall it gives. */
export interface OperatingPoint {
  threshold: number;
  accuracy: number;
  recall: number;
}

/**
 * The threshold with the best in-scope accuracy among those that decline at least
 * `minOosRecall` of the `oos` rows (if none does, the one with the highest recall), in one
 * sweep over the confidences in ascending order. The candidates are "decline nothing more than
 * the `oos` label" and every distinct confidence, as `decideIntent` applies them.
 */
export function bestOperatingPoint(
  probs: readonly Float32Array[],
  gold: readonly string[],
  labels: readonly string[],
  minOosRecall: number,
): OperatingPoint {
  const rows = probs.map((p, i) => {
    const d = decideIntent(p, labels, -Infinity);
    const isOos = gold[i] === OUT_OF_SCOPE;
    return {
      confidence: d.confidence,
      isOos,
      declinedAnyway: d.outOfScope,
      correct: !isOos && !d.outOfScope && labels[d.top] === gold[i],
    };
  });
  rows.sort((a, b) => a.confidence - b.confidence);
  const oos = rows.filter((r) => r.isOos).length;
  const inScope = rows.length - oos;
  let correct = rows.filter((r) => r.correct).length;
  let declined = rows.filter((r) => r.isOos && r.declinedAnyway).length;
  let best: OperatingPoint = { threshold: -Infinity, accuracy: -1, recall: -1 };
  const consider = (threshold: number): void => {
    const accuracy = inScope ? correct / inScope : 0;
    const recall = oos ? declined / oos : 0;
    const meets = recall >= minOosRecall;
    const bestMeets = best.recall >= minOosRecall;
    const better = meets
      ? !bestMeets ||
        accuracy > best.accuracy ||
        (accuracy === best.accuracy && recall > best.recall)
      : !bestMeets && recall > best.recall;
    if (better) best = { threshold, accuracy, recall };
  };
  consider(-Infinity);
  let next = 0;
  for (let i = 0; i < rows.length; i++) {
    const threshold = rows[i].confidence;
    if (i > 0 && threshold === rows[i - 1].confidence) continue;
    // Raising the threshold to this confidence declines every row below it.
    for (; next < rows.length && rows[next].confidence < threshold; next++) {
      const row = rows[next];
      if (row.isOos && !row.declinedAnyway) declined++;
      if (row.correct) correct--;
    }
    consider(threshold);
  }
  return best;
}

/**
 * Trains the intent model: tf-idf featuriser, a hidden-layer softmax network (early-stopped on
 * validation) and a one-vs-rest linear SVM, mixed with a weight and temperature chosen on
 * validation, then the decline threshold calibrated on the same validation set.
 */
export function trainIntentModel(
  examples: readonly LabelledExample[],
  validFile: readonly LabelledExample[] | undefined,
  options: Partial<IntentTrainOptions> = {},
): TrainedIntentModel {
  const defaults = DEFAULT_INTENT_TRAIN_OPTIONS;
  const opts: IntentTrainOptions = {
    ...defaults,
    ...options,
    featurizer: { ...defaults.featurizer, ...options.featurizer },
    mlp: { ...defaults.mlp, ...options.mlp },
  };
  const started = Date.now();
  const mlpMembers =
    opts.mlpMembers === 'auto' ? membersFor(examples) : Math.floor(opts.mlpMembers);
  if ((opts.mlp.hidden ?? DEFAULT_SOFTMAX_OPTIONS.hidden) < 1) {
    throw new RangeError('the intent model needs a hidden layer: it is the sentence vector');
  }
  if (!(mlpMembers >= 1)) throw new RangeError('the number of members must be at least 1');
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  if (labels.length < 2) {
    throw new DatasetError(
      'training data',
      undefined,
      `needs at least 2 labels, found ${labels.length}`,
    );
  }
  const folds =
    !validFile && opts.validationFolds > 1
      ? stratifiedFolds(
          examples.map((e, i) => ({ label: e.label, i })),
          opts.validationFolds,
          opts.seed,
        ).map((fold) => fold.map(({ i }) => i))
      : null;
  const split = validFile
    ? { train: [...examples], valid: validFile.filter((e) => labels.includes(e.label)) }
    : folds
      ? { train: [...examples], valid: [] }
      : stratifiedSplit(examples, opts.validFraction, opts.seed);
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  opts.log(
    folds
      ? `labels ${labels.length}, ${examples.length} examples in ${folds.length} validation folds`
      : `labels ${labels.length}, train ${split.train.length}, valid ${split.valid.length}`,
  );
  const width =
    (opts.mlp.hidden ?? DEFAULT_SOFTMAX_OPTIONS.hidden) * mlpMembers +
    (opts.svm ? labels.length : 0);
  // One int8 byte per weight plus a float32 scale per row of each of the two matrices.
  const budget = Math.floor(opts.maxModelBytes / (width + 8));
  // With folds the vocabulary comes from every example, so each fold's held-out texts share
  // their n-grams' idf with its training part (the usual shortcut; it favours no mix over another).
  const featurizer = Featurizer.fit(
    split.train.map((e) => e.text),
    {
      ...opts.featurizer,
      maxFeatures: Math.min(
        opts.featurizer.maxFeatures ?? DEFAULT_FEATURIZER_OPTIONS.maxFeatures,
        budget,
      ),
    },
  );
  const toDataset = (list: readonly LabelledExample[]) => ({
    x: list.map((e) => featurizer.transform(e.text)),
    y: Int32Array.from(list.map((e) => labelIndex.get(e.label)!)),
  });
  const train = toDataset(split.train);
  const valid = toDataset(split.valid);
  opts.log(`features ${featurizer.dimension} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const C = labels.length;
  const hidden = (
    data: SparseDataset,
    validation: SparseDataset | undefined,
    epochs?: number,
    tag = '',
  ) => {
    const members: SoftmaxTrainResult[] = [];
    for (let m = 0; m < mlpMembers; m++) {
      members.push(
        trainSoftmaxNetwork(data, validation, featurizer.dimension, C, {
          ...opts.mlp,
          ...(epochs ? { maxEpochs: epochs } : {}),
          seed: opts.seed + m * 1000,
          log: (line) => opts.log(`mlp ${m + 1}${tag}${epochs ? ' refit' : ''} ${line}`),
        }),
      );
    }
    return {
      network: concatMembers(members.map((r) => r.network)),
      bestEpoch: members[0].bestEpoch,
    };
  };
  const linear = (data: SparseDataset) => {
    if (!opts.svm) return null;
    const svmStarted = Date.now();
    const weights = trainOneVsRestSvm(data, featurizer.dimension, C, {
      ...opts.svm,
      seed: opts.seed,
    });
    opts.log(
      `svm trained on ${data.x.length} (${((Date.now() - svmStarted) / 1000).toFixed(1)} s)`,
    );
    return weights;
  };

  let weight: number;
  let temperature: number;
  let threshold: number;
  let epochs: number;
  let shipped: IntentNetwork;
  let refitted: boolean;
  let validGold: string[];
  if (folds) {
    // Every example is predicted once, by the networks that did not train on it.
    const heldOut: ValidationScores = { mlpLogits: [], svmScores: opts.svm ? [] : null, y: [] };
    const bestEpochs: number[] = [];
    validGold = [];
    // With folds, `train` holds every example in input order: folds are positions in it.
    const rows = (positions: number[]) => ({
      x: positions.map((p) => train.x[p]),
      y: Int32Array.from(positions, (p) => train.y[p]),
    });
    folds.forEach((fold, f) => {
      const rest = rows(folds.filter((_, g) => g !== f).flat());
      const held = rows(fold);
      const mlp = hidden(rest, held, undefined, ` fold ${f + 1}/${folds.length}`);
      const svm = linear(rest);
      bestEpochs.push(mlp.bestEpoch);
      const scores = validationScores(mlp.network, svm, held);
      heldOut.mlpLogits.push(...scores.mlpLogits);
      if (heldOut.svmScores) heldOut.svmScores.push(...scores.svmScores!);
      heldOut.y.push(...scores.y);
      validGold.push(...fold.map((p) => examples[p].label));
    });
    ({ weight, temperature } = chooseMix(heldOut, labels, opts.minOosRecall));
    opts.log(`mix: svm weight ${weight}, temperature ${temperature}`);
    const probs = softmaxAt(mixedLogits(heldOut, weight), temperature);
    threshold = Math.max(
      0,
      calibrateThreshold(probs, validGold, labels, opts.oosRejectRate, opts.minOosRecall),
    );
    epochs = median(bestEpochs);
    opts.log(`decline threshold ${threshold.toFixed(4)}; epochs ${epochs} (folds: ${bestEpochs})`);
    const final = hidden(train, undefined, epochs);
    const finalSvm = weight > 0 ? linear(train) : null;
    shipped = quantizeLargeMatrices(foldNetwork(final.network, finalSvm, weight, temperature));
    refitted = true;
  } else {
    const mlp = hidden(train, valid);
    const svm = linear(train);
    ({ weight, temperature } = chooseMix(
      validationScores(mlp.network, svm, valid),
      labels,
      opts.minOosRecall,
    ));
    opts.log(`mix: svm weight ${weight}, temperature ${temperature}`);
    const network = quantizeLargeMatrices(foldNetwork(mlp.network, svm, weight, temperature));
    const validProbs = valid.x.map((x) => forwardIntentNetwork(network, x).probs);
    validGold = split.valid.map((e) => e.label);
    // Probabilities are ≥ 0, so "decline nothing" is stored as 0 rather than -Infinity.
    threshold = Math.max(
      0,
      calibrateThreshold(validProbs, validGold, labels, opts.oosRejectRate, opts.minOosRecall),
    );
    opts.log(`decline threshold ${threshold.toFixed(4)}`);
    epochs = mlp.bestEpoch;
    // The threshold, mix and temperature were chosen on predictions of the network above; they
    // carry over to the refitted one, whose validation predictions would be on its own training data.
    refitted = opts.refit && !validFile && valid.x.length > 0;
    shipped = network;
    if (refitted) {
      const all = { x: [...train.x, ...valid.x], y: Int32Array.from([...train.y, ...valid.y]) };
      const refitMlp = hidden(all, undefined, mlp.bestEpoch);
      const refitSvm = weight > 0 ? linear(all) : null;
      shipped = quantizeLargeMatrices(foldNetwork(refitMlp.network, refitSvm, weight, temperature));
    }
  }
  const recorded = {
    seed: opts.seed,
    validFraction: opts.validFraction,
    validationFolds: opts.validationFolds,
    featurizer: opts.featurizer,
    mlp: opts.mlp,
    mlpMembers,
    svm: opts.svm,
    maxModelBytes: opts.maxModelBytes,
    minOosRecall: opts.minOosRecall,
    oosRejectRate: opts.oosRejectRate,
    refit: opts.refit,
  };
  return {
    featurizer,
    network: shipped,
    labels,
    threshold,
    training: {
      trainExamples: split.train.length,
      validExamples: folds ? validGold.length : split.valid.length,
      validSource: validFile ? 'file' : folds ? 'folds' : 'split',
      refitted,
      mlpEpochs: epochs,
      svmWeight: weight,
      temperature,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      options: recorded,
    },
  };
}

const SVM_WEIGHTS = [0, 1, 2, 3, 5, 8, 12, 20];
const TEMPERATURES = [0.5, 0.7, 0.85, 1, 1.2, 1.5, 2, 3];

/** A network's and an SVM's raw scores on validation examples, with the gold label indexes. */
interface ValidationScores {
  mlpLogits: Float32Array[];
  svmScores: Float32Array[] | null;
  y: number[];
}

function validationScores(
  mlp: SoftmaxNetwork,
  svm: Float32Array | null,
  valid: { x: SparseVector[]; y: Int32Array },
): ValidationScores {
  const C = mlp.numClasses;
  return {
    mlpLogits: valid.x.map((x) => {
      const out = new Float32Array(C);
      softmaxNetworkLogits(mlp, x, out);
      return out;
    }),
    svmScores: svm ? valid.x.map((x) => linearScores(svm, C, x)) : null,
    y: Array.from(valid.y),
  };
}

/** mlp logits + weight · svm scores, per validation example. */
function mixedLogits(scores: ValidationScores, weight: number): Float32Array[] {
  const { mlpLogits, svmScores } = scores;
  return mlpLogits.map((logits, i) => {
    const out = Float32Array.from(logits);
    if (svmScores) for (let c = 0; c < out.length; c++) out[c] += weight * svmScores[i][c];
    return out;
  });
}

/** Probabilities of each row of logits at a softmax temperature. */
function softmaxAt(logits: readonly Float32Array[], temperature: number): Float32Array[] {
  return logits.map((row) => {
    const p = row.map((v) => v / temperature);
    softmaxInPlace(p);
    return p;
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * Ensemble weight of the SVM scores and softmax temperature, chosen on validation. With `oos`
 * rows they are chosen for the operating point the model will serve at: the best in-scope
 * accuracy at the threshold that declines `minOosRecall` of the `oos` rows (the temperature
 * changes which messages fall under a confidence threshold, so it matters as much as the
 * weight). Without: the weight with the best accuracy, then the temperature with the best NLL.
 */
function chooseMix(
  scores: ValidationScores,
  labels: readonly string[],
  minOosRecall: number,
): { weight: number; temperature: number } {
  const { y } = scores;
  const count = y.length;
  if (count === 0) return { weight: scores.svmScores ? 1 : 0, temperature: 1 };
  const weights = scores.svmScores ? SVM_WEIGHTS : [0];
  // Mixed validation logits of each candidate weight, computed once and shared by every
  // temperature tried with it.
  const mixedByWeight = new Map(weights.map((weight) => [weight, mixedLogits(scores, weight)]));
  const nll = (weight: number, t: number): number => {
    let total = 0;
    mixedByWeight.get(weight)!.forEach((logits, i) => {
      let max = -Infinity;
      for (const v of logits) max = Math.max(max, v / t);
      let sum = 0;
      for (const v of logits) sum += Math.exp(v / t - max);
      total -= logits[y[i]] / t - max - Math.log(sum);
    });
    return total;
  };
  const oosIndex = labels.indexOf(OUT_OF_SCOPE);
  if (oosIndex >= 0 && y.includes(oosIndex)) {
    const gold = Array.from(y, (y) => labels[y]);
    let best = { weight: 0, temperature: 1, meets: false, accuracy: -1, recall: -1, nll: Infinity };
    for (const weight of weights) {
      for (const temperature of TEMPERATURES) {
        const probs = softmaxAt(mixedByWeight.get(weight)!, temperature);
        const point = bestOperatingPoint(probs, gold, labels, minOosRecall);
        const meets = point.recall >= minOosRecall;
        // Equal accuracy is common (and certain across temperatures when the `oos` label alone
        // reaches the recall): then the better-calibrated confidences win.
        const loss = nll(weight, temperature);
        const better = meets
          ? !best.meets ||
            point.accuracy > best.accuracy ||
            (point.accuracy === best.accuracy && loss < best.nll)
          : !best.meets && point.recall > best.recall;
        if (better) best = { weight, temperature, meets, ...point, nll: loss };
      }
    }
    return { weight: best.weight, temperature: best.temperature };
  }
  let weight = 0;
  let bestCorrect = -1;
  for (const w of weights) {
    const mixed = mixedByWeight.get(w)!;
    let correct = 0;
    for (let i = 0; i < count; i++) if (argmax(mixed[i]) === y[i]) correct++;
    if (correct > bestCorrect) {
      bestCorrect = correct;
      weight = w;
    }
  }
  let temperature = 1;
  let bestNll = Infinity;
  for (const t of TEMPERATURES) {
    const value = nll(weight, t);
    if (value < bestNll) {
      bestNll = value;
      temperature = t;
    }
  }
  return { weight, temperature };
}

/** One network computing (mlp logits + weight · svm scores) / temperature. */
function foldNetwork(
  mlp: SoftmaxNetwork,
  svm: Float32Array | null,
  weight: number,
  temperature: number,
): IntentNetwork {
  const inv = 1 / temperature;
  return {
    ...mlp,
    w2: mlp.w2.map((v) => v * inv),
    b2: mlp.b2.map((v) => v * inv),
    linear: svm && weight > 0 ? svm.map((v) => v * weight * inv) : null,
  };
}

/**
 * Averages k hidden-layer networks exactly as one wider network: hidden units side by side,
 * output weights stacked and divided by k.
 */
function concatMembers(nets: SoftmaxNetwork[]): SoftmaxNetwork {
  if (nets.length === 1) return nets[0];
  const { inputDim: V, numClasses: C } = nets[0];
  const widths = nets.map((n) => n.hidden);
  const H = widths.reduce((a, b) => a + b, 0);
  const w1 = new Float32Array(V * H);
  const b1 = new Float32Array(H);
  const w2 = new Float32Array(H * C);
  const b2 = new Float32Array(C);
  let offset = 0;
  for (const net of nets) {
    const h = net.hidden;
    for (let row = 0; row < V; row++)
      w1.set(net.w1.subarray(row * h, (row + 1) * h), row * H + offset);
    b1.set(net.b1, offset);
    for (let i = 0; i < h * C; i++) w2[offset * C + i] = net.w2[i] / nets.length;
    for (let c = 0; c < C; c++) b2[c] += net.b2[c] / nets.length;
    offset += h;
  }
  return { inputDim: V, numClasses: C, hidden: H, w1, b1, w2, b2 };
}
