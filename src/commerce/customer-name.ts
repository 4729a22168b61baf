/**
 * How a customer's name is shown to staff: "Ann Lee", but "林欣怡" for a Chinese name (family
 * name first, no space), the way its owner writes it. The SQL form does the same in queries.
 */
const HAN_ONLY = /^[\u3400-\u9fff]+$/;

export function customerDisplayName(
  firstName: string | null | undefined,
  lastName: string | null | undefined,
): string | null {
  const first = firstName?.trim() ?? '';
  const last = lastName?.trim() ?? '';
  if (HAN_ONLY.test(first + last)) return last + first;
  return [first, last].filter(Boolean).join(' ') || null;
}

/** `customerDisplayName` of the customers row aliased `alias`, as a SQL expression. */
export function customerDisplayNameSql(alias: string): string {
  const first = `trim(coalesce(${alias}.first_name, ''))`;
  const last = `trim(coalesce(${alias}.last_name, ''))`;
  return (
    `CASE WHEN ${first} || ${last} ~ '^[\u3400-\u9fff]+$' THEN ${last} || ${first} ` +
    `ELSE NULLIF(trim(concat_ws(' ', ${alias}.first_name, ${alias}.last_name)), '') END`
  );
}
