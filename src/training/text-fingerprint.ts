/**
 * A text with case, width, punctuation, symbols and spaces removed, so that near-identical
 * corpus rows compare equal (used to keep test rows out of training).
 */
export function fingerprint(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s]/gu, '');
}
