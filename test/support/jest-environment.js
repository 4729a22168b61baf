// Jest environment for tests that run onnxruntime-node. The native binding creates its output
// tensors with the typed-array constructors of the main realm, while onnxruntime-common checks
// them with `instanceof` against the test sandbox's constructors, so every session.run() fails
// with "A float32 tensor's data must be type of function Float32Array()". Sharing the main
// realm's typed-array constructors with the sandbox makes both sides agree.
// The default environment of every test (jest.config.js): e2e tests run the real NLU too.
const { TestEnvironment } = require('jest-environment-node');

const TYPED_ARRAYS = [
  'Float32Array',
  'Float64Array',
  'Int8Array',
  'Int16Array',
  'Int32Array',
  'Uint8Array',
  'Uint16Array',
  'Uint32Array',
  'BigInt64Array',
  'BigUint64Array',
];

class OnnxTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED_ARRAYS) this.global[name] = globalThis[name];
  }
}

module.exports = OnnxTestEnvironment;
