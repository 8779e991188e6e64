/** A number field's text as the schema should see it: empty is absent, anything else a number (maybe NaN). */
export function numberOrAbsent(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/** Lines of a text area, trimmed, empty ones dropped: one requirement per line. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
