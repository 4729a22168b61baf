import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INTENT_MODEL_FILES, IntentLabelsFile } from '../nlu/intent-model-files';

/**
 * Identifies the intent model that produced the sentence vectors: a saved index built with
 * another model (other weights or featuriser) is stale and gets rebuilt.
 */
export async function intentModelFingerprint(
  dir: string,
): Promise<{ version: string; dimension: number }> {
  const hash = createHash('sha256');
  for (const file of [
    INTENT_MODEL_FILES.onnx,
    INTENT_MODEL_FILES.featurizer,
    INTENT_MODEL_FILES.labels,
  ]) {
    hash.update(await readFile(join(dir, file)));
  }
  const labels = JSON.parse(
    await readFile(join(dir, INTENT_MODEL_FILES.labels), 'utf8'),
  ) as IntentLabelsFile;
  return { version: hash.digest('hex').slice(0, 16), dimension: labels.vectorDimension };
}
