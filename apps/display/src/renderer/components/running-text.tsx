import './running-text.css';

/** The hall's running text, scrolling at a steady reading speed whatever its length. */
export function RunningText(props: { text: string }) {
  // About 9 characters a second: slow enough to read from across the hall.
  const seconds = Math.max(20, Math.round(props.text.length / 9));
  return (
    <footer className="running-text" aria-label={props.text}>
      <div className="running-track" style={{ animationDuration: `${seconds}s` }} aria-hidden="true">
        <span>{props.text}</span>
        <span>{props.text}</span>
      </div>
    </footer>
  );
}
