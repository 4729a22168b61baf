import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RetrievalError } from './retrieval.errors';
import { IndexManifest } from './vector-index';

const MANIFEST_FILE = 'manifest.json';
/** Files of one save carry its generation in their names; the manifest names the current ones. */
const GENERATION_FILE = /^(hnsw|exact|ids)-[0-9a-f-]{36}\.(bin|json)$/;

/** What the running process expects of a saved index; anything else must be rebuilt. */
export interface IndexExpectation {
  modelVersion: string;
  dimension: number;
}

/** One consistent picture of an index, taken synchronously so no edit can slip in between. */
export interface IndexSnapshot {
  fields: Pick<IndexManifest, 'kind' | 'modelVersion' | 'dimension' | 'hnsw'>;
  /** Slot → id, null for a freed slot. */
  ids: (string | null)[];
  /** Writes the vectors/graph; synchronous, because an async native write would race with edits. */
  writeData(path: string): void;
}

/** Saves per directory run one after another: a later save's cleanup must not delete an earlier one's files mid-write. */
const pendingSaves = new Map<string, Promise<void>>();

/**
 * Saves one index generation: data file and id map under new names, then the manifest by atomic
 * rename (the commit point), then removes older generations. A crash at any step leaves the
 * previous manifest pointing at complete previous files. `take` runs when this save's turn
 * comes, so the snapshot is the index as it is then.
 */
export function saveIndexFiles(dir: string, take: () => IndexSnapshot): Promise<void> {
  const previous = pendingSaves.get(dir) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => writeGeneration(dir, take));
  pendingSaves.set(dir, run);
  const forget = () => {
    if (pendingSaves.get(dir) === run) pendingSaves.delete(dir);
  };
  run.then(forget, forget);
  return run;
}

async function writeGeneration(dir: string, take: () => IndexSnapshot): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const generation = randomUUID();
  const snapshot = take();
  const manifest: IndexManifest = {
    format: 1,
    ...snapshot.fields,
    count: snapshot.ids.filter((id) => id !== null).length,
    generation,
    savedAt: new Date().toISOString(),
    dataFile: `${snapshot.fields.kind}-${generation}.bin`,
    idsFile: `ids-${generation}.json`,
  };
  snapshot.writeData(join(dir, manifest.dataFile));
  const idsJson = JSON.stringify(snapshot.ids);
  await writeFile(join(dir, manifest.idsFile), idsJson);
  const tmp = join(dir, `${MANIFEST_FILE}.tmp-${process.pid}`);
  await writeFile(tmp, JSON.stringify(manifest, null, 2));
  await rename(tmp, join(dir, MANIFEST_FILE));
  const stale = (await readdir(dir)).filter(
    (f) => GENERATION_FILE.test(f) && f !== manifest.dataFile && f !== manifest.idsFile,
  );
  await Promise.all(stale.map((f) => rm(join(dir, f), { force: true })));
}

/**
 * Reads and checks a saved index's manifest and id map. Throws INDEX_NOT_FOUND (nothing saved),
 * INDEX_STALE (other model version or dimension: the caller rebuilds from the templates) or
 * INDEX_CORRUPT (unreadable or inconsistent files).
 */
export async function readIndexFiles(
  dir: string,
  expected: IndexExpectation,
): Promise<{ manifest: IndexManifest; ids: (string | null)[]; dataPath: string }> {
  const manifestText = await readFile(join(dir, MANIFEST_FILE), 'utf8').catch(
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT')
        throw new RetrievalError('INDEX_NOT_FOUND', `no saved index in ${dir}`);
      throw err;
    },
  );
  const manifest = parseJson<IndexManifest>(manifestText, MANIFEST_FILE);
  if (manifest.format !== 1 || (manifest.kind !== 'hnsw' && manifest.kind !== 'exact')) {
    throw new RetrievalError('INDEX_CORRUPT', `unknown index format in ${dir}`);
  }
  if (
    manifest.modelVersion !== expected.modelVersion ||
    manifest.dimension !== expected.dimension
  ) {
    throw new RetrievalError(
      'INDEX_STALE',
      `saved index was built by model ${manifest.modelVersion} (dimension ${manifest.dimension}); ` +
        `the running model is ${expected.modelVersion} (dimension ${expected.dimension})`,
      { saved: { modelVersion: manifest.modelVersion, dimension: manifest.dimension }, expected },
    );
  }
  const idsText = await readFile(join(dir, manifest.idsFile), 'utf8').catch(() => {
    throw new RetrievalError(
      'INDEX_CORRUPT',
      `${manifest.idsFile} named by the manifest is missing`,
    );
  });
  const ids = parseJson<(string | null)[]>(idsText, manifest.idsFile);
  if (!Array.isArray(ids) || ids.filter((id) => id !== null).length !== manifest.count) {
    throw new RetrievalError(
      'INDEX_CORRUPT',
      `${manifest.idsFile} does not match the manifest's count`,
    );
  }
  return { manifest, ids, dataPath: join(dir, manifest.dataFile) };
}

function parseJson<T>(text: string, file: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new RetrievalError('INDEX_CORRUPT', `${file} is not valid JSON`);
  }
}
