/** The training CSV format (`text,label`, RFC 4180 quoting, UTF-8) of DESIGN.md. */
export function toLabelledCsv(rows: { text: string; label: string }[]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return ['text,label', ...rows.map((r) => `${cell(r.text)},${cell(r.label)}`)].join('\n') + '\n';
}
