/**
 * Reads ESC/POS bytes back into what a printer would put on paper: lines of styled text, QR codes, feeds
 * and cuts. For tests and previews, so that they check the bytes a printer really gets, not our intent.
 * Covers the commands thermal ticket printers use; anything else is skipped and counted.
 */

export type ReceiptAlign = 'left' | 'center' | 'right';
export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

export interface ReceiptRun {
  text: string;
  /** Character magnification, 1–8 (GS !). */
  width: number;
  height: number;
  bold: boolean;
  underline: boolean;
  invert: boolean;
}

export type ReceiptBlock =
  | { kind: 'line'; align: ReceiptAlign; runs: ReceiptRun[] }
  | { kind: 'qr'; align: ReceiptAlign; payload: string; moduleSize: number; errorLevel: QrErrorLevel }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut'; partial: boolean };

export interface ReceiptDocument {
  blocks: ReceiptBlock[];
  /** Real-time status requests (DLE EOT n) found in the stream. */
  statusRequests: number[];
  /** Offsets of bytes the decoder did not understand. */
  unknown: number[];
}

interface Style {
  width: number;
  height: number;
  bold: boolean;
  underline: boolean;
  invert: boolean;
  align: ReceiptAlign;
}

const PLAIN: Style = { width: 1, height: 1, bold: false, underline: false, invert: false, align: 'left' };

/** Code page 437's box-drawing characters, which rules and boxes use; other high bytes show as U+FFFD. */
const CP437_HIGH: Record<number, string> = {
  0xb3: '│',
  0xba: '║',
  0xc4: '─',
  0xcd: '═',
  0xda: '┌',
  0xbf: '┐',
};

const ERROR_LEVELS: readonly QrErrorLevel[] = ['L', 'M', 'Q', 'H'];

