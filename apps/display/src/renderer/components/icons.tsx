// Drawn icons rather than emoji or symbol characters: a TV's fonts may lack those and show empty boxes.

export function SpeakerIcon(props: { className?: string }) {
  return (
    <svg className={props.className} viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true">
      <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
      <path
        d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}

export function ArrowIcon(props: { className?: string }) {
  return (
    <svg className={props.className} viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true">
      <path
        d="M4 12h14M13 6l6 6-6 6"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
