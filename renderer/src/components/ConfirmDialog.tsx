/**
 * Asks before a step that cannot simply be taken back. The confirm button names the action, and
 * focus starts on Cancel, so a hasty Enter does nothing harmful (DESIGN §7).
 */
import { useId, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { Modal } from './Modal';

interface ConfirmDialogProps {
  title: string;
  text: string;
  confirmLabel: string;
  /** What Cancel says when "Cancel" would be unclear (Keep editing); Cancel by default. */
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, text, confirmLabel, cancelLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useI18n();
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-text`} onCancel={onCancel} initialFocus={cancelRef}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-text`}>{text}</p>
      <div className="button-row">
        <button type="button" className="button-danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button ref={cancelRef} type="button" className="button-quiet" onClick={onCancel}>
          {cancelLabel ?? t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
