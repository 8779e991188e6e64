import { useEffect, useRef, useState } from 'react';
import { useLanguage } from '@antre/ui';
import { CHECK_IN_TEXT } from '../screens/check-in-text.js';
import { makeQrDecoder } from './qr-decoder.js';
import './camera-scanner.css';

/** How often a frame is read: four a second finds a held-up QR at once without keeping the kiosk busy. */
const SCAN_EVERY_MS = 250;

/**
 * The kiosk's camera reading the booking's QR: a small preview the citizen holds the code up to. Shown only
 * where the kiosk has a camera that may be used; without one, the keypad and a USB scanner are the ways in.
 * Each QR read is handed on once (the same code again only after another was read).
 */
export function CameraScanner(props: { paused: boolean; onRead: (text: string) => void }) {
  const { t } = useLanguage();
  const video = useRef<HTMLVideoElement>(null);
  const [live, setLive] = useState(false);
  const onRead = useRef(props.onRead);
  onRead.current = props.onRead;
  const paused = useRef(props.paused);
  paused.current = props.paused;

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let last: string | undefined;
    void (async () => {
      if (!navigator.mediaDevices?.getUserMedia) return;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' }, audio: false });
      } catch {
        return; // No camera, or not allowed: the other ways in stay.
      }
      const el = video.current;
      if (stopped || !el) return stream.getTracks().forEach((track) => track.stop());
      el.srcObject = stream;
      await el.play().catch(() => undefined);
      setLive(true);
      const decode = await makeQrDecoder();
      const tick = async () => {
        if (stopped) return;
        if (!paused.current) {
          const text = await decode(el).catch(() => undefined);
          if (text !== undefined && text !== last) {
            last = text;
            onRead.current(text);
          }
        }
        timer = setTimeout(() => void tick(), SCAN_EVERY_MS);
      };
      void tick();
    })();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <figure className={`camera-scanner${live ? '' : ' off'}`} data-testid="camera-scanner" data-live={live}>
      <video ref={video} muted playsInline aria-hidden="true" />
      <figcaption>{t(CHECK_IN_TEXT.cameraHint)}</figcaption>
    </figure>
  );
}
