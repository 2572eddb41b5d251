/** Explain: for one user and one right, allowed or denied, the value, and every reason why. */
import { useId, useState, type FormEvent } from 'react';
import { FIELD_ACCESS, SCOPES, type FieldAccess, type RightKey, type Scope } from '../../../shared/access';
import { fieldAccessLabel, scopeLabel } from './labels';
import type { Explanation } from '../../../shared/api';
import { call } from '../api';
import { BusyButton } from '../components/BusyButton';
import { Notice } from '../components/Notice';
import { RightPicker } from './RightPicker';
import { useAccessText, type AccessMessage } from './strings';

export function ExplainSection({ userId }: { userId: number }) {
  const { a, language } = useAccessText();
  const id = useId();
  const [right, setRight] = useState<RightKey>('task:data.export');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Explanation | null>(null);
  const [error, setError] = useState<AccessMessage | null>(null);

  /** A scope or a field access in words; "allowed"/"denied" already is the verdict. */
  function valueText(value: string): string {
    if ((SCOPES as readonly string[]).includes(value)) return scopeLabel(value as Scope, language);
    if ((FIELD_ACCESS as readonly string[]).includes(value)) return fieldAccessLabel(value as FieldAccess, language);
    return '';
  }

  async function explain(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await call('access.explain', { userId, right });
    setBusy(false);
    if (result.ok) setAnswer(result.value);
    else {
      setAnswer(null);
      setError({ key: 'explain.failed', params: { message: result.error } });
    }
  }

  return (
    <section className="explain" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{a('explain.title')}</h3>
      <p>{a('explain.intro')}</p>
      <form onSubmit={explain} noValidate aria-busy={busy}>
        <RightPicker
          value={right}
          onChange={(next) => {
            setRight(next);
            setAnswer(null);
          }}
        />
        <div className="button-row">
          <BusyButton type="submit" className="button-primary" busy={busy}>
            {busy ? a('explain.working') : a('explain.submit')}
          </BusyButton>
        </div>
      </form>
      {error && <Notice tone="error">{a(error.key, error.params)}</Notice>}
      <div role="status" aria-labelledby={`${id}-verdict`}>
        {answer && (
          <div className={`explanation ${answer.allowed ? 'explanation-allowed' : 'explanation-denied'}`}>
            <p id={`${id}-verdict`} className="explanation-verdict">
              <strong>{answer.allowed ? a('explain.allowed') : a('explain.denied')}</strong>
            </p>
            {valueText(answer.value) && <p>{a('explain.value', { value: valueText(answer.value) })}</p>}
            <h4>{a('explain.reasons')}</h4>
            {/* Each reason is a whole sentence that names its source ("The role …", "A personal exception …"). */}
            <ul aria-label={a('explain.reasons')}>
              {answer.reasons.map((reason, index) => (
                <li key={index} className={`reason-${reason.source}`}>
                  {reason.text[language]}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
