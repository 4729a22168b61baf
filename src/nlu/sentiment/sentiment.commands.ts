import { CliArgs, CliCommand, optionalNumber } from '../../cli/cli-command';

export const DEFAULT_SENTIMENT_DIR = 'models/sentiment';
export const DEFAULT_DATASETS_DIR = '../shared/datasets';

function stringOption(args: CliArgs, name: string, fallback: string): string {
  const value = args.options[name];
  return typeof value === 'string' && value.length > 0 ? value : fallback;
}

export const trainSentimentCommand: CliCommand = {
  name: 'train sentiment',
  description:
    'train the EN+ZH sentiment model on the review datasets; writes weights, metrics.json, MODEL_CARD.md',
  usage: 'train sentiment [--out models/sentiment] [--datasets ../shared/datasets] [--seed 1]',
  async run(args) {
    // Loaded on use so that listing commands does not load the training code.
    const { DEFAULT_ZH_PER_STRATUM, trainAndExportSentiment } = await import('./sentiment-export');
    const metrics = trainAndExportSentiment({
      datasetsDir: stringOption(args, 'datasets', process.env.DATASETS_DIR ?? DEFAULT_DATASETS_DIR),
      out: stringOption(args, 'out', DEFAULT_SENTIMENT_DIR),
      seed: optionalNumber(args, 'seed', 1),
      zhPerStratum: optionalNumber(args, 'zh-per-stratum', DEFAULT_ZH_PER_STRATUM),
      log: (line) => process.stderr.write(line + '\n'),
    });
    return { out: stringOption(args, 'out', DEFAULT_SENTIMENT_DIR), ...metrics };
  },
};

export const sentimentCommands: CliCommand[] = [trainSentimentCommand];
