import { SparseVector } from '../nlu/featurizer';
import { SeededRandom } from './seeded-random';

/** Sparse inputs with class ids, as produced by a fitted featuriser. */
export interface SparseDataset {
  x: SparseVector[];
  y: Int32Array;
}

export interface SoftmaxTrainOptions {
  /** Hidden ReLU units; 0 trains a linear softmax (logistic regression) model. */
  hidden: number;
  maxEpochs: number;
  /** Stop after this many epochs without a better validation accuracy. */
  patience: number;
  batchSize: number;
  /** Adam step size for the dense layers. */
  learningRate: number;
  /**
   * Optimiser of the large sparse input matrix: per-weight lazy Adam (more accurate) or
   * row-wise Adagrad (a third of Adam's optimiser memory; about as fast since Adam.updateRows).
   */
  sparseOptimizer: 'adam' | 'adagrad';
  /** Adagrad step size for the sparse input matrix. */
  sparseLearningRate: number;
  /** Decoupled weight decay applied to the rows a batch touches. */
  weightDecay: number;
  /** Dropout on the hidden layer during training. */
  dropout: number;
  /** Target smoothing; keeps confidences from saturating, which helps the OOS threshold. */
  labelSmoothing: number;
  seed: number;
  /** Progress lines go here (the CLI passes stderr). */
  log?: (line: string) => void;
}

export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxTrainOptions = {
  hidden: 256,
  maxEpochs: 30,
  patience: 3,
  batchSize: 32,
  learningRate: 0.002,
  sparseOptimizer: 'adam',
  sparseLearningRate: 0.1,
  weightDecay: 0,
  dropout: 0.3,
  labelSmoothing: 0.05,
  seed: 1,
};

/**
 * Parameters of `logits = relu(x·W1 + b1)·W2 + b2` (hidden > 0) or `logits = x·W1` (hidden = 0,
 * bias through the always-on bias feature). Row-major: W1 is inputDim × (hidden || classes).
 */
export interface SoftmaxNetwork {
  inputDim: number;
  numClasses: number;
  hidden: number;
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

export interface SoftmaxTrainResult {
  network: SoftmaxNetwork;
  /** Epoch (1-based) whose parameters were kept. */
  bestEpoch: number;
  bestValidAccuracy: number;
}

/** Logits (and hidden activations) of one input; `hiddenOut` receives relu(x·W1 + b1). */
export function softmaxNetworkLogits(
  net: SoftmaxNetwork,
  x: SparseVector,
  logits: Float32Array,
  hiddenOut?: Float32Array,
): void {
  const width = net.hidden > 0 ? net.hidden : net.numClasses;
  const first = hiddenOut && net.hidden > 0 ? hiddenOut : new Float32Array(width);
  first.set(net.hidden > 0 ? net.b1 : new Float32Array(width));
  for (let k = 0; k < x.indices.length; k++) {
    const row = x.indices[k] * width;
    const v = x.values[k];
    for (let h = 0; h < width; h++) first[h] += v * net.w1[row + h];
  }
  if (net.hidden === 0) {
    logits.set(first);
    return;
  }
  for (let h = 0; h < width; h++) if (first[h] < 0) first[h] = 0;
  logits.set(net.b2);
  const C = net.numClasses;
  for (let h = 0; h < width; h++) {
    const a = first[h];
    if (a === 0) continue;
    const row = h * C;
    for (let c = 0; c < C; c++) logits[c] += a * net.w2[row + c];
  }
}

/** In-place softmax; returns the arg max. */
export function softmaxInPlace(logits: Float32Array): number {
  let max = -Infinity;
  let arg = 0;
  for (let c = 0; c < logits.length; c++) {
    if (logits[c] > max) {
      max = logits[c];
      arg = c;
    }
  }
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    logits[c] = Math.exp(logits[c] - max);
    sum += logits[c];
  }
  for (let c = 0; c < logits.length; c++) logits[c] /= sum;
  return arg;
}

