import { ValueTransformer } from 'typeorm';

/** Postgres `numeric` arrives as a string (exactness); money amounts here fit a JS number. */
export const decimalTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
