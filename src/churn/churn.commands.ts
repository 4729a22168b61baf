import { readFileSync } from 'node:fs';
import {
  CliArgs,
  CliCommand,
  CliUsageError,
  optionalNumber,
  requireOption,
} from '../cli/cli-command';
import { CalibrationKind } from './calibration';
import { loadChurnCsv } from './churn-dataset';
import { ChurnModel } from './churn-model';
import { DEFAULT_TRAINING_OPTIONS, trainChurnModel } from './churn-trainer';
import { ChurnError } from './churn.errors';
import { ECOMMERCE_CHURN_SCHEMA } from './ecommerce-churn.schema';
import { DatasetSchema, validateSchema } from './feature-schema';
import { evaluate } from './metrics';
import { writeModelDir } from './model-card';

/** `--schema file.json` for other tables; the public e-commerce dataset by default. */
function schemaOf(args: CliArgs): DatasetSchema {
  const path = args.options.schema;
  if (path === undefined) return ECOMMERCE_CHURN_SCHEMA;
  if (typeof path !== 'string') throw new CliUsageError('--schema needs a file path');
  try {
    return validateSchema(JSON.parse(readFileSync(path, 'utf8')) as DatasetSchema);
  } catch (error) {
    if (error instanceof ChurnError) throw error;
    throw new ChurnError('CHURN_SCHEMA', `${path}: ${(error as Error).message}`);
  }
}

export const trainChurnCommand: CliCommand = {
  name: 'train churn',
  description: 'Train the churn model (GBDT + calibration + TreeSHAP explanations) from a CSV',
  usage:
    'train churn --data <csv> --out <dir> [--seed N] [--schema <json>] [--calibration isotonic|platt] | train churn --demo [--out models/churn]',
  async run(args) {
    if (args.options.demo === true) {
      const { trainDemoChurnModel } = await import('./demo/demo-churn-trainer');
      const out = args.options.out;
      if (out !== undefined && typeof out !== 'string')
        throw new CliUsageError('--out needs a directory');
      return trainDemoChurnModel(
        out ?? 'models/churn',
        optionalNumber(args, 'seed', DEFAULT_TRAINING_OPTIONS.params.seed),
        (line) => process.stderr.write(line + '\n'),
      );
    }
    const data = requireOption(args, 'data');
    const out = requireOption(args, 'out');
    const calibration = (args.options.calibration ?? 'isotonic') as CalibrationKind;
    if (calibration !== 'isotonic' && calibration !== 'platt') {
      throw new CliUsageError('--calibration must be isotonic or platt');
    }
    const seed = optionalNumber(args, 'seed', DEFAULT_TRAINING_OPTIONS.params.seed);
    const dataset = loadChurnCsv(data, schemaOf(args));
    process.stderr.write(`training on ${dataset.rows.length} rows from ${data}\n`);
    const trained = trainChurnModel(
      dataset,
      {
        ...DEFAULT_TRAINING_OPTIONS,
        calibration,
        params: { ...DEFAULT_TRAINING_OPTIONS.params, seed },
      },
      (line) => process.stderr.write(line + '\n'),
    );
    writeModelDir(out, trained, data);
    return {
      model: out,
      rows: trained.artifact.training.rows,
      trees: trained.artifact.trees.length,
      trainingSeconds: Number(trained.artifact.training.seconds.toFixed(2)),
      validation: trained.validation,
    };
  },
};

export const evalChurnCommand: CliCommand = {
  name: 'eval churn',
  description: 'Evaluate a churn model on a labelled CSV (AUC, PR-AUC, F1, Brier, lift)',
  usage: 'eval churn --model <dir> --test <csv>',
  async run(args) {
    const model = ChurnModel.load(requireOption(args, 'model'));
    const testPath = requireOption(args, 'test');
    const test = loadChurnCsv(testPath, model.artifact.schema);
    const probabilities = test.rows.map((row) => model.probabilityOf(model.margin(row)));
    // The threshold was fixed on the training file's out-of-fold predictions, never on this one.
    return { test: testPath, ...evaluate(probabilities, test.labels, model.tiers.high) };
  },
};

export const churnCommands: CliCommand[] = [trainChurnCommand, evalChurnCommand];
