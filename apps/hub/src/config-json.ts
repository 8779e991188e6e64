/** The line width of the repository's prettier setup, which hand-edited hall configs are formatted with. */
const WIDTH = 110;

/**
 * A hall config as JSON laid out the way prettier lays out the repository's JSON files: objects one key per
 * line, arrays on one line when they fit, and arrays of several arrays or objects one element per line. A
 * config that a command rewrites (`npm run pin`) then differs from the file an operator edited only where the
 * command changed it.
 */
export function formatConfigJson(value: unknown): string {
  return `${format(value, '', 0)}\n`;
}

/** `value` at `indent`, its first line starting `column` characters in, `tail` characters following it. */
function format(value: unknown, indent: string, column: number, tail = 0): string {
  if (Array.isArray(value)) return formatArray(value, indent, column, tail);
  if (typeof value === 'object' && value !== null) return formatObject(Object.entries(value), indent);
  return JSON.stringify(value) ?? 'null';
}

function formatObject(entries: Array<[string, unknown]>, indent: string): string {
  if (entries.length === 0) return '{}';
  const inner = `${indent}  `;
  const lines = entries.map(([key, v], i) => {
    const prefix = `${inner}${JSON.stringify(key)}: `;
    const comma = i < entries.length - 1 ? 1 : 0;
    return prefix + format(v, inner, prefix.length, comma);
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

function formatArray(items: unknown[], indent: string, column: number, tail: number): string {
  if (items.length === 0) return '[]';
  const flat = flatArray(items);
  if (flat !== undefined && !mustBreak(items) && column + flat.length + tail <= WIDTH) return flat;
  const inner = `${indent}  `;
  const lines = items.map((v, i) => inner + format(v, inner, inner.length, i < items.length - 1 ? 1 : 0));
  return `[\n${lines.join(',\n')}\n${indent}]`;
}

/** The array on one line, or undefined when it holds an object, which is never written on one line. */
function flatArray(items: unknown[]): string | undefined {
  const parts: string[] = [];
  for (const v of items) {
    if (Array.isArray(v)) {
      const inner = flatArray(v);
      if (inner === undefined) return undefined;
      parts.push(inner);
    } else if (typeof v === 'object' && v !== null) {
      if (Object.keys(v).length > 0) return undefined;
      parts.push('{}');
    } else {
      parts.push(JSON.stringify(v) ?? 'null');
    }
  }
  return `[${parts.join(', ')}]`;
}

/** Prettier breaks an array of two or more arrays or objects that each have more than one element. */
function mustBreak(items: unknown[]): boolean {
  return (
    items.length > 1 &&
    items.every((v) =>
      Array.isArray(v) ? v.length > 1 : typeof v === 'object' && v !== null && Object.keys(v).length > 1,
    )
  );
}
