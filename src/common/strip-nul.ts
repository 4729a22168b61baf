import { Transform } from 'class-transformer';

/**
 * Drops U+0000 from a string field before validation. PostgreSQL text and jsonb cannot hold it,
 * so a message carrying one (an invisible character some clients paste) would otherwise fail to
 * be stored; what remains is the message the shopper or agent meant.
 */
export const StripNul = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replaceAll('\u0000', '') : value,
  );
