/** A mono 16-bit PCM WAV file of `samples` (floats in -1..1): what the audio check writes to disk. */
export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  samples.forEach((s, i) => {
    const clamped = Math.max(-1, Math.min(1, s));
    view.setInt16(44 + i * 2, clamped < 0 ? clamped * 0x8000 : clamped * 0x7fff, true);
  });
  return bytes;
}

export interface WavInfo {
  sampleRate: number;
  seconds: number;
  /** Root mean square of the samples, 0..1. */
  rms: number;
  peak: number;
}

/** Reads back a file made by encodeWav (mono 16-bit PCM, data chunk at 36). */
export function readWav(bytes: Uint8Array): WavInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE' || tag(36) !== 'data')
    throw new Error('not a WAV made by encodeWav');
  if (view.getUint16(22, true) !== 1 || view.getUint16(34, true) !== 16) throw new Error('not mono 16-bit');
  const sampleRate = view.getUint32(24, true);
  const count = Math.min(view.getUint32(40, true), bytes.byteLength - 44) / 2;
  let sum = 0;
  let peak = 0;
  for (let i = 0; i < count; i++) {
    const s = view.getInt16(44 + i * 2, true) / 0x8000;
    sum += s * s;
    peak = Math.max(peak, Math.abs(s));
  }
  return { sampleRate, seconds: count / sampleRate, rms: count === 0 ? 0 : Math.sqrt(sum / count), peak };
}