/** Validation accuracy and mean cross-entropy. */
function evaluate(net: SoftmaxNetwork, data: SparseDataset): { accuracy: number; loss: number } {
  const logits = new Float32Array(net.numClasses);
  let correct = 0;
  let loss = 0;
  for (let i = 0; i < data.x.length; i++) {
    softmaxNetworkLogits(net, data.x[i], logits);
    if (softmaxInPlace(logits) === data.y[i]) correct++;
    loss -= Math.log(Math.max(logits[data.y[i]], 1e-12));
  }
  const n = Math.max(1, data.x.length);
  return { accuracy: correct / n, loss: loss / n };
}

/** Adam state for one parameter array; sparse arrays are updated only on touched rows. */
class Adam {
  readonly m: Float32Array;
  readonly v: Float32Array;

  constructor(size: number) {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
  }

  /** Adam step on `param[start..end)`; clears the gradient there. */
  update(
    param: Float32Array,
    grad: Float32Array,
    start: number,
    end: number,
    lr: number,
    decay: number,
    step: number,
  ): void {
    this.updateRows(param, grad, [0], end - start, start, lr, decay, step);
  }

  /**
   * Adam step on the given rows of a row-major matrix (`offset` shifts every row). The loop over
   * rows is inside this method on purpose: when V8 inlined a per-row update into the caller's
   * loop, the compiled code ran the same arithmetic about 6× slower (9.5 s instead of 1.6 s per
   * BANKING77 epoch, found with --max-inlined-bytecode-size=0).
   */
  updateRows(
    param: Float32Array,
    grad: Float32Array,
    rows: readonly number[],
    width: number,
    offset: number,
    lr: number,
    decay: number,
    step: number,
  ): void {
    const { m, v } = this;
    const stepSize = lr / (1 - Math.pow(0.9, step));
    const invSqrtC2 = 1 / Math.sqrt(1 - Math.pow(0.999, step));
    const shrink = 1 - lr * decay;
    for (let r = 0; r < rows.length; r++) {
      const start = offset + rows[r] * width;
      const end = start + width;
      for (let i = start; i < end; i++) {
        const g = grad[i];
        const mi = 0.9 * m[i] + 0.1 * g;
        const vi = 0.999 * v[i] + 0.001 * g * g;
        m[i] = mi;
        v[i] = vi;
        param[i] = param[i] * shrink - (stepSize * mi) / (Math.sqrt(vi) * invSqrtC2 + 1e-8);
        grad[i] = 0;
      }
    }
  }
}

/**
 * Row-wise Adagrad for the large sparse input matrix: one accumulator per feature row, so an
 * update costs two operations per weight and no per-weight optimiser state.
 */
class RowAdagrad {
  private readonly sum: Float32Array;

  constructor(
    rows: number,
    private readonly width: number,
  ) {
    this.sum = new Float32Array(rows);
  }

  update(param: Float32Array, grad: Float32Array, row: number, lr: number, decay: number): void {
    const start = row * this.width;
    const end = start + this.width;
    let sq = 0;
    for (let i = start; i < end; i++) sq += grad[i] * grad[i];
    this.sum[row] += sq / this.width;
    const rate = lr / (Math.sqrt(this.sum[row]) + 1e-6);
    const shrink = 1 - lr * decay;
    for (let i = start; i < end; i++) {
      param[i] = param[i] * shrink - rate * grad[i];
      grad[i] = 0;
    }
  }
}

/**
 * Gradient accumulation and parameter updates of one network: the forward/backward pass of
 * an example and the optimiser step of a mini-batch, with the buffers they reuse.
 */
class SoftmaxNetworkStep {
  private readonly width: number;
  private readonly g1: Float32Array;
  private readonly gb1: Float32Array;
  private readonly g2: Float32Array;
  private readonly gb2: Float32Array;
  private readonly rowAdagrad: RowAdagrad | null;
  private readonly adam1: Adam | null;
  private readonly adamB1: Adam;
  private readonly adam2: Adam;
  private readonly adamB2: Adam;
  private readonly touched: Uint8Array;
  private readonly touchedRows: number[] = [];
  private readonly pre: Float32Array;
  private readonly act: Float32Array;
  private readonly mask: Float32Array;
  private readonly probs: Float32Array;
  private readonly gHidden: Float32Array;
  private step = 0;

