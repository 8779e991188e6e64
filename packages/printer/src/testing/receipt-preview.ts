import type { ReceiptDocument, ReceiptAlign } from './escpos-decoder.js';
import type { PaperWidth } from '../ticket-layout.js';

export interface ReceiptPreviewOptions {
  paperWidth: PaperWidth;
  /** The QR code's modules (true = dark), row by row; without it a labelled box stands in. */
  qrModules?: (payload: string) => boolean[][];
}

/** Printer dots across the paper at 203 dpi, and font A's character cell. */
const DOTS: Record<PaperWidth, number> = { 80: 576, 58: 384 };
const CELL_W = 12;
const CELL_H = 24;
/** The default line feed: 1/6 inch (ESC 2); taller characters feed their own height. */
const LINE_FEED = 34;
const MARGIN = 24;

/**
 * The paper as an SVG, one printer dot per pixel, drawn from the decoded bytes: what a test or a person
 * looks at to judge a layout without a printer.
 */
export function renderReceiptSvg(doc: ReceiptDocument, options: ReceiptPreviewOptions): string {
  const width = DOTS[options.paperWidth];
  const parts: string[] = [];
  let y = MARGIN;

  for (const block of doc.blocks) {
    if (block.kind === 'line') {
      const tallest = Math.max(1, ...block.runs.map((r) => r.height));
      const lineHeight = Math.max(LINE_FEED, CELL_H * tallest + 6);
      const columns = block.runs.reduce((n, r) => n + r.text.length * r.width, 0);
      let x = MARGIN + offset(block.align, width, columns * CELL_W);
      for (const run of block.runs) {
        const w = run.text.length * run.width * CELL_W;
        const h = CELL_H * run.height;
        const top = y + lineHeight - 6 - h;
        if (run.invert) parts.push(`<rect x="${x}" y="${top}" width="${w}" height="${h}" fill="#000"/>`);
        if (run.text.trim() !== '') {
          parts.push(
            `<text x="${x}" y="${top + h * 0.8}" font-size="${20 * run.height}" textLength="${w}" ` +
              `lengthAdjust="spacingAndGlyphs" fill="${run.invert ? '#fff' : '#000'}"` +
              `${run.bold ? ' font-weight="bold"' : ''}${run.underline ? ' text-decoration="underline"' : ''}` +
              ` xml:space="preserve">${escapeXml(run.text)}</text>`,
          );
        }
        x += w;
      }
      y += lineHeight;
    } else if (block.kind === 'qr') {
      const modules = options.qrModules?.(block.payload);
      const count = modules?.length ?? 29;
      const size = count * block.moduleSize;
      const left = MARGIN + offset(block.align, width, size);
      y += 8;
      if (modules) {
        const path: string[] = [];
        modules.forEach((row, r) =>
          row.forEach((dark, c) => {
            if (dark)
              path.push(
                `M${left + c * block.moduleSize} ${y + r * block.moduleSize}h${block.moduleSize}v${block.moduleSize}h-${block.moduleSize}z`,
              );
          }),
        );
        parts.push(`<path d="${path.join('')}" fill="#000"/>`);
      } else {
        parts.push(
          `<rect x="${left}" y="${y}" width="${size}" height="${size}" fill="none" stroke="#000" stroke-width="2"/>`,
        );
        parts.push(
          `<text x="${left + size / 2}" y="${y + size / 2}" font-size="20" text-anchor="middle">QR</text>`,
        );
      }
      y += size + 12;
    } else if (block.kind === 'feed') {
      y += block.lines * LINE_FEED;
    } else {
      y += 12;
      parts.push(
        `<line x1="0" y1="${y}" x2="${width + 2 * MARGIN}" y2="${y}" stroke="#888" stroke-width="2" stroke-dasharray="10 6"/>`,
      );
      y += 12;
    }
  }
  const height = y + MARGIN;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width + 2 * MARGIN}" height="${height}" ` +
    `viewBox="0 0 ${width + 2 * MARGIN} ${height}" font-family="DejaVu Sans Mono, Liberation Mono, monospace">` +
    `<rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`
  );
}

function offset(align: ReceiptAlign, width: number, used: number): number {
  if (align === 'center') return Math.max(0, (width - used) / 2);
  if (align === 'right') return Math.max(0, width - used);
  return 0;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
