/**
 * Maps full-width ASCII (０-９, Ａ-Ｚ, ＄, ＠ …) and the ideographic space to their half-width
 * forms one UTF-16 unit for one, so that offsets found in the folded text are valid in the
 * original. (NFKC would also fold these but can change the string length.)
 */
export function foldWidth(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCharCode(code - 0xfee0);
      changed = true;
    } else if (code === 0x3000) {
      out += ' ';
      changed = true;
    } else {
      out += text[i];
    }
  }
  return changed ? out : text;
}
