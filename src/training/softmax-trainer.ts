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
   * Optimiser of the large sparse input matrix: per-weight lazy Adam (more accurate, about twice
   * the training time) or row-wise Adagrad (cheap).
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

  update(
    param: Float32Array,
    grad: Float32Array,
    start: number,
    end: number,
    lr: number,
    decay: number,
    step: number,
  ): void {
    const b1 = 0.9;
    const b2 = 0.999;
    const c1 = 1 - Math.pow(b1, step);
    const c2 = 1 - Math.pow(b2, step);
    for (let i = start; i < end; i++) {
      const g = grad[i];
      this.m[i] = b1 * this.m[i] + (1 - b1) * g;
      this.v[i] = b2 * this.v[i] + (1 - b2) * g * g;
      param[i] -= lr * (this.m[i] / c1 / (Math.sqrt(this.v[i] / c2) + 1e-8) + decay * param[i]);
      grad[i] = 0;
    }
  }
}

/**
 * Row-wise Adagrad for the large sparse input matrix: one accumulator per feature row, so an
 * update costs two operations per weight (per-weight Adam dominated the training time).
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
 * Mini-batch training (Adam, or row-wise Adagrad for W1) on softmax cross-entropy over sparse inputs, keeping the parameters of the
 * epoch with the best validation accuracy (early stopping). Deterministic for a given seed.
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
  const g1 = new Float32Array(net.w1.length);
  const gb1 = new Float32Array(H);
  const g2 = new Float32Array(net.w2.length);
  const gb2 = new Float32Array(net.b2.length);
  const rowAdagrad = opts.sparseOptimizer === 'adagrad' ? new RowAdagrad(inputDim, width) : null;
  const adam1 = rowAdagrad ? null : new Adam(net.w1.length);
  const adamB1 = new Adam(H);
  const adam2 = new Adam(net.w2.length);
  const adamB2 = new Adam(net.b2.length);
  const touched = new Uint8Array(inputDim);
  const touchedRows: number[] = [];
  const pre = new Float32Array(width);
  const act = new Float32Array(width);
  const mask = new Float32Array(width);
  const probs = new Float32Array(C);
  const gHidden = new Float32Array(width);
  const order = Array.from({ length: train.x.length }, (_, i) => i);
  const evalSet = valid && valid.x.length > 0 ? valid : undefined;
  let best: SoftmaxNetwork | undefined;
  let bestAcc = -1;
  let bestLoss = Infinity;
  let bestEpoch = 0;
  let step = 0;
  const smooth = opts.labelSmoothing;
  for (let epoch = 1; epoch <= opts.maxEpochs; epoch++) {
    const started = Date.now();
    rng.shuffle(order);
    let loss = 0;
    for (let b = 0; b < order.length; b += opts.batchSize) {
      const batchEnd = Math.min(order.length, b + opts.batchSize);
      for (let o = b; o < batchEnd; o++) {
        const x = train.x[order[o]];
        const label = train.y[order[o]];
        pre.set(H > 0 ? net.b1 : pre.fill(0));
        for (let k = 0; k < x.indices.length; k++) {
          const row = x.indices[k] * width;
          const v = x.values[k];
          for (let h = 0; h < width; h++) pre[h] += v * net.w1[row + h];
        }
        if (H > 0) {
          for (let h = 0; h < H; h++) {
            const keep =
              opts.dropout > 0 ? (rng.next() >= opts.dropout ? 1 / (1 - opts.dropout) : 0) : 1;
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
        } else {
          probs.set(pre);
        }
        softmaxInPlace(probs);
        loss -= Math.log(Math.max(probs[label], 1e-12));
        // probs becomes dLoss/dlogits for smoothed targets.
        for (let c = 0; c < C; c++) probs[c] -= smooth / C + (c === label ? 1 - smooth : 0);
        if (H > 0) {
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
        } else {
          gHidden.set(probs);
        }
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
      step++;
      const lr = opts.learningRate;
      for (const idx of touchedRows) {
        if (rowAdagrad)
          rowAdagrad.update(net.w1, g1, idx, opts.sparseLearningRate, opts.weightDecay);
        else adam1!.update(net.w1, g1, idx * width, (idx + 1) * width, lr, opts.weightDecay, step);
        touched[idx] = 0;
      }
      touchedRows.length = 0;
      if (H > 0) {
        adamB1.update(net.b1, gb1, 0, H, lr, 0, step);
        adam2.update(net.w2, g2, 0, g2.length, lr, opts.weightDecay, step);
        adamB2.update(net.b2, gb2, 0, C, lr, 0, step);
      }
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
