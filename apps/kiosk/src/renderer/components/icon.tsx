import './icon.css';

/** Stroke icons drawn for the kiosk (24×24 grid), so that nothing depends on an icon font. */
const PATHS = {
  search: 'M10.5 4a6.5 6.5 0 1 1 0 13a6.5 6.5 0 0 1 0-13z M15.5 15.5 L21 21',
  back: 'M15 5 L8 12 L15 19',
  next: 'M9 5 L16 12 L9 19',
  people:
    'M9 11a3.5 3.5 0 1 0 0-7a3.5 3.5 0 0 0 0 7z M2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6 M16 4.3a3.5 3.5 0 0 1 0 6.4 M18 14.4c2.1.7 3.5 2.8 3.5 5.6',
  clock: 'M12 3a9 9 0 1 1 0 18a9 9 0 0 1 0-18z M12 7v5l3.5 2',
  calendar: 'M4 5.5h16V20H4z M4 10h16 M8 3.5v4 M16 3.5v4 M8 14h2 M14 14h2',
  check: 'M12 3a9 9 0 1 1 0 18a9 9 0 0 1 0-18z M7.5 12.5l3 3l6-6.5',
  tick: 'M5 12.5l4.5 4.5L19 7',
  printer: 'M7 9V3h10v6 M7 17H4v-7a1 1 0 0 1 1-1h14a1 1 0 0 1 1 1v7h-3 M7 14h10v7H7z',
  alert: 'M12 3.5L22 20.5H2z M12 10v4.5 M12 17.2v.3',
  offline:
    'M3 3l18 18 M8.5 8.6A8 8 0 0 0 4.5 11 M12 7a11 11 0 0 1 7.5 4 M7.5 14.5a6.5 6.5 0 0 1 4-1.5 M14.8 13.8a6 6 0 0 1 1.7 1 M12 19h.01',
  document: 'M6 3h8l4 4v14H6z M14 3v4h4 M9 12h6 M9 16h6',
  elderly:
    'M11 6.5a2 2 0 1 0 0-4a2 2 0 0 0 0 4z M11 9v6l-2.5 6.5 M11 15l2.5 6.5 M11 10.5l-3 3 M11 10l3 1.5l1.5 1 M17 12v9.5 M15.5 12a1.5 1.5 0 0 1 3 0',
  disability: 'M12 6a2 2 0 1 0 0-4a2 2 0 0 0 0 4z M12 8v6h5l2 5 M12 10.5h5 M9 11.2a5.5 5.5 0 1 0 7.3 7.6',
  pregnant:
    'M11 6.5a2 2 0 1 0 0-4a2 2 0 0 0 0 4z M11 8.5c-1.5 2.5-1.5 5-.5 7L9.5 21 M11.5 9c3.5.8 4.8 2.6 4.5 4.3c-.3 1.6-2 2.5-5 2.2 M11.5 15.5L13 21 M10.8 10.5l-2.3 3',
  child: 'M12 9a3 3 0 1 0 0-6a3 3 0 0 0 0 6z M12 10v6 M8 12l4-1.5l4 1.5 M12 16l-3 5 M12 16l3 5',
  disaster: 'M3 11l9-7.5L21 11 M5.5 9v11.5h13V9 M12.5 11l-2 3.5h3l-2 4',
  backspace: 'M9 5h11v14H9l-6-7z M12.5 9.5l5 5 M17.5 9.5l-5 5',
  close: 'M6 6l12 12 M18 6L6 18',
  keyboard: 'M3 6h18v12H3z M6.5 9.5h.01 M10 9.5h.01 M13.5 9.5h.01 M17 9.5h.01 M7.5 14.5h9',
  ticket: 'M4 6h16v4a2 2 0 0 0 0 4v4H4v-4a2 2 0 0 0 0-4z M14 6v12',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon(props: { name: IconName; size?: number; className?: string; strokeWidth?: number }) {
  const size = props.size ?? 28;
  return (
    <svg
      className={`icon ${props.className ?? ''}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={props.strokeWidth ?? 2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[props.name]} />
    </svg>
  );
}
