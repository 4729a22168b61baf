import { IntentNetwork, VECTOR_EPSILON } from '../intent-network';
import { quantizeRows } from './int8-rows';
import { OnnxAttributeType, OnnxDataType, onnxModelType } from './onnx-proto';

/** Names of the graph's inputs and outputs, shared with the serving code. */
export const INTENT_GRAPH_IO = {
  indices: 'indices',
  values: 'values',
  probs: 'probs',
  vector: 'vector',
} as const;

interface Tensor {
  name: string;
  dims: number[];
  data_type: number;
  raw_data: Uint8Array;
}

function bytes(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function floatTensor(name: string, dims: number[], data: Float32Array): Tensor {
  return { name, dims, data_type: OnnxDataType.FLOAT, raw_data: bytes(data) };
}

/** `name` (int8 [rows, width]) and `name_scale` (float [rows, 1]): see int8-rows.ts. */
function int8RowTensors(name: string, rows: number, width: number, data: Float32Array): Tensor[] {
  const { codes, scales } = quantizeRows(data, width);
  return [
    { name, dims: [rows, width], data_type: OnnxDataType.INT8, raw_data: bytes(codes) },
    floatTensor(`${name}_scale`, [rows, 1], scales),
  ];
}

/** Nodes computing Σ_k values[k] · M[indices[k]] from an int8 row-scaled matrix M. */
function sparseProduct(matrix: string, output: string): object[] {
  const io = INTENT_GRAPH_IO;
  return [
    node('Gather', [matrix, io.indices], `${matrix}_rows_q`, { axis: 0 }),
    node('Cast', [`${matrix}_rows_q`], `${matrix}_rows`, { to: OnnxDataType.FLOAT }),
    node('Gather', [`${matrix}_scale`, io.indices], `${matrix}_row_scales`, { axis: 0 }),
    node('Mul', ['value_column', `${matrix}_row_scales`], `${matrix}_weights`),
    node('Mul', [`${matrix}_rows`, `${matrix}_weights`], `${matrix}_weighted`),
    node('ReduceSum', [`${matrix}_weighted`, 'axis0'], output, { keepdims: 0 }),
  ];
}

function int64Tensor(name: string, values: number[]): Tensor {
  return {
    name,
    dims: [values.length],
    data_type: OnnxDataType.INT64,
    raw_data: bytes(BigInt64Array.from(values.map(BigInt))),
  };
}

function node(
  op: string,
  inputs: string[],
  output: string,
  attributes: Record<string, number | number[]> = {},
): object {
  const attribute = Object.entries(attributes).map(([name, value]) =>
    Array.isArray(value)
      ? { name, ints: value, type: OnnxAttributeType.INTS }
      : Number.isInteger(value)
        ? { name, i: value, type: OnnxAttributeType.INT }
        : { name, f: value, type: OnnxAttributeType.FLOAT },
  );
  return { op_type: op, input: inputs, output: [output], name: `${op}_${output}`, attribute };
}

function valueInfo(name: string, elemType: number, dims: (number | string)[]): object {
  const dim = dims.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d }));
  return { name, type: { tensor_type: { elem_type: elemType, shape: { dim } } } };
}

/**
 * Serialises the network as an ONNX model (opset 13) with a sparse input: `indices` (int64 [n])
 * and `values` (float [n]) of one text; outputs `probs` [classes] and `vector` [hidden].
 * Input rows are gathered from the int8 weight matrices (with their row scales), so cost grows
 * with n, not vocabulary.
 */
export function exportIntentOnnx(net: IntentNetwork, docString: string): Uint8Array {
  const { inputDim: V, hidden: H, numClasses: C } = net;
  const io = INTENT_GRAPH_IO;
  const initializer: Tensor[] = [
    ...int8RowTensors('W1', V, H, net.w1),
    floatTensor('b1', [H], net.b1),
    floatTensor('W2', [H, C], net.w2),
    floatTensor('b2', [C], net.b2),
    int64Tensor('column_shape', [-1, 1]),
    int64Tensor('row_shape', [1, -1]),
    int64Tensor('flat_shape', [-1]),
    int64Tensor('axis0', [0]),
    floatTensor('epsilon', [1], Float32Array.of(VECTOR_EPSILON)),
  ];
  const nodes = [
    node('Reshape', [io.values, 'column_shape'], 'value_column'),
    ...sparseProduct('W1', 'sum1'),
    node('Add', ['sum1', 'b1'], 'pre_hidden'),
    node('Relu', ['pre_hidden'], 'hidden'),
    node('Reshape', ['hidden', 'row_shape'], 'hidden_row'),
    node('MatMul', ['hidden_row', 'W2'], 'mlp_row'),
    node('Reshape', ['mlp_row', 'flat_shape'], 'mlp_flat'),
    node('Add', ['mlp_flat', 'b2'], net.linear ? 'mlp_logits' : 'logits'),
  ];
  if (net.linear) {
    initializer.push(...int8RowTensors('L', V, C, net.linear));
    nodes.push(
      ...sparseProduct('L', 'linear_logits'),
      node('Add', ['mlp_logits', 'linear_logits'], 'logits'),
    );
  }
  nodes.push(
    node('Softmax', ['logits'], io.probs, { axis: -1 }),
    node('Mul', ['hidden', 'hidden'], 'hidden_squared'),
    node('ReduceSum', ['hidden_squared', 'axis0'], 'squared_norm', { keepdims: 1 }),
    node('Add', ['squared_norm', 'epsilon'], 'squared_norm_eps'),
    node('Sqrt', ['squared_norm_eps'], 'norm'),
    node('Div', ['hidden', 'norm'], io.vector),
  );
  const model = {
    ir_version: 8,
    producer_name: 'concierge-intent-trainer',
    producer_version: '1',
    model_version: 1,
    doc_string: docString,
    opset_import: [{ domain: '', version: 13 }],
    graph: {
      name: 'intent',
      node: nodes,
      initializer,
      input: [
        valueInfo(io.indices, OnnxDataType.INT64, ['n']),
        valueInfo(io.values, OnnxDataType.FLOAT, ['n']),
      ],
      output: [
        valueInfo(io.probs, OnnxDataType.FLOAT, [C]),
        valueInfo(io.vector, OnnxDataType.FLOAT, [H]),
      ],
    },
  };
  const type = onnxModelType();
  return type.encode(type.fromObject(model)).finish();
}
