/** Reads a QR code in a camera frame: the text it holds, or undefined when the frame shows none. */
export type QrDecoder = (frame: HTMLVideoElement) => Promise<string | undefined>;

interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<Array<{ rawValue: string }>>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

/**
 * The browser's own `BarcodeDetector` where it reads QR codes (Chromium on Android, ChromeOS and macOS); else
 * jsQR, loaded only now — when the check-in screen opens the camera — so that it is never in the kiosk's first
 * screen. jsQR: pure JavaScript, no dependencies, about 48 KB gzipped in a chunk of its own, reads a QR in a still frame.
 */
export async function makeQrDecoder(): Promise<QrDecoder> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (Detector && (await Detector.getSupportedFormats().catch((): string[] => [])).includes('qr_code')) {
    const detector = new Detector({ formats: ['qr_code'] });
    return async (frame) => (await detector.detect(frame))[0]?.rawValue;
  }
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  return (frame) => {
    const width = frame.videoWidth;
    const height = frame.videoHeight;
    if (!ctx || width === 0 || height === 0) return Promise.resolve(undefined);
    canvas.width = width;
    canvas.height = height;
    ctx.drawImage(frame, 0, 0, width, height);
    const image = ctx.getImageData(0, 0, width, height);
    return Promise.resolve(jsQR(image.data, width, height, { inversionAttempts: 'dontInvert' })?.data);
  };
}
