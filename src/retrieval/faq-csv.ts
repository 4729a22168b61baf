import { RetrievalError } from './retrieval.errors';
import { findTemplateProblems } from './template-renderer';

export type TemplateLocale = 'en' | 'zh';
export const TEMPLATE_LOCALES: readonly TemplateLocale[] = ['en', 'zh'];

/** One FAQ entry ready to become an answer template (no intent: retrieval finds it by meaning). */
export interface FaqTemplateDraft {
  /** Line in the file where the row starts (the header is line 1). */
  line: number;
  intent: null;
  locale: TemplateLocale;
  title: string;
  variants: { body: string }[];
  exampleQuestions: string[];
  source: 'faq';
}

export interface FaqCsvOptions {
  /** Locale for rows without a locale column or with an empty cell. */
  defaultLocale?: TemplateLocale;
  maxRows?: number;
}

interface RawRow {
  line: number;
  fields: string[];
}

interface RowError {
  line: number;
  message: string;
}

const TITLE_LENGTH = 80;
const MAX_REPORTED = 20;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function fail(errors: RowError[]): never {
  const shown = errors.slice(0, MAX_REPORTED).map((e) => `line ${e.line}: ${e.message}`);
  const more = errors.length > MAX_REPORTED ? `; and ${errors.length - MAX_REPORTED} more` : '';
  throw new RetrievalError(
    'FAQ_CSV_INVALID',
    `FAQ CSV rejected, nothing imported. ${shown.join('; ')}${more}`,
    {
      line: errors[0].line,
      errors: errors.slice(0, MAX_REPORTED),
    },
  );
}

/**
 * RFC 4180 records: comma-separated, fields optionally in double quotes with "" for a quote,
 * quoted fields may span lines. Each record remembers the line it starts on.
 */
function parseRecords(text: string): { rows: RawRow[]; errors: RowError[] } {
  const rows: RawRow[] = [];
  const errors: RowError[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let broken: string | undefined;
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) {
            broken = 'a quoted field is never closed';
            break;
          }
          const c = text[i];
          if (c === '"' && text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else if (c === '"') {
            i++;
            break;
          } else {
            if (c === '\n') line++;
            field += c;
            i++;
          }
        }
        if (!broken && i < text.length && text[i] !== ',' && text[i] !== '\n') {
          broken = 'text after a closing quote (write "" for a quote inside a quoted field)';
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\n') {
          if (text[i] === '"')
            broken ??= 'a quote inside an unquoted field (quote the whole field)';
          field += text[i++];
        }
      }
      fields.push(field);
      if (broken) break;
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (broken) {
      errors.push({ line: start, message: broken });
      // Resynchronise at the next line so the rest of the file is still checked.
      while (i < text.length && text[i] !== '\n') i++;
    }
    if (text[i] === '\n') i++;
    if (!broken && !(fields.length === 1 && fields[0] === '')) rows.push({ line: start, fields });
    line++;
  }
  return { rows, errors };
}

function decode(input: string | Buffer): string {
  // Line endings are unified first, so CRLF files and CRLF inside quoted fields behave like LF.
  const unify = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (typeof input === 'string') return unify(input);
  try {
    return unify(utf8.decode(input));
  } catch {
    throw new RetrievalError(
      'FAQ_CSV_INVALID',
      'FAQ CSV rejected, nothing imported: the file is not valid UTF-8',
      {},
    );
  }
}

function titleOf(question: string): string {
  return question.length <= TITLE_LENGTH ? question : `${question.slice(0, TITLE_LENGTH - 1)}…`;
}

/**
 * Parses a FAQ CSV (`question,answer[,locale]` header, UTF-8) into template drafts. All or
 * nothing: any bad row throws FAQ_CSV_INVALID naming its line, and every other bad line found.
 */
export function parseFaqCsv(
  input: string | Buffer,
  options: FaqCsvOptions = {},
): FaqTemplateDraft[] {
  const defaultLocale = options.defaultLocale ?? 'en';
  const maxRows = options.maxRows ?? 10_000;
  const { rows, errors } = parseRecords(decode(input));
  const header = rows.shift();
  const columns = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const hasLocale = columns.length === 3 && columns[2] === 'locale';
  if (
    header?.line !== 1 ||
    columns[0] !== 'question' ||
    columns[1] !== 'answer' ||
    (columns.length === 3 && !hasLocale) ||
    columns.length > 3
  ) {
    fail([{ line: 1, message: 'the header must be question,answer or question,answer,locale' }]);
  }
  if (rows.length > maxRows)
    fail([{ line: rows[maxRows].line, message: `more than ${maxRows} rows` }]);

  const drafts: FaqTemplateDraft[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const problem = checkRow(row, columns.length);
    if (problem) {
      errors.push({ line: row.line, message: problem });
      continue;
    }
    const [question, answer] = [row.fields[0].trim(), row.fields[1].trim()];
    const locale = (hasLocale ? row.fields[2].trim().toLowerCase() : '') || defaultLocale;
    if (!TEMPLATE_LOCALES.includes(locale as TemplateLocale)) {
      errors.push({
        line: row.line,
        message: `locale "${locale}" is not one of ${TEMPLATE_LOCALES.join(', ')}`,
      });
      continue;
    }
    const key = `${locale}\u0000${question.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line: row.line, message: `the same question is already on line ${first}` });
      continue;
    }
    seen.set(key, row.line);
    drafts.push({
      line: row.line,
      intent: null,
      locale: locale as TemplateLocale,
      title: titleOf(question),
      variants: [{ body: answer }],
      exampleQuestions: [question],
      source: 'faq',
    });
  }
  if (errors.length > 0) fail(errors.sort((a, b) => a.line - b.line));
  return drafts;
}

function checkRow(row: RawRow, columns: number): string | undefined {
  if (row.fields.length !== columns)
    return `expected ${columns} fields, found ${row.fields.length}`;
  if (row.fields[0].trim() === '') return 'the question is empty';
  if (row.fields[1].trim() === '') return 'the answer is empty';
  const problems = findTemplateProblems(row.fields[1]);
  if (problems.length > 0) {
    return `the answer has ${problems.map((p) => (p.problem === 'unknown-slot' ? `unknown slot ${p.text}` : `an unmatched brace near "${p.text}"`)).join(', ')}`;
  }
  return undefined;
}
