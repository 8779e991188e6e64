import { useMemo } from 'react';
import { create } from 'qrcode';
import './qr-code.css';

/** A QR code drawn as one SVG path: crisp at any size, no canvas, no image to load. */
export function QrCode(props: { text: string; size: number; label: string }) {
  const { path, count } = useMemo(() => {
    const { modules } = create(props.text, { errorCorrectionLevel: 'M' });
    const parts: string[] = [];
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) parts.push(`M${col + 2} ${row + 2}h1v1h-1z`);
      }
    }
    return { path: parts.join(''), count: modules.size + 4 };
  }, [props.text]);
  return (
    <svg
      className="qr-code"
      width={props.size}
      height={props.size}
      viewBox={`0 0 ${count} ${count}`}
      role="img"
      aria-label={props.label}
      shapeRendering="crispEdges"
    >
      <rect width={count} height={count} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
