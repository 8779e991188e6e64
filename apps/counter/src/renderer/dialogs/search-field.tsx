import type { KeyboardEvent } from 'react';
import '../shared/text-field.css';

/** The search box of the counter's pickers: focused at once, its label also its placeholder. */
export function SearchField(props: {
  label: string;
  value: string;
  onChange: (query: string) => void;
  onKeyDown?: (e: KeyboardEvent) => void;
}) {
  return (
    <input
      className="search-input"
      type="search"
      autoFocus
      aria-label={props.label}
      placeholder={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      onKeyDown={props.onKeyDown}
    />
  );
}
