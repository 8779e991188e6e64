import { createRoot } from 'react-dom/client';
import { HubConnection } from '@antre/client';
import { LanguageProvider, useHub } from '@antre/ui';
import '@antre/ui/theme.css';

const conn = new HubConnection({ url: '' });

function App() {
  const hub = useHub(conn);
  return (
    <main>
      <h1>{hub.config?.hall.name ?? 'Antre'}</h1>
      <p>
        {hub.status} · seq {hub.state?.seq ?? '-'}
      </p>
    </main>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <LanguageProvider>
      <App />
    </LanguageProvider>,
  );
