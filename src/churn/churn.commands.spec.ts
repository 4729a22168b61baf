import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evalChurnCommand, trainChurnCommand } from './churn.commands';
import { CUSTOMER_PROFILE_SCHEMA } from './customer-profile.schema';
import { syntheticCustomerCsv } from './testing/synthetic-customers';

describe('train churn / eval churn', () => {
  const dir = mkdtempSync(join(tmpdir(), 'churn-cli-'));
  const schema = join(dir, 'schema.json');
  const train = join(dir, 'train.csv');
  const test = join(dir, 'test.csv');
  writeFileSync(schema, JSON.stringify(CUSTOMER_PROFILE_SCHEMA));
  writeFileSync(train, syntheticCustomerCsv(1200, 11));
  writeFileSync(test, syntheticCustomerCsv(500, 12));
  const out = join(dir, 'model');

  it('trains a model directory and evaluates it on a separate file', async () => {
    const summary = (await trainChurnCommand.run({
      positional: [],
      options: { data: train, out, schema, seed: '3' },
    })) as { trees: number };
    expect(summary.trees).toBeGreaterThan(0);
    for (const file of ['model.json', 'metrics.json', 'MODEL_CARD.md']) {
      expect(existsSync(join(out, file))).toBe(true);
    }
    expect(readFileSync(join(out, 'MODEL_CARD.md'), 'utf8')).toContain('complaintsLast30Days');
    const result = (await evalChurnCommand.run({
      positional: [],
      options: { model: out, test },
    })) as Record<string, number>;
    expect(result.auc).toBeGreaterThan(0.9);
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['auc', 'prAuc', 'f1', 'threshold', 'brier', 'liftTopDecile']),
    );
  });

  it('points at the file and line of a broken test CSV', async () => {
    const broken = join(dir, 'broken.csv');
    const lines = syntheticCustomerCsv(5, 13).trimEnd().split('\n');
    lines[3] = lines[3].replace(/^(c\d+),(\d),\d+,/, '$1,$2,soon,');
    writeFileSync(broken, lines.join('\n'));
    await expect(
      evalChurnCommand.run({ positional: [], options: { model: out, test: broken } }),
    ).rejects.toThrow(`${broken}:4: "daysSinceLastOrder" is not a number: "soon"`);
  });

  it('asks for the missing option', async () => {
    await expect(trainChurnCommand.run({ positional: [], options: { out } })).rejects.toThrow(
      'missing required option --data',
    );
  });
});
