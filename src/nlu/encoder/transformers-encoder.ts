import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Encoder } from './encoder';
import { EncoderError } from './encoder-error';

export interface TransformersEncoderOptions {
  /** ONNX weights variant: `fp32` reads onnx/model.onnx, `q8` onnx/model_quantized.onnx. */
  dtype?: 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4';
  /** Texts per model call; bounds memory on long batches. */
  batchSize?: number;
}

type FeatureExtractor = (
  texts: string[],
  options: { pooling: 'mean'; normalize: boolean },
) => Promise<{ data: Float32Array; dims: number[] }>;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Far beyond any model's token limit; keeps tokenisation of a 10 MB paste cheap.
const MAX_CHARS = 20_000;

function readHiddenSize(dir: string): number {
  const file = join(dir, 'config.json');
  let config: { hidden_size?: unknown; dim?: unknown };
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new EncoderError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const size = Number(config.hidden_size ?? config.dim);
  if (!Number.isInteger(size) || size <= 0)
    throw new EncoderError(`${file} has no positive hidden_size`);
  return size;
}

/**
 * Encoder on `@huggingface/transformers` (ONNX on onnxruntime-node) that loads a local model
 * folder — `config.json`, `tokenizer.json`, `tokenizer_config.json`, `onnx/model.onnx` — and
 * never touches the network. Sentence vector: mean of the token vectors over the attention
 * mask, L2-normalised.
 */
export class TransformersEncoder implements Encoder {
  private constructor(
    readonly dimension: number,
    private readonly extract: FeatureExtractor,
    private readonly options: Required<TransformersEncoderOptions>,
  ) {}

  static async load(
    modelDir: string,
    options: TransformersEncoderOptions = {},
  ): Promise<TransformersEncoder> {
    const dir = resolve(modelDir);
    for (const file of ['config.json', 'tokenizer.json']) {
      if (!existsSync(join(dir, file)))
        throw new EncoderError(`${join(dir, file)} is missing (ENCODER_DIR=${modelDir})`);
    }
    const dimension = readHiddenSize(dir);
    const transformers = await import('@huggingface/transformers');
    // Offline by construction: models come only from the local folder, never from a hub.
    transformers.env.allowRemoteModels = false;
    transformers.env.allowLocalModels = true;
    transformers.env.localModelPath = dirname(dir) + '/';
    const opts: Required<TransformersEncoderOptions> = {
      dtype: 'fp32',
      batchSize: 32,
      ...options,
    };
    let extract: FeatureExtractor;
    try {
      extract = (await transformers.pipeline('feature-extraction', basename(dir), {
        dtype: opts.dtype,
        device: 'cpu',
        local_files_only: true,
      })) as unknown as FeatureExtractor;
    } catch (error) {
      throw new EncoderError(`cannot load the encoder in ${dir}: ${(error as Error).message}`);
    }
    return new TransformersEncoder(dimension, extract, opts);
  }

  async encode(texts: readonly string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.options.batchSize) {
      const batch = texts
        .slice(i, i + this.options.batchSize)
        .map((t) =>
          typeof t === 'string' ? t.slice(0, MAX_CHARS).replace(LONE_SURROGATE, '') : '',
        );
      // The pipeline pads the batch, truncates at the tokenizer's model_max_length and averages
      // token vectors over the attention mask.
      const result = await this.extract(batch, { pooling: 'mean', normalize: true });
      const width = result.dims[result.dims.length - 1];
      if (width !== this.dimension) {
        throw new EncoderError(
          `the model returned ${width}-dimensional vectors, config.json says ${this.dimension}`,
        );
      }
      for (let row = 0; row < batch.length; row++) {
        out.push(Float32Array.from(result.data.subarray(row * width, (row + 1) * width)));
      }
    }
    return out;
  }
}
