import { useRef } from 'react';
import type { HubConnection } from '@antre/client';
import type { ConfigChangeInput, LocalizedText } from '@antre/shared';
import { refusalText } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { submitConfigChange } from '../model/config-submit.js';
import { T, fill } from '../text/admin-text.js';

const filled = (text: LocalizedText, values: Record<string, string>): LocalizedText => ({
  id: fill(text.id, values),
  en: fill(text.en, values),
});

/**
 * The whole config as a JSON file: exported as the hub has it (the hall config file's format), imported in
 * one change after a confirmation — the hub validates it with the one schema and the policy, as every change.
 */
export function ConfigFileBar(props: {
  conn: HubConnection;
  onNotice: (tone: 'ok' | 'error', text: LocalizedText) => void;
}) {
  const { t } = useLanguage();
  const input = useRef<HTMLInputElement>(null);

  const exportFile = async () => {
    const reply = await props.conn.request('config:export', {});
    if (!reply.ok) {
      props.onNotice('error', refusalText(reply.error)?.text ?? T.fixFields);
      return;
    }
    const blob = new Blob([`${JSON.stringify(reply.config, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `konfigurasi-aula-v${reply.version}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const importFile = async (file: File) => {
    let config: unknown;
    try {
      config = JSON.parse(await file.text()) as unknown;
    } catch {
      props.onNotice('error', filled(T.importNotJson, { f: file.name }));
      return;
    }
    if (!confirm(t(filled(T.importConfirm, { f: file.name })))) return;
    // The file is checked by the hub's schema, not here: its refusal names the field.
    const change = { type: 'import', config } as ConfigChangeInput;
    const outcome = await submitConfigChange(props.conn, change, props.conn.configVersion);
    if (outcome.kind === 'saved') {
      props.onNotice('ok', filled(T.imported, { f: file.name, v: String(outcome.version) }));
    } else if (outcome.kind === 'conflict') props.onNotice('error', outcome.text);
    else props.onNotice('error', Object.values(outcome.errors)[0] ?? T.fixFields);
  };

  return (
    <div className="config-file">
      <button type="button" className="admin-btn small" onClick={() => void exportFile()}>
        {t(T.exportConfig)}
      </button>
      <button type="button" className="admin-btn small" onClick={() => input.current?.click()}>
        {t(T.importConfig)}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="config-import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
    </div>
  );
}
