import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as protobuf from 'protobufjs';

/**
 * Writes a tiny random-weight BERT-shaped model folder in the transformers.js layout
 * (`config.json`, `tokenizer.json`, `tokenizer_config.json`, `onnx/model.onnx`) so that the
 * encoder path is tested offline without any downloaded weights. The graph: word + token-type
 * embeddings (Gather), two Tanh(MatMul + Add) layers, padding positions zeroed by the attention
 * mask → `last_hidden_state` [batch, seq, hidden].
 */

// The subset of onnx.proto (field numbers from the ONNX spec) that the graph needs.
const ONNX_SCHEMA = {
  nested: {
    onnx: {
      nested: {
        ModelProto: {
          fields: {
            ir_version: { type: 'int64', id: 1 },
            producer_name: { type: 'string', id: 2 },
            graph: { type: 'GraphProto', id: 7 },
            opset_import: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
          },
        },
        OperatorSetIdProto: {
          fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } },
        },
        GraphProto: {
          fields: {
            node: { rule: 'repeated', type: 'NodeProto', id: 1 },
            name: { type: 'string', id: 2 },
            initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
            input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
            output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
          },
        },
        NodeProto: {
          fields: {
            input: { rule: 'repeated', type: 'string', id: 1 },
            output: { rule: 'repeated', type: 'string', id: 2 },
            name: { type: 'string', id: 3 },
            op_type: { type: 'string', id: 4 },
            attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
          },
        },
        AttributeProto: {
          fields: {
            name: { type: 'string', id: 1 },
            i: { type: 'int64', id: 3 },
            type: { type: 'int32', id: 20 },
          },
        },
        TensorProto: {
          fields: {
            dims: { rule: 'repeated', type: 'int64', id: 1 },
            data_type: { type: 'int32', id: 2 },
            name: { type: 'string', id: 8 },
            raw_data: { type: 'bytes', id: 9 },
          },
        },
        ValueInfoProto: {
          fields: { name: { type: 'string', id: 1 }, type: { type: 'TypeProto', id: 2 } },
        },
        TypeProto: {
          fields: { tensor_type: { type: 'Tensor', id: 1 } },
          nested: {
            Tensor: {
              fields: {
                elem_type: { type: 'int32', id: 1 },
                shape: { type: 'TensorShapeProto', id: 2 },
              },
            },
          },
        },
        TensorShapeProto: {
          fields: { dim: { rule: 'repeated', type: 'Dimension', id: 1 } },
          nested: {
            Dimension: {
              fields: { dim_value: { type: 'int64', id: 1 }, dim_param: { type: 'string', id: 2 } },
            },
          },
        },
      },
    },
  },
};

const FLOAT = 1;
const INT64 = 7;
const ATTRIBUTE_INT = 2;

export const TINY_BERT_HIDDEN = 16;

const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
const WORDS = (
  'the a my i you is are was to of and it for on in where order orders refund money back track ' +
  'package parcel delivery address change cancel invoice bill pay payment card account password ' +
  'help please thanks thank great bad late broken want need when how can do not hello hi bye'
).split(' ');
const PIECES = ['##s', '##ed', '##ing', '##er', '##ly', 're', 'un'];
const CJK = '我的订单在哪里退款发票地址取消谢谢你好怎么物流'.split('');
const PUNCT = ['?', '!', '.', ','];

/** Deterministic weights (a fixed LCG), so every generated model is the same model. */
function randomFloats(count: number, seed: number): Float32Array {
  const out = new Float32Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = (state / 4294967296 - 0.5) * 2;
  }
  return out;
}

function tensor(name: string, dims: number[], data: Float32Array | BigInt64Array, type: number) {
  return {
    name,
    dims,
    data_type: type,
    raw_data: Buffer.from(data.buffer, data.byteOffset, data.byteLength),
  };
}

function valueInfo(name: string, elemType: number, dims: Array<number | string>) {
  return {
    name,
    type: {
      tensor_type: {
        elem_type: elemType,
        shape: {
          dim: dims.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d })),
        },
      },
    },
  };
}

