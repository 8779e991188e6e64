import { describe, expect, it } from 'vitest';
import { pickIndonesianVoice } from './speech-synthesis-fallback.js';
import { encodeWav, readWav } from './wav-file.js';

describe('encodeWav / readWav', () => {
  it('round-trips length, rate, loudness and peak of a tone', () => {
    const rate = 16000;
    const samples = Float32Array.from(
      { length: rate / 2 },
      (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / rate),
    );
    const bytes = encodeWav(samples, rate);
    expect(bytes.byteLength).toBe(44 + samples.length * 2);
    const info = readWav(bytes);
    expect(info.sampleRate).toBe(rate);
    expect(info.seconds).toBeCloseTo(0.5, 5);
    expect(info.rms).toBeCloseTo(0.5 / Math.SQRT2, 2);
    expect(info.peak).toBeCloseTo(0.5, 2);
  });

  it('clips out-of-range samples instead of wrapping, and reads silence as silence', () => {
    const info = readWav(encodeWav(Float32Array.from([2, -2, 0]), 8000));
    expect(info.peak).toBeCloseTo(1, 3);
    expect(readWav(encodeWav(new Float32Array(800), 8000)).rms).toBe(0);
  });

  it('refuses a file that is not one of its WAVs', () => {
    expect(() => readWav(new Uint8Array(64))).toThrow(/not a WAV/);
  });
});

describe('pickIndonesianVoice', () => {
  const voice = (lang: string, name: string, localService = false) => ({ lang, name, localService });

  it('takes an Indonesian voice, a local one first, and nothing when there is none', () => {
    const google = voice('id-ID', 'Google Bahasa Indonesia');
    const local = voice('id_ID', 'eSpeak Indonesian', true);
    expect(pickIndonesianVoice([voice('en-US', 'English'), google, local])).toBe(local);
    expect(pickIndonesianVoice([voice('en-US', 'English'), google])).toBe(google);
    expect(pickIndonesianVoice([voice('in-ID', 'Old Android code')])?.name).toBe('Old Android code');
    expect(pickIndonesianVoice([voice('en-ID', 'English (Indonesia)'), voice('ind', 'x')])).toBeUndefined();
    expect(pickIndonesianVoice([])).toBeUndefined();
  });
});
