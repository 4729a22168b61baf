import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { DatasetError } from '../../training/dataset-error';
import { readZipEntry } from './zip-entry';

/** A one-entry zip archive written by hand (deflate), as a zip tool would. */
function zipOf(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(content), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(content), 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const centralOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

describe('readZipEntry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zip-entry-'));

  it('reads a deflated entry chosen by name', () => {
    const file = join(dir, 'a.zip');
    const text = 'label,review\n1,很好\n'.repeat(100);
    writeFileSync(file, zipOf('data/reviews.csv', Buffer.from(text)));
    expect(readZipEntry(file, (n) => n.endsWith('.csv')).toString('utf8')).toBe(text);
  });

  it('names the file when the archive has no such entry or is not a zip', () => {
    const file = join(dir, 'b.zip');
    writeFileSync(file, zipOf('notes.txt', Buffer.from('x')));
    expect(() => readZipEntry(file, (n) => n.endsWith('.csv'))).toThrow(DatasetError);
    const bad = join(dir, 'c.zip');
    writeFileSync(bad, 'not a zip at all, just text that is long enough to scan');
    expect(() => readZipEntry(bad, () => true)).toThrow(/c\.zip: not a zip archive/);
  });
});
