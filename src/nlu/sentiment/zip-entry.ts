import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { DatasetError } from '../../training/dataset-error';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** Names of the files in a zip archive, from its central directory. */
function centralDirectory(
  zip: Buffer,
  file: string,
): Map<string, { method: number; size: number; offset: number }> {
  // The end-of-central-directory record is in the last 64 KiB (its comment is at most 65535 bytes).
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new DatasetError(file, undefined, 'not a zip archive (no end of central directory)');
  const count = zip.readUInt16LE(eocd + 10);
  let pos = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, { method: number; size: number; offset: number }>();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(pos) !== CENTRAL_SIGNATURE) {
      throw new DatasetError(file, undefined, 'corrupt zip central directory');
    }
    const method = zip.readUInt16LE(pos + 10);
    const size = zip.readUInt32LE(pos + 20);
    const nameLength = zip.readUInt16LE(pos + 28);
    const extraLength = zip.readUInt16LE(pos + 30);
    const commentLength = zip.readUInt16LE(pos + 32);
    const offset = zip.readUInt32LE(pos + 42);
    const name = zip.toString('utf8', pos + 46, pos + 46 + nameLength);
    entries.set(name, { method, size, offset });
    pos += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Reads one file out of a zip archive in memory (stored or deflated; no zip64), so that datasets
 * shipped zipped are read at training time without unpacking them anywhere. `pick` chooses the
 * entry from the archive's file names.
 */
export function readZipEntry(file: string, pick: (name: string) => boolean): Buffer {
  let zip: Buffer;
  try {
    zip = readFileSync(file);
  } catch (error) {
    throw new DatasetError(
      file,
      undefined,
      `cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const entries = centralDirectory(zip, file);
  const name = [...entries.keys()].find(pick);
  if (name === undefined)
    throw new DatasetError(file, undefined, 'the archive has no matching entry');
  const entry = entries.get(name)!;
  if (zip.readUInt32LE(entry.offset) !== LOCAL_SIGNATURE) {
    throw new DatasetError(file, undefined, `corrupt local header for ${name}`);
  }
  const dataStart =
    entry.offset + 30 + zip.readUInt16LE(entry.offset + 26) + zip.readUInt16LE(entry.offset + 28);
  const data = zip.subarray(dataStart, dataStart + entry.size);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method === 8) return inflateRawSync(data);
  throw new DatasetError(
    file,
    undefined,
    `unsupported compression method ${entry.method} for ${name}`,
  );
}
