/** Dutch for shared/coreMessages/session.ts. */
import type { SESSION_MESSAGES } from '../../../../shared/coreMessages/session';

export const SESSION_MESSAGES_NL: Record<keyof typeof SESSION_MESSAGES, string> = {
  'session.accountDisabled': 'Je account is uitgeschakeld, dus je bent afgemeld. Vraag een beheerder als je het weer nodig hebt.',
  'session.locked': 'Kluis is vergrendeld. Ontgrendel Kluis om verder te gaan.',
  'session.tooManySignIns': 'Te veel mislukte aanmeldingen. Probeer het over {seconds} seconden opnieuw.',
  'session.tooManySignInsOne': 'Te veel mislukte aanmeldingen. Probeer het over 1 seconde opnieuw.',
  'session.notSetUp': 'Kluis is in deze map nog niet ingesteld.',
  'session.enrolFirst': 'Begin eerst met het instellen van de authenticator-app.',
  'session.enrolCodeWrong': 'Die code klopt niet. Controleer of de tijd op je telefoon goed staat en probeer de nieuwste code.',
  'session.codeWrong': 'Die code klopt niet.',
  'session.recoveryCodeNotFresh': 'Een herstelcode telt niet als verse code: vul de 6 cijfers in die je authenticator-app nu toont. Je herstelcode is niet gebruikt.',
  'session.currentPasswordWrong': 'Het huidige wachtwoord klopt niet.',
  'session.keySlotGone': 'Je sleutelslot bestaat niet meer; vraag een beheerder om je wachtwoord opnieuw in te stellen.',
  'session.invalidRequest': 'Het verzoek is niet geldig.',
  'session.previewReadOnly': 'Dit is een alleen-lezen voorbeeld van wat een andere gebruiker ziet. Stop het voorbeeld om iets te wijzigen.',
  'session.mayNotRead': 'Je mag geen records van het type {entity} bekijken.',
  'session.mayNotCreate': 'Je mag geen records van het type {entity} aanmaken.',
  'session.mayNotUpdate': 'Je mag geen records van het type {entity} wijzigen.',
  'session.mayNotDelete': 'Je mag geen records van het type {entity} verwijderen.',
  'session.mayNotExport': 'Je mag geen records van het type {entity} exporteren.',
  'session.mayNotRestore': 'Je mag geen records van het type {entity} terugzetten.',
  'session.stepUpRequired': 'Vul een code uit je authenticator-app in om te bevestigen dat jij het bent.',
  'session.untrustedCaller': 'Deze aanroeper mag Kluis niet gebruiken.',
  'session.unknownChannel': 'Onbekend kanaal.',
  'session.mayNotPurge': 'Je mag geen records definitief verwijderen.',
  'session.mayNotErase': 'Je mag geen personen wissen.',
};
