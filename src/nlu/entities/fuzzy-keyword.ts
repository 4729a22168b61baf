/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps)
 * between two short words, or `max + 1` once it is certain to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prevPrev[j - 2] + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

/**
 * Whether a word is a (possibly misspelt) form of one of the keywords: contains it ("theorder"),
 * or is within one edit (two for keywords of 7+ letters: "purchqse", "invoicw"). Keywords of
 * four letters or fewer must also keep their first letter, so "will" is not "bill".
 */
export function matchesKeyword(word: string, keywords: readonly string[]): boolean {
  const w = word.toLowerCase();
  if (w.length < 3) return false;
  return keywords.some((k) => {
    if (w.includes(k)) return true;
    if (k.length <= 4 && w[0] !== k[0]) return false;
    return editDistance(w, k, k.length >= 7 ? 2 : 1) <= (k.length >= 7 ? 2 : 1);
  });
}
