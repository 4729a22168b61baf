import * as ort from 'onnxruntime-node';
import { IntentNetwork, forwardIntentNetwork, quantizeLargeMatrices } from '../intent-network';
import { SeededRandom } from '../seeded-random';
import { INTENT_GRAPH_IO, exportIntentOnnx } from './intent-onnx-export';

function randomNetwork(withLinear: boolean): IntentNetwork {
  const rng = new SeededRandom(5);
  const r = (n: number) => Float32Array.from({ length: n }, () => rng.normal());
  const V = 300;
  const H = 16;
  const C = 6;
  return quantizeLargeMatrices({
    inputDim: V,
    numClasses: C,
    hidden: H,
    w1: r(V * H),
    b1: r(H),
    w2: r(H * C),
    b2: r(C),
    linear: withLinear ? r(V * C) : null,
  });
}

async function runOnnx(session: ort.InferenceSession, indices: number[], values: number[]) {
  const out = await session.run({
    [INTENT_GRAPH_IO.indices]: new ort.Tensor('int64', BigInt64Array.from(indices.map(BigInt)), [
      indices.length,
    ]),
    [INTENT_GRAPH_IO.values]: new ort.Tensor('float32', Float32Array.from(values), [values.length]),
  });
  return { probs: out.probs.data as Float32Array, vector: out.vector.data as Float32Array };
}

describe('intent ONNX export', () => {
  it.each([true, false])(
    'computes the same probabilities and vector as the JS forward pass (linear part: %s)',
    async (withLinear) => {
      const net = randomNetwork(withLinear);
      const session = await ort.InferenceSession.create(exportIntentOnnx(net, 'test'));
      const inputs: [number[], number[]][] = [
        [[0], [1]],
        [
          [0, 17, 299, 42],
          [1, 0.5, -0.25, 0.125],
        ],
        [
          [0, 3, 3],
          [1, 0.7, 0.7],
        ],
      ];
      for (const [indices, values] of inputs) {
        const onnx = await runOnnx(session, indices, values);
        const js = forwardIntentNetwork(net, {
          indices: Int32Array.from(indices),
          values: Float32Array.from(values),
        });
        expect(onnx.probs).toHaveLength(6);
        expect(onnx.vector).toHaveLength(16);
        onnx.probs.forEach((p, i) => expect(p).toBeCloseTo(js.probs[i], 5));
        onnx.vector.forEach((v, i) => expect(v).toBeCloseTo(js.vector[i], 5));
      }
      await session.release();
    },
  );
});
