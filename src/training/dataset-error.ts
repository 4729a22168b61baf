/** A training or evaluation file that cannot be used; the message names the file and line. */
export class DatasetError extends Error {
  readonly code = 'DATASET_INVALID';

  constructor(
    readonly file: string,
    readonly line: number | undefined,
    detail: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${detail}`);
  }
}
