/**
 * The words of the Audit log page, in English and Dutch: the page itself, a label for every action
 * the core writes, and the kinds of things an entry concerns. Kept apart from the app's message files
 * (like the access pages' words); `satisfies` makes a key missing from either language a type error.
 */
import { useCallback } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { fillPlaceholders, type Language, type TranslateParams } from '../i18n/translate';

const en = {
  'audit.title': 'Audit log',
  'audit.intro':
    'Who did what, and when: sign-ins, account and access changes, refused calls, and changes to records. Entries hold ids and counts, never the personal data itself. Newest first.',
  'audit.older': 'Show older entries',
  'audit.loadingOlder': 'Loading older entries…',
  'audit.allShown': 'All {count} entries are shown.',
  'audit.allShownOne': 'The only entry is shown.',
  'audit.olderFailed': 'Older entries could not be loaded: {message}',
  'audit.loading': 'Loading the audit log…',
  'audit.loadFailed': 'The audit log could not be loaded: {message}',
  'audit.empty': 'The audit log is empty.',
  'audit.listLabel': 'Audit log entries, newest first',
  'audit.when': 'When',
  'audit.who': 'Who',
  'audit.what': 'What',
  'audit.concerns': 'Concerns',
  'audit.details': 'Details',
  'audit.install': 'Kluis',
  'audit.removedUser': 'User {id} (removed)',
  'audit.removedRole': '{id} (removed)',
  'audit.none': '—',
  'audit.yes': 'yes',
  'audit.no': 'no',
  'audit.verify': 'Check the log',
  'audit.verifying': 'Checking the log…',
  'audit.intact': 'The log is intact: {entries} entries checked.',
  'audit.intactOne': 'The log is intact: 1 entry checked.',
  'audit.broken': 'The log is broken at entry {entry}: {reason}.',
  'audit.verifyFailed': 'The log could not be checked: {message}',
  'audit.reason.missing': 'entry {entry} is missing',
  'audit.reason.notFollowing': 'entry {entry} does not follow entry {previous}',
  'audit.reason.altered': 'entry {entry} was altered',
  'audit.reason.tailCut': 'the log ends at entry {last}, but vault.json recorded {recorded} entries: the tail was cut',
  'audit.reason.headDiffers': 'entry {entry} differs from the head recorded in vault.json',

  'target.user': 'User {id}',
  'target.role': 'Role {name}',
  'target.team': 'Team {id}',
  'target.command': 'Change {id}',
  'target.field': 'Field {entity} – {field}',

  'action.install.created': 'Install set up',
  'action.install.backup': 'Backup made',
  'action.session.signIn': 'Signed in',
  'action.session.signIn.failed': 'Sign-in failed',
  'action.session.unlock': 'Unlocked',
  'action.session.unlock.failed': 'Unlock failed',
  'action.session.lock': 'Locked',
  'action.session.signOut': 'Signed out',
  'action.session.ended': 'Session ended',
  'action.session.stepUp': 'Confirmed with a code',
  'action.session.stepUp.failed': 'Confirmation with a code failed',
  'action.mfa.enrolled': 'Authenticator set up',
  'action.mfa.recoveryCode.used': 'Recovery code used',
  'action.mfa.recoveryCodes.regenerated': 'New recovery codes made',
  'action.account.password.changed': 'Password changed',
  'action.account.password.changeFailed': 'Password change refused: current password wrong',
  'action.users.created': 'User added',
  'action.users.disabled': 'User disabled',
  'action.users.enabled': 'User enabled again',
  'action.users.passwordReset': 'Password reset',
  'action.users.mfaReset': 'Second factor reset',
  'action.users.accessChanged': 'Access changed',
  'action.policy.updated': 'Policy changed',
  'action.roles.saved': 'Role saved',
  'action.teams.created': 'Team added',
  'action.access.denied': 'Call refused',
  'action.access.viewAsStarted': 'Started viewing as another user',
  'action.access.viewAsStopped': 'Stopped viewing as another user',
  'action.records.seeded': 'Demo data added',
  'action.records.created': 'Record added',
  'action.records.updated': 'Record changed',
  'action.records.deleted': 'Moved to the trash',
  'action.records.restored': 'Restored from the trash',
  'action.records.revealed': 'Masked value revealed',
  'action.records.reassigned': 'Owner changed',
  'action.fields.enabled': 'Field switched on',
  'action.fields.disabled': 'Field switched off',
  'action.fields.added': 'Field added',
  'action.import.completed': 'Import finished',
  'action.import.cancelled': 'Import cancelled',
  'action.import.failed': 'Import failed',
  'action.import.locked': 'Import stopped by a lock',
  'action.import.interrupted': 'Interrupted import taken back',
  'action.data.exported': 'Data exported',
  'action.finance.reminderSent': 'Payment reminder sent',
  'action.marketing.published': 'Campaign published',
  'action.marketing.recipientsExported': 'Campaign recipients exported',
  'action.trash.purged': 'Deleted permanently',
  'action.trash.emptied': 'Trash emptied automatically',
  'action.privacy.erased': 'Person erased',
  'action.privacy.accessReported': 'Access request answered',
  'action.privacy.consentWithdrawn': 'Withdrawal of consent recorded',
  'action.privacy.consentWithdrawalUndone': 'Withdrawal of consent taken back',
  'action.privacy.restricted': 'Processing of a person’s data restricted',
  'action.privacy.restrictionLifted': 'Restriction of processing lifted',
  'action.history.undone': 'Change undone',
  'action.history.redone': 'Change redone',
} as const;

