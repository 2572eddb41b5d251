/**
 * The deletion buttons of a record's page: Delete (to the trash) for those with the delete right on it,
 * and for a contact, Erase (GDPR art. 17) for those with the privacy.erase task. Either opens the
 * graded dialog; once done, the page goes back past the record and what may have gone with it (a
 * contact's consents and activities), which are no longer there to show.
 */
import { useState } from 'react';
import type { DeleteMode } from '../../../shared/historyTypes';
import type { RecordView } from '../../../shared/recordTypes';
import { ENTITIES } from '../../../shared/registry';
import { useI18n } from '../i18n/I18nProvider';
import { titleOf } from '../records/display';
import { isRestricted } from '../records/ProcessingRestriction';
import { isListEntity, useNavigation, type Route } from '../records/navigation';
import { useRights } from '../records/rights';
import { DeleteDialog } from './DeleteDialog';
import { useHistory } from './HistoryProvider';

/** `mayDelete`: the core's answer for this record (its owner and team), which the rights alone cannot tell. */
export function RecordDeleteButtons({ record, mayDelete, disabled }: { record: RecordView; mayDelete: boolean; disabled: boolean }) {
  const { t } = useI18n();
  const { backPast } = useNavigation();
  const rights = useRights();
  const history = useHistory();
  const [mode, setMode] = useState<DeleteMode | null>(null);
  const entity = record.entity;
  // A restricted person is kept until the restriction is lifted: the core refuses an erasure too.
  const canErase = entity === 'contact' && rights.hasTask('privacy.erase') && !isRestricted(record);

  function leave() {
    // Which of its own records went along is not known here, so no page of that kind is gone back to.
    const along = new Set<string>((ENTITIES[entity].ownedChildren ?? []).map((child) => child.entity));
    const gone = (route: Route) => route.page === 'record' && ((route.entity === entity && route.id === record.id) || along.has(route.entity));
    backPast(gone, isListEntity(entity) ? { page: 'list', entity } : { page: 'home' });
  }

  return (
    <>
      {mayDelete && (
        <button type="button" className="button-quiet button-danger-quiet" disabled={disabled} onClick={() => setMode('trash')}>
          {t('records.delete')}
        </button>
      )}
      {canErase && (
        <button type="button" className="button-quiet button-danger-quiet" disabled={disabled} onClick={() => setMode('erase')}>
          {t('records.erase')}
        </button>
      )}
      {mode && (
        <DeleteDialog
          entity={entity}
          ids={[record.id]}
          mode={mode}
          title={titleOf(record, t)}
          onCancel={() => setMode(null)}
          onDone={(result) => {
            setMode(null);
            history.deleted(mode, entity, 1, result);
            leave();
          }}
        />
      )}
    </>
  );
}