export function decodeEscPos(input: Uint8Array): ReceiptDocument {
  const b = input;
  const doc: ReceiptDocument = { blocks: [], statusRequests: [], unknown: [] };
  let style: Style = { ...PLAIN };
  let runs: ReceiptRun[] = [];
  const qr: { payload: string; moduleSize: number; errorLevel: QrErrorLevel } = {
    payload: '',
    moduleSize: 3,
    errorLevel: 'L',
  };

  const at = (i: number) => b[i] ?? 0;
  const word = (i: number) => at(i) + at(i + 1) * 256;
  const addChar = (ch: string) => {
    const last = runs.at(-1);
    const same =
      last &&
      last.width === style.width &&
      last.height === style.height &&
      last.bold === style.bold &&
      last.underline === style.underline &&
      last.invert === style.invert;
    if (same) last.text += ch;
    else
      runs.push({
        text: ch,
        width: style.width,
        height: style.height,
        bold: style.bold,
        underline: style.underline,
        invert: style.invert,
      });
  };
  const endLine = () => {
    doc.blocks.push({ kind: 'line', align: style.align, runs });
    runs = [];
  };
  const flush = () => {
    if (runs.length > 0) endLine();
  };
  const align = (n: number): ReceiptAlign => (n % 48 === 1 ? 'center' : n % 48 === 2 ? 'right' : 'left');

  let i = 0;
  while (i < b.length) {
    const c = at(i);
    if (c === 0x0a) {
      endLine();
      i += 1;
    } else if (c === 0x0d) {
      i += 1;
    } else if (c >= 0x20 && c < 0x7f) {
      addChar(String.fromCharCode(c));
      i += 1;
    } else if (c >= 0x80) {
      addChar(CP437_HIGH[c] ?? '\ufffd');
      i += 1;
    } else if (c === 0x1b) {
      i = escape(i);
    } else if (c === 0x1d) {
      i = groupSeparator(i);
    } else if (c === 0x1c) {
      // FS: Kanji mode on/off (FS & / FS .) take no argument; the rest are not used by ticket printers.
      if (at(i + 1) !== 0x26 && at(i + 1) !== 0x2e) doc.unknown.push(i);
      i += 2;
    } else if (c === 0x10 && at(i + 1) === 0x04) {
      doc.statusRequests.push(at(i + 2));
      i += 3;
    } else {
      doc.unknown.push(i);
      i += 1;
    }
  }
  flush();
  return doc;

  function escape(start: number): number {
    const cmd = at(start + 1);
    const n = at(start + 2);
    switch (cmd) {
      case 0x40: // ESC @ initialize
        flush();
        style = { ...PLAIN };
        return start + 2;
      case 0x61: // ESC a n justification
        style.align = align(n);
        return start + 3;
      case 0x45: // ESC E n emphasized
      case 0x47: // ESC G n double-strike
        style.bold = (n & 1) === 1;
        return start + 3;
      case 0x2d: // ESC - n underline
        style.underline = n % 48 !== 0;
        return start + 3;
      case 0x21: // ESC ! n print mode
        style.bold = (n & 0x08) !== 0;
        style.height = n & 0x10 ? 2 : 1;
        style.width = n & 0x20 ? 2 : 1;
        style.underline = (n & 0x80) !== 0;
        return start + 3;
      case 0x64: // ESC d n print and feed n lines
        flush();
        doc.blocks.push({ kind: 'feed', lines: n });
        return start + 3;
      case 0x4a: // ESC J n feed n dots
        flush();
        return start + 3;
      case 0x32: // ESC 2 default line spacing
        return start + 2;
      case 0x33: // ESC 3 n line spacing
      case 0x4d: // ESC M n font
      case 0x74: // ESC t n code page
      case 0x20: // ESC SP n right-side character spacing
      case 0x7b: // ESC { n upside down
      case 0x56: // ESC V n rotation
      case 0x52: // ESC R n international character set
        return start + 3;
      default:
        doc.unknown.push(start);
        return start + 2;
    }
  }

  function groupSeparator(start: number): number {
    const cmd = at(start + 1);
    const n = at(start + 2);
    switch (cmd) {
      case 0x21: // GS ! n character size
        style.width = ((n >> 4) & 7) + 1;
        style.height = (n & 7) + 1;
        return start + 3;
      case 0x42: // GS B n reverse
        style.invert = (n & 1) === 1;
        return start + 3;
      case 0x56: {
        // GS V m [n] cut; function B (m = 65, 66) feeds n first.
        flush();
        doc.blocks.push({ kind: 'cut', partial: n === 1 || n === 49 || n === 66 });
        return start + (n === 65 || n === 66 ? 4 : 3);
      }
      case 0x28: {
        // GS ( X pL pH …: a function with a length; GS ( k is the 2D codes.
        const length = word(start + 3);
        const body = start + 5;
        if (n === 0x6b) symbol(body, length);
        return body + length;
      }
      case 0x4c: // GS L nL nH left margin
      case 0x57: // GS W nL nH print width
        return start + 4;
      case 0x48: // GS H n HRI position
      case 0x68: // GS h n barcode height
      case 0x77: // GS w n barcode width
      case 0x66: // GS f n HRI font
        return start + 3;
      case 0x76: {
        // GS v 0 m xL xH yL yH d…: a raster image, skipped whole.
        const bytesWide = word(start + 4);
        const high = word(start + 6);
        flush();
        return start + 8 + bytesWide * high;
      }
      default:
        doc.unknown.push(start);
        return start + 2;
    }
  }

  function symbol(body: number, length: number): void {
    const cn = at(body);
    const fn = at(body + 1);
    if (cn !== 0x31) return; // not QR (PDF417 is 0x30)
    if (fn === 0x43) qr.moduleSize = at(body + 2);
    else if (fn === 0x45) qr.errorLevel = ERROR_LEVELS[at(body + 2) - 48] ?? 'L';
    else if (fn === 0x50) qr.payload = new TextDecoder().decode(b.subarray(body + 3, body + length));
    else if (fn === 0x51) {
      flush();
      doc.blocks.push({ kind: 'qr', align: style.align, ...qr });
    }
  }
}

/** The paper's text, a line per line, trailing spaces trimmed: what a test reads. */
export function receiptText(doc: ReceiptDocument): string {
  return doc.blocks
    .map((block) => {
      if (block.kind === 'line')
        return block.runs
          .map((r) => r.text)
          .join('')
          .trimEnd();
      if (block.kind === 'qr') return `[QR ${block.payload}]`;
      if (block.kind === 'cut') return '[CUT]';
      return '';
    })
    .join('\n');
}
