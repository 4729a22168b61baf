import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TrainedChurnModel } from './churn-trainer';
import { ChurnMetrics } from './metrics';

/** Writes `model.json`, `metrics.json` and `MODEL_CARD.md` into `dir` (created if needed). */
export function writeModelDir(dir: string, trained: TrainedChurnModel, dataSource: string): void {
  mkdirSync(dir, { recursive: true });
  const { artifact, validation } = trained;
  writeFileSync(join(dir, 'model.json'), JSON.stringify(artifact) + '\n');
  const metrics = {
    model: 'gbdt',
    data: dataSource,
    validation: {
      method: `${artifact.training.folds}-fold out-of-fold on the training file`,
      ...validation,
    },
    training: artifact.training,
    tiers: artifact.tiers,
  };
  writeFileSync(join(dir, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
  writeFileSync(join(dir, 'MODEL_CARD.md'), modelCard(trained, dataSource));
}

function modelCard({ artifact, validation }: TrainedChurnModel, dataSource: string): string {
  const p = artifact.params;
  const leaves = artifact.trees.reduce((s, t) => s + t.left.filter((l) => l < 0).length, 0);
  const features = artifact.schema.features
    .map((f) => `| ${f.name} | ${f.type} | ${f.unit ?? ''} | ${f.description} |`)
    .join('\n');
  return `# Churn model (${artifact.schema.name})

Gradient-boosted decision trees trained by Concierge's own TypeScript code (\`src/churn\`),
created ${artifact.createdAt}.

## Intended use
Ranks customers by the probability that they stop buying, and explains each score with the
features that moved it most (exact TreeSHAP contributions on the log-odds scale, in plain words).
A decision aid for agents and managers, not an automatic action on a customer.

## Data
\`${dataSource}\`: ${artifact.training.rows} customers, ${artifact.training.positives} churned
(${((100 * artifact.training.positives) / artifact.training.rows).toFixed(1)} %).

| feature | type | unit | meaning |
|---|---|---|---|
${features}

Categorical features are one-hot encoded with the categories seen in training (unseen → none);
missing values go to the side of each split that training chose for them.

## Training
Logistic loss, histogram splits (≤ ${p.maxBins} bins), learning rate ${p.learningRate}, depth ≤ ${p.maxDepth},
≤ ${p.maxLeaves} leaves, min child weight ${p.minChildWeight}, L2 λ = ${p.lambda}, row subsample ${p.subsample},
column subsample ${p.colsampleByTree}, seed ${p.seed}. The number of trees (${artifact.trees.length}, ${leaves} leaves) was chosen
by early stopping on a stratified validation share of the training rows; ${artifact.training.folds}-fold
out-of-fold predictions fitted the ${artifact.calibration.kind} calibration and the decision threshold;
the final model was refitted on all rows. Training took ${artifact.training.seconds.toFixed(1)} s.

## Validation (out-of-fold, training file only)
${metricsTable(validation)}

Risk tiers: high ≥ ${artifact.tiers.high.toFixed(3)} (F1-best threshold), medium ≥ ${artifact.tiers.medium.toFixed(3)}.
Test-set figures come from \`npm run cli -- eval churn\` or \`npm run bench:churn\`, never from this file.

## Limitations
- Correlational: a factor that raises the score is associated with churn in this data, not a cause.
- Trained on one shop's history; scores do not transfer to another shop without retraining.
- Contributions explain the model, which can be wrong; they are not the customer's own reasons.
`;
}

export function metricsTable(m: ChurnMetrics): string {
  return `| metric | value |
|---|---|
| ROC AUC | ${m.auc.toFixed(4)} |
| PR AUC | ${m.prAuc.toFixed(4)} |
| F1 @ ${m.threshold.toFixed(3)} | ${m.f1.toFixed(4)} (precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)}) |
| Brier score | ${m.brier.toFixed(4)} |
| lift, top decile | ${m.liftTopDecile.toFixed(2)} |`;
}
