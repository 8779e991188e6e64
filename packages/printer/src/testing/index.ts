/**
 * Test support, `@antre/printer/testing`: a network printer on loopback, an ESC/POS decoder that reads bytes back
 * into paper, and an SVG preview of a decoded receipt. Never product code.
 */
export * from './escpos-decoder.js';
export * from './fake-printer.js';
export * from './receipt-preview.js';
