import { PGlite } from '@electric-sql/pglite';
import { customerDisplayName, customerDisplayNameSql } from './customer-name';

const NAMES: [string | null, string | null, string | null][] = [
  ['Ann', 'Lee', 'Ann Lee'],
  ['欣怡', '林', '林欣怡'],
  ['Ann', null, 'Ann'],
  [null, '林', '林'],
  ['Wei', '王', 'Wei 王'],
  [null, null, null],
  ['  ', '', null],
];

describe('customer display name', () => {
  it('writes Chinese names family name first without a space, others first name first', () => {
    expect(NAMES.map(([first, last]) => customerDisplayName(first, last))).toEqual(
      NAMES.map(([, , shown]) => shown),
    );
  });

  it('gives the same names in SQL', async () => {
    const db = new PGlite();
    await db.exec('CREATE TABLE customers (first_name text, last_name text, n int)');
    for (const [i, [first, last]] of NAMES.entries()) {
      await db.query('INSERT INTO customers VALUES ($1, $2, $3)', [first, last, i]);
    }
    const { rows } = await db.query<{ name: string | null }>(
      `SELECT ${customerDisplayNameSql('c')} AS name FROM customers c ORDER BY n`,
    );
    expect(rows.map((r) => r.name)).toEqual(NAMES.map(([, , shown]) => shown));
    await db.close();
  });
});
