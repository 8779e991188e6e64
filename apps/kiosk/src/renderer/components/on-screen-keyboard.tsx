import { useLanguage } from '@antre/ui';
import { TEXT } from '../text/kiosk-text.js';
import { Icon } from './icon.js';
import './on-screen-keyboard.css';

export type KeyboardLayout = 'search' | 'url' | 'digits' | 'booking';

const ROWS: Record<KeyboardLayout, string[][]> = {
  search: [
    ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
    ['Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P'],
    ['A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', '-'],
    ['Z', 'X', 'C', 'V', 'B', 'N', 'M'],
  ],
  url: [
    ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
    ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
    ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', ':'],
    ['z', 'x', 'c', 'v', 'b', 'n', 'm', '.', '/', '-'],
  ],
  digits: [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9'], ['0']],
  // A booking code's letters (never I, L or O: they read as 1 and 0) and a NIK's digits.
  booking: [
    ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
    ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
    ['J', 'K', 'M', 'N', 'P', 'Q', 'R', 'S'],
    ['T', 'U', 'V', 'W', 'X', 'Y', 'Z'],
  ],
};

/**
 * A keyboard on the screen, since a kiosk has none: large keys, no hover, no key repeat.
 * `onKey` gets a character, or `Backspace`.
 */
export function OnScreenKeyboard(props: {
  layout: KeyboardLayout;
  onKey: (key: string) => void;
  onClose?: () => void;
}) {
  const { t } = useLanguage();
  const rows = ROWS[props.layout];
  return (
    <div className={`osk osk-${props.layout}`} role="group" aria-label="Keyboard">
      {rows.map((row, i) => (
        <div className="osk-row" key={i}>
          {row.map((key) => (
            <button type="button" className="osk-key" key={key} onClick={() => props.onKey(key)}>
              {key}
            </button>
          ))}
          {i === rows.length - 1 ? (
            <button
              type="button"
              className="osk-key osk-wide"
              onClick={() => props.onKey('Backspace')}
              aria-label={t(TEXT.clear)}
            >
              <Icon name="backspace" size={30} />
            </button>
          ) : null}
        </div>
      ))}
      {props.layout === 'search' ? (
        <div className="osk-row">
          <button type="button" className="osk-key osk-space" onClick={() => props.onKey(' ')}>
            {t(TEXT.space)}
          </button>
          {props.onClose ? (
            <button type="button" className="osk-key osk-wide osk-close" onClick={props.onClose}>
              <Icon name="keyboard" size={28} /> {t(TEXT.closeKeyboard)}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
