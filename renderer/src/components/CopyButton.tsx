/** A button that copies a text and says, politely and briefly, whether that worked. */
import { useEffect, useRef, useState } from 'react';
import { copyText } from '../clipboard';
import { useI18n } from '../i18n/I18nProvider';

interface CopyButtonProps {
  text: string;
  /** The visible label; "Copy" when not given. */
  label?: string;
}

export function CopyButton({ text, label }: CopyButtonProps) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  async function copy() {
    window.clearTimeout(timer.current);
    setOutcome(null);
    const copied = await copyText(text);
    setOutcome(copied ? 'copied' : 'failed');
    // The confirmation fades after a while; a failure stays until the next try.
    if (copied) timer.current = window.setTimeout(() => setOutcome(null), 4_000);
  }

  return (
    <span className="copy">
      <button type="button" className="button-quiet" onClick={() => void copy()}>
        {label ?? t('common.copy')}
      </button>
      <span role="status" className={outcome === 'failed' ? 'copy-status copy-status-failed' : 'copy-status'}>
        {outcome === 'copied' ? t('common.copied') : outcome === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </span>
  );
}