  constructor(
    private readonly net: SoftmaxNetwork,
    private readonly opts: SoftmaxTrainOptions,
    private readonly rng: SeededRandom,
  ) {
    const H = net.hidden;
    this.width = H > 0 ? H : net.numClasses;
    this.g1 = new Float32Array(net.w1.length);
    this.gb1 = new Float32Array(H);
    this.g2 = new Float32Array(net.w2.length);
    this.gb2 = new Float32Array(net.b2.length);
    this.rowAdagrad =
      opts.sparseOptimizer === 'adagrad' ? new RowAdagrad(net.inputDim, this.width) : null;
    this.adam1 = this.rowAdagrad ? null : new Adam(net.w1.length);
    this.adamB1 = new Adam(H);
    this.adam2 = new Adam(net.w2.length);
    this.adamB2 = new Adam(net.b2.length);
    this.touched = new Uint8Array(net.inputDim);
    this.pre = new Float32Array(this.width);
    this.act = new Float32Array(this.width);
    this.mask = new Float32Array(this.width);
    this.probs = new Float32Array(net.numClasses);
    this.gHidden = new Float32Array(this.width);
  }

  /** Adds one example's gradients; returns its cross-entropy loss. */
  private accumulate(x: SparseVector, label: number): number {
    const { net, width, pre, probs } = this;
    const H = net.hidden;
    if (H > 0) pre.set(net.b1);
    else pre.fill(0);
    for (let k = 0; k < x.indices.length; k++) {
      const row = x.indices[k] * width;
      const v = x.values[k];
      for (let h = 0; h < width; h++) pre[h] += v * net.w1[row + h];
    }
    if (H > 0) this.hiddenForward();
    else probs.set(pre);
    softmaxInPlace(probs);
    const loss = -Math.log(Math.max(probs[label], 1e-12));
    // probs becomes dLoss/dlogits for smoothed targets.
    const C = net.numClasses;
    const smooth = this.opts.labelSmoothing;
    for (let c = 0; c < C; c++) probs[c] -= smooth / C + (c === label ? 1 - smooth : 0);
    if (H > 0) this.hiddenBackward();
    else this.gHidden.set(probs);
    this.inputBackward(x);
    return loss;
  }

  private hiddenForward(): void {
    const { net, pre, act, mask, probs, rng } = this;
    const H = net.hidden;
    const C = net.numClasses;
    const dropout = this.opts.dropout;
    for (let h = 0; h < H; h++) {
      const keep = dropout > 0 ? (rng.next() >= dropout ? 1 / (1 - dropout) : 0) : 1;
      mask[h] = pre[h] > 0 ? keep : 0;
      act[h] = pre[h] * mask[h];
    }
    probs.set(net.b2);
    for (let h = 0; h < H; h++) {
      const a = act[h];
      if (a === 0) continue;
      const row = h * C;
      for (let c = 0; c < C; c++) probs[c] += a * net.w2[row + c];
    }
  }

  private hiddenBackward(): void {
    const { net, act, mask, probs, gHidden, g2, gb1, gb2 } = this;
    const H = net.hidden;
    const C = net.numClasses;
    for (let c = 0; c < C; c++) gb2[c] += probs[c];
    for (let h = 0; h < H; h++) {
      const a = act[h];
      const row = h * C;
      let gh = 0;
      for (let c = 0; c < C; c++) {
        gh += net.w2[row + c] * probs[c];
        if (a !== 0) g2[row + c] += a * probs[c];
      }
      gHidden[h] = gh * mask[h];
      gb1[h] += gHidden[h];
    }
  }

  private inputBackward(x: SparseVector): void {
    const { width, gHidden, g1, touched, touchedRows } = this;
    for (let k = 0; k < x.indices.length; k++) {
      const idx = x.indices[k];
      const row = idx * width;
      const v = x.values[k];
      if (!touched[idx]) {
        touched[idx] = 1;
        touchedRows.push(idx);
      }
      for (let h = 0; h < width; h++) g1[row + h] += v * gHidden[h];
    }
  }

  /**
   * One mini-batch: accumulates the gradients of `order[start..end)` and applies them. Kept a
   * separate call so that the epoch loop stays small; see the class comment.
   */
  trainBatch(data: SparseDataset, order: readonly number[], start: number, end: number): number {
    let loss = 0;
    for (let o = start; o < end; o++) loss += this.accumulate(data.x[order[o]], data.y[order[o]]);
    this.update();
    return loss;
  }

