import type { ConnectionStatus } from '@antre/client';
import '../shared/badges.css';
import './splash-screen.css';

/** What shows before the hall's config and state have arrived, or when the app cannot work at all. */
export function SplashScreen(props: { message: string; status?: ConnectionStatus; tone?: 'error' }) {
  return (
    <main className="splash">
      <div className={`splash-card ${props.tone ?? ''}`} role="status" aria-live="polite">
        <div className="brand-mark" aria-hidden="true">
          A
        </div>
        <p>{props.message}</p>
        {props.status ? <span className={`conn-dot ${props.status}`} aria-hidden="true" /> : null}
      </div>
    </main>
  );
}
