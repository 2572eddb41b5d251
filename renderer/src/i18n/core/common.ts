/** Dutch for shared/coreMessages/common.ts. */
import type { COMMON_MESSAGES } from '../../../../shared/coreMessages/common';

export const COMMON_MESSAGES_NL: Record<keyof typeof COMMON_MESSAGES, string> = {
  'common.signInFirst': 'Meld je eerst aan.',
  'common.notLocked': 'Kluis is niet vergrendeld.',
  'common.noSuchUser': 'Deze gebruiker bestaat niet.',
  'common.noSuchField': 'Dit veld bestaat niet.',
  'common.noSuchRecord': 'Niet gevonden: {entity}.',
  'common.noRight': 'Je hebt het recht "{right}" niet.',
  'common.busy': 'Kluis is bezig met een andere taak op deze installatie (een ander venster of het beheerprogramma). Er is niets gewijzigd: probeer het zo opnieuw.',
  'common.internal': 'Er ging iets mis in Kluis. Er is niets gewijzigd.',
  'common.unexpected': 'Er ging iets mis in Kluis.',
  'common.wrongCredentials': 'Onjuiste gebruikersnaam, wachtwoord of code',
  'common.bridgeMissing': 'De verbinding met de kern van Kluis ontbreekt.',
  'common.bridgeUnclear': 'De kern van Kluis gaf een antwoord dat dit scherm niet begrijpt.',
  'common.bridgeFailed': 'De verbinding met de kern van Kluis is mislukt.',
};