  /** Applies the accumulated batch gradients and clears them. */
  private update(): void {
    const { net, opts, width } = this;
    const H = net.hidden;
    this.step++;
    const lr = opts.learningRate;
    const rows = this.touchedRows;
    if (this.rowAdagrad) {
      for (const idx of rows)
        this.rowAdagrad.update(net.w1, this.g1, idx, opts.sparseLearningRate, opts.weightDecay);
    } else {
      this.adam1!.updateRows(net.w1, this.g1, rows, width, 0, lr, opts.weightDecay, this.step);
    }
    for (const idx of rows) this.touched[idx] = 0;
    this.touchedRows.length = 0;
    if (H > 0) {
      this.adamB1.update(net.b1, this.gb1, 0, H, lr, 0, this.step);
      this.adam2.update(net.w2, this.g2, 0, this.g2.length, lr, opts.weightDecay, this.step);
      this.adamB2.update(net.b2, this.gb2, 0, net.numClasses, lr, 0, this.step);
    }
  }
}

/**
 * Mini-batch training (Adam, or row-wise Adagrad for W1) on softmax cross-entropy over sparse
 * inputs, keeping the parameters of the epoch with the best validation accuracy (early
 * stopping). Deterministic for a given seed.
 */
export function trainSoftmaxNetwork(
  train: SparseDataset,
  valid: SparseDataset | undefined,
  inputDim: number,
  numClasses: number,
  options: Partial<SoftmaxTrainOptions> = {},
): SoftmaxTrainResult {
  const opts = { ...DEFAULT_SOFTMAX_OPTIONS, ...options };
  const rng = new SeededRandom(opts.seed);
  const H = opts.hidden;
  const C = numClasses;
  const width = H > 0 ? H : C;
  const net: SoftmaxNetwork = {
    inputDim,
    numClasses,
    hidden: H,
    w1: new Float32Array(inputDim * width),
    b1: new Float32Array(H),
    w2: new Float32Array(H * C),
    b2: new Float32Array(H > 0 ? C : 0),
  };
  if (H > 0) {
    for (let i = 0; i < net.w1.length; i++) net.w1[i] = rng.normal() * 0.1;
    const scale = Math.sqrt(2 / H);
    for (let i = 0; i < net.w2.length; i++) net.w2[i] = rng.normal() * scale;
  }
  const stepper = new SoftmaxNetworkStep(net, opts, rng);
  const order = Array.from({ length: train.x.length }, (_, i) => i);
  const evalSet = valid && valid.x.length > 0 ? valid : undefined;
  let best: SoftmaxNetwork | undefined;
  let bestAcc = -1;
  let bestLoss = Infinity;
  let bestEpoch = 0;
  for (let epoch = 1; epoch <= opts.maxEpochs; epoch++) {
    const started = Date.now();
    rng.shuffle(order);
    let loss = 0;
    for (let b = 0; b < order.length; b += opts.batchSize) {
      const batchEnd = Math.min(order.length, b + opts.batchSize);
      loss += stepper.trainBatch(train, order, b, batchEnd);
    }
    // Without validation data the last epoch wins; ties in accuracy go to the lower loss.
    const score = evalSet ? evaluate(net, evalSet) : { accuracy: epoch, loss: 0 };
    const acc = score.accuracy;
    opts.log?.(
      `epoch ${epoch}: loss ${(loss / order.length).toFixed(4)}` +
        (evalSet ? ` valid acc ${(acc * 100).toFixed(2)}% loss ${score.loss.toFixed(4)}` : '') +
        ` (${Date.now() - started} ms)`,
    );
    if (acc > bestAcc || (acc === bestAcc && score.loss < bestLoss)) {
      bestAcc = acc;
      bestLoss = score.loss;
      bestEpoch = epoch;
      best = {
        ...net,
        w1: net.w1.slice(),
        b1: net.b1.slice(),
        w2: net.w2.slice(),
        b2: net.b2.slice(),
      };
    } else if (evalSet && epoch - bestEpoch >= opts.patience) break;
  }
  return { network: best ?? net, bestEpoch, bestValidAccuracy: evalSet ? bestAcc : Number.NaN };
}
