import { useLanguage } from '@antre/ui';
import { TEXT } from '../text/kiosk-text.js';
import { Icon } from './icon.js';
import './back-button.css';

export function BackButton(props: { onBack: () => void }) {
  const { t } = useLanguage();
  return (
    <button type="button" className="back-button" onClick={props.onBack} data-testid="back">
      <Icon name="back" size={32} strokeWidth={2.5} />
      {t(TEXT.back)}
    </button>
  );
}
