/**
 * Export of a whole list as CSV: shown only with the task `data.export` and an export scope on the
 * kind of record, and sent with step-up (the core asks for a fresh code). The file is written in
 * the app's language: its headers and labels, and the separators a spreadsheet expects with it.
 */
import { useState } from 'react';
import type { SecuredEntity } from '../../../shared/access';
import { Notice } from '../components/Notice';
import { saveTextFile } from '../saveFile';
import { isStepUpCancelled, useStepUp } from '../stepUp';
import { useRights, type Rights } from '../records/rights';
import { useAccessText, type AccessMessage } from './strings';

export function canExport(rights: Rights, entity: SecuredEntity): boolean {
  return rights.hasTask('data.export') && rights.can(entity, 'export');
}

export function ExportButton({ entity }: { entity: SecuredEntity }) {
  const { a, language } = useAccessText();
  const rights = useRights();
  const { callWithStepUp } = useStepUp();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: AccessMessage } | null>(null);
  if (!canExport(rights, entity)) return null;

  async function run() {
    setBusy(true);
    setMessage(null);
    const result = await callWithStepUp('records.export', { entity, language });
    setBusy(false);
    if (result.ok) {
      saveTextFile(result.value.fileName, result.value.csv, 'text/csv');
      const { count, fileName } = result.value;
      setMessage({ tone: 'info', text: count === 1 ? { key: 'export.doneOne', params: { fileName } } : { key: 'export.done', params: { count, fileName } } });
    } else if (!isStepUpCancelled(result.error)) setMessage({ tone: 'error', text: { key: 'export.failed', params: { message: result.error } } });
  }

  return (
    <>
      <button type="button" className="button-quiet" onClick={run} disabled={busy}>
        {busy ? a('export.working') : a('export.button')}
      </button>
      {message && <Notice tone={message.tone}>{a(message.text.key, message.text.params)}</Notice>}
    </>
  );
}