function node(op: string, inputs: string[], outputs: string[], attribute: object[] = []) {
  return { op_type: op, input: inputs, output: outputs, name: `${op}_${outputs[0]}`, attribute };
}

function onnxModel(vocabSize: number, hidden: number): Uint8Array {
  const root = protobuf.Root.fromJSON(ONNX_SCHEMA);
  const ModelProto = root.lookupType('onnx.ModelProto');
  const graph = {
    name: 'tiny-bert',
    input: [
      valueInfo('input_ids', INT64, ['batch', 'sequence']),
      valueInfo('attention_mask', INT64, ['batch', 'sequence']),
      valueInfo('token_type_ids', INT64, ['batch', 'sequence']),
    ],
    output: [valueInfo('last_hidden_state', FLOAT, ['batch', 'sequence', hidden])],
    initializer: [
      tensor('word_embeddings', [vocabSize, hidden], randomFloats(vocabSize * hidden, 1), FLOAT),
      tensor('token_type_embeddings', [2, hidden], randomFloats(2 * hidden, 2), FLOAT),
      tensor('w1', [hidden, hidden], randomFloats(hidden * hidden, 3), FLOAT),
      tensor('b1', [hidden], randomFloats(hidden, 4), FLOAT),
      tensor('w2', [hidden, hidden], randomFloats(hidden * hidden, 5), FLOAT),
      tensor('b2', [hidden], randomFloats(hidden, 6), FLOAT),
      tensor('last_axis', [1], BigInt64Array.from([-1n]), INT64),
    ],
    node: [
      node('Gather', ['word_embeddings', 'input_ids'], ['words']),
      node('Gather', ['token_type_embeddings', 'token_type_ids'], ['types']),
      node('Add', ['words', 'types'], ['embedded']),
      node('MatMul', ['embedded', 'w1'], ['mm1']),
      node('Add', ['mm1', 'b1'], ['pre1']),
      node('Tanh', ['pre1'], ['h1']),
      node('MatMul', ['h1', 'w2'], ['mm2']),
      node('Add', ['mm2', 'b2'], ['pre2']),
      node('Tanh', ['pre2'], ['h2']),
      node(
        'Cast',
        ['attention_mask'],
        ['mask_float'],
        [{ name: 'to', i: FLOAT, type: ATTRIBUTE_INT }],
      ),
      node('Unsqueeze', ['mask_float', 'last_axis'], ['mask']),
      node('Mul', ['h2', 'mask'], ['last_hidden_state']),
    ],
  };
  const model = {
    ir_version: 8,
    producer_name: 'concierge-test',
    opset_import: [{ domain: '', version: 13 }],
    graph,
  };
  const error = ModelProto.verify(model);
  if (error) throw new Error(`invalid ONNX model: ${error}`);
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}

function tokenizerJson(vocab: Record<string, number>) {
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [vocab['[CLS]']], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [vocab['[SEP]']], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab,
    },
  };
}

/** Writes the model folder into `dir` and returns it. */
export function writeTinyBert(dir: string): string {
  const tokens = [...SPECIAL, ...WORDS, ...PIECES, ...CJK, ...PUNCT];
  const vocab = Object.fromEntries(tokens.map((t, i) => [t, i]));
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  const config = {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: TINY_BERT_HIDDEN,
    num_hidden_layers: 2,
    num_attention_heads: 2,
    intermediate_size: TINY_BERT_HIDDEN * 2,
    vocab_size: tokens.length,
    max_position_embeddings: 64,
    type_vocab_size: 2,
    pad_token_id: 0,
  };
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2));
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));
  writeFileSync(
    join(dir, 'tokenizer_config.json'),
    JSON.stringify({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      model_max_length: 64,
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      mask_token: '[MASK]',
    }),
  );
  writeFileSync(join(dir, 'onnx', 'model.onnx'), onnxModel(tokens.length, TINY_BERT_HIDDEN));
  return dir;
}
