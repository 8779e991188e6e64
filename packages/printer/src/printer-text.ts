/**
 * Text as every ESC/POS printer prints it: plain ASCII in code page 437. Cheap kiosk printers differ in
 * which other code pages they have, so typographic marks become their ASCII look-alikes and accents drop.
 */
export function toPrinterText(text: string): string {
  return (
    text
      // "Loket 2–3 · Lantai 1" → "Loket 2-3, Lantai 1": the middle dot is not in every code page.
      .replace(/\s*\u00b7\s*/g, ', ')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f]/g, '"')
      .replace(/\u2026/g, '...')
      .replace(/\u00d7/g, 'x')
      .replace(/\u00b1/g, '+/-')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/\s+/g, ' ')
      .replace(/[^\x20-\x7e]/g, '?')
      .trim()
  );
}

/** Words wrapped to lines of at most `width` characters; a word longer than a line is cut. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length <= width) {
      line += ` ${word}`;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = word;
    while (rest.length > width) {
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    line = rest;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** `left` and `right` on one line of `width`, or undefined when they do not fit with a space between. */
export function spreadLine(left: string, right: string, width: number): string | undefined {
  const gap = width - left.length - right.length;
  return gap >= 1 ? left + ' '.repeat(gap) + right : undefined;
}