export type AuditKey = keyof typeof en;

const nl = {
  'audit.title': 'Auditlogboek',
  'audit.intro':
    'Wie wat deed, en wanneer: aanmeldingen, wijzigingen in accounts en toegang, geweigerde verzoeken en wijzigingen in gegevens. Regels bevatten nummers en aantallen, nooit de persoonsgegevens zelf. Nieuwste eerst.',
  'audit.older': 'Oudere regels tonen',
  'audit.loadingOlder': 'Oudere regels laden…',
  'audit.allShown': 'Alle {count} regels staan hier.',
  'audit.allShownOne': 'De enige regel staat hier.',
  'audit.olderFailed': 'Oudere regels konden niet worden geladen: {message}',
  'audit.loading': 'Auditlogboek laden…',
  'audit.loadFailed': 'Het auditlogboek kon niet worden geladen: {message}',
  'audit.empty': 'Het auditlogboek is leeg.',
  'audit.listLabel': 'Regels in het auditlogboek, nieuwste eerst',
  'audit.when': 'Wanneer',
  'audit.who': 'Wie',
  'audit.what': 'Wat',
  'audit.concerns': 'Betreft',
  'audit.details': 'Details',
  'audit.install': 'Kluis',
  'audit.removedUser': 'Gebruiker {id} (verwijderd)',
  'audit.removedRole': '{id} (verwijderd)',
  'audit.none': '—',
  'audit.yes': 'ja',
  'audit.no': 'nee',
  'audit.verify': 'Controleer het logboek',
  'audit.verifying': 'Logboek controleren…',
  'audit.intact': 'Het logboek is intact: {entries} regels gecontroleerd.',
  'audit.intactOne': 'Het logboek is intact: 1 regel gecontroleerd.',
  'audit.broken': 'Het logboek klopt niet vanaf regel {entry}: {reason}.',
  'audit.verifyFailed': 'Het logboek kon niet worden gecontroleerd: {message}',
  'audit.reason.missing': 'regel {entry} ontbreekt',
  'audit.reason.notFollowing': 'regel {entry} sluit niet aan op regel {previous}',
  'audit.reason.altered': 'regel {entry} is gewijzigd',
  'audit.reason.tailCut': 'het logboek eindigt bij regel {last}, maar vault.json noteerde {recorded} regels: het einde is weggeknipt',
  'audit.reason.headDiffers': 'regel {entry} wijkt af van het laatste punt dat vault.json noteerde',

  'target.user': 'Gebruiker {id}',
  'target.role': 'Rol {name}',
  'target.team': 'Team {id}',
  'target.command': 'Wijziging {id}',
  'target.field': 'Veld {entity} – {field}',

  'action.install.created': 'Installatie ingericht',
  'action.install.backup': 'Back-up gemaakt',
  'action.session.signIn': 'Aangemeld',
  'action.session.signIn.failed': 'Aanmelden mislukt',
  'action.session.unlock': 'Ontgrendeld',
  'action.session.unlock.failed': 'Ontgrendelen mislukt',
  'action.session.lock': 'Vergrendeld',
  'action.session.signOut': 'Afgemeld',
  'action.session.ended': 'Sessie beëindigd',
  'action.session.stepUp': 'Bevestigd met een code',
  'action.session.stepUp.failed': 'Bevestigen met een code mislukt',
  'action.mfa.enrolled': 'Authenticator ingesteld',
  'action.mfa.recoveryCode.used': 'Herstelcode gebruikt',
  'action.mfa.recoveryCodes.regenerated': 'Nieuwe herstelcodes gemaakt',
  'action.account.password.changed': 'Wachtwoord gewijzigd',
  'action.account.password.changeFailed': 'Wachtwoord wijzigen geweigerd: huidig wachtwoord onjuist',
  'action.users.created': 'Gebruiker toegevoegd',
  'action.users.disabled': 'Gebruiker uitgeschakeld',
  'action.users.enabled': 'Gebruiker weer ingeschakeld',
  'action.users.passwordReset': 'Wachtwoord opnieuw ingesteld',
  'action.users.mfaReset': 'Tweede factor opnieuw ingesteld',
  'action.users.accessChanged': 'Toegang gewijzigd',
  'action.policy.updated': 'Beleid gewijzigd',
  'action.roles.saved': 'Rol opgeslagen',
  'action.teams.created': 'Team toegevoegd',
  'action.access.denied': 'Verzoek geweigerd',
  'action.access.viewAsStarted': 'Bekijken als andere gebruiker gestart',
  'action.access.viewAsStopped': 'Bekijken als andere gebruiker gestopt',
  'action.records.seeded': 'Demogegevens toegevoegd',
  'action.records.created': 'Record toegevoegd',
  'action.records.updated': 'Record gewijzigd',
  'action.records.deleted': 'Naar de prullenbak verplaatst',
  'action.records.restored': 'Uit de prullenbak teruggezet',
  'action.records.revealed': 'Afgeschermde waarde getoond',
  'action.records.reassigned': 'Eigenaar gewijzigd',
  'action.fields.enabled': 'Veld aangezet',
  'action.fields.disabled': 'Veld uitgezet',
  'action.fields.added': 'Veld toegevoegd',
  'action.import.completed': 'Import voltooid',
  'action.import.cancelled': 'Import geannuleerd',
  'action.import.failed': 'Import mislukt',
  'action.import.locked': 'Import gestopt door vergrendelen',
  'action.import.interrupted': 'Onderbroken import teruggedraaid',
  'action.data.exported': 'Gegevens geëxporteerd',
  'action.finance.reminderSent': 'Betalingsherinnering verstuurd',
  'action.marketing.published': 'Campagne gepubliceerd',
  'action.marketing.recipientsExported': 'Ontvangers van campagne geëxporteerd',
  'action.trash.purged': 'Definitief verwijderd',
  'action.trash.emptied': 'Prullenbak automatisch geleegd',
  'action.privacy.erased': 'Persoon gewist',
  'action.privacy.accessReported': 'Inzageverzoek beantwoord',
  'action.privacy.consentWithdrawn': 'Intrekking van toestemming vastgelegd',
  'action.privacy.consentWithdrawalUndone': 'Intrekking van toestemming teruggedraaid',
  'action.privacy.restricted': 'Verwerking van iemands gegevens beperkt',
  'action.privacy.restrictionLifted': 'Beperking van de verwerking opgeheven',
  'action.history.undone': 'Wijziging ongedaan gemaakt',
  'action.history.redone': 'Wijziging opnieuw uitgevoerd',
} as const satisfies Record<AuditKey, string>;

// Both ways: a key only Dutch has is as wrong as one it lacks.
const sameKeys: Record<keyof typeof nl, string> = en;
void sameKeys;

const STRINGS: Record<Language, Record<AuditKey, string>> = { en, nl };

export type AuditText = (key: AuditKey, params?: TranslateParams) => string;

export function auditText(language: Language, key: AuditKey, params?: TranslateParams): string {
  return fillPlaceholders(STRINGS[language][key], language, params);
}

/** The label of an action the core writes, or null for one this page does not know. */
export function actionKey(action: string): AuditKey | null {
  const key = `action.${action}`;
  return Object.hasOwn(en, key) ? (key as AuditKey) : null;
}

/** `u('audit.title')` in the app's current language. */
export function useAuditText(): { u: AuditText; language: Language } {
  const { language } = useI18n();
  const u = useCallback<AuditText>((key, params) => auditText(language, key, params), [language]);
  return { u, language };
}
