/** Dutch texts. Typed as `Messages`, so the compiler refuses a missing or unknown key. */
import type { Messages } from './en';

export const nl: Messages = {
  'app.name': 'Kluis',
  'app.loading': 'Kluis wordt geopend…',
  'app.loadFailed': 'Kluis kon niet openen: {message}',
  'app.retry': 'Opnieuw proberen',

  'settings.button': 'Instellingen',
  'settings.language': 'Taal',

  'keyMode.passphraseOnly':
    'Er is geen sleutelhanger van het besturingssysteem gevonden. De gegevens zijn alleen met wachtwoorden beveiligd.',

  'setup.title': 'Kluis instellen',
  'setup.intro':
    'Maak je organisatie en de eerste beheerder aan. Alles blijft versleuteld op deze computer.',
  'setup.orgName': 'Naam van de organisatie',
  'setup.username': 'Gebruikersnaam van de beheerder',
  'setup.usernameHint': '2 tot 64 letters, cijfers, punten, streepjes of liggende streepjes.',
  'setup.password': 'Wachtwoord',
  'setup.passwordHint': 'Minstens {min} tekens. Een paar losse woorden werkt goed.',
  'setup.passwordAgain': 'Wachtwoord nogmaals',
  'setup.submit': 'Kluis instellen',
  'setup.submitting': 'Bezig met instellen…',
  'setup.error.orgNameRequired': 'Vul de naam van de organisatie in.',
  'setup.error.orgNameTooLong': 'Gebruik hoogstens {max} tekens voor de naam van de organisatie.',
  'setup.error.usernameInvalid':
    'Gebruik 2 tot 64 letters, cijfers, punten, streepjes of liggende streepjes.',
  'setup.error.passwordTooShort': 'Gebruik minstens {min} tekens.',
  'setup.error.passwordTooLong': 'Gebruik hoogstens {max} tekens.',
  'setup.error.passwordsDiffer': 'De twee wachtwoorden zijn niet gelijk.',
  'setup.error.failed': 'Kluis kon niet worden ingesteld: {message}',

  'signIn.title': 'Aanmelden',
  'signIn.setupDone': 'Kluis is ingesteld. Meld je aan met het account dat je net hebt gemaakt.',
  'signIn.username': 'Gebruikersnaam',
  'signIn.password': 'Wachtwoord',
  'signIn.submit': 'Aanmelden',
  'signIn.submitting': 'Bezig met aanmelden…',
  'signIn.wrongCredentials': 'Onjuiste gebruikersnaam of wachtwoord',
  'signIn.failed': 'Aanmelden is mislukt: {message}',

  'home.signedInAs': 'Aangemeld als',
  'home.signOut': 'Afmelden',
  'home.signingOut': 'Bezig met afmelden…',
  'home.signOutFailed': 'Afmelden is mislukt: {message}',
  'home.welcome': 'Welkom, {name}.',
  'home.intro': 'Alles wat je in Kluis bewaart, staat versleuteld op deze computer.',
};
