/** Dutch for shared/coreMessages/access.ts. */
import type { ACCESS_MESSAGES } from '../../../../shared/coreMessages/access';

export const ACCESS_MESSAGES_NL: Record<keyof typeof ACCESS_MESSAGES, string> = {
  'access.teamNameTaken': 'Er bestaat al een team met die naam.',
  'access.ownRole': 'Vraag een andere beheerder om je eigen rol te wijzigen, zodat niemand zichzelf buitensluit.',
  'access.roleNeedsName': 'Geef de rol een naam.',
  'access.ownOverrides': 'Je kunt je eigen recht om gebruikers te beheren niet afnemen: vraag een andere beheerder, zodat niemand zichzelf buitensluit.',
  'access.lastUserManager':
    'Er is niets gewijzigd: daarna zou geen actieve gebruiker nog gebruikers kunnen beheren, en niemand zou dat recht kunnen teruggeven. Laat eerst een andere actieve gebruiker gebruikers beheren.',
  'access.noSuchTeam': 'Team {team} bestaat niet.',
  'access.notARight': '"{right}" is geen recht.',
  'access.exceptionTwice': '"{right}" heeft meer dan één uitzondering; houd er één.',
  'access.unknownScope': 'Onbekend bereik.',
  'access.unknownFieldAccess': 'Onbekende toegang tot een veld.',
  'access.userRoleGone': 'De rol "{role}" van deze gebruiker bestaat niet meer.',
  'access.fieldHidden': 'Je mag het veld "{field}" niet zien.',
  'access.ownerNotActive': 'Kies een actieve gebruiker als nieuwe eigenaar.',
  'access.campaignPublished': 'Deze campagne is al gepubliceerd.',
  'access.campaignWithoutMessage': 'Schrijf eerst de boodschap voordat je publiceert.',
  'access.campaignWithoutConsent': 'Vul eerst "{field}" in voordat je publiceert: een campagne gaat alleen naar wie ermee instemde.',
  'access.campaignReachesNoOne': 'Niemand mag deze campagne ontvangen: er blijft niemand over met een geldige toestemming voor "{purpose}". Vergelijk de spelling met de toestemmingen die mensen gaven (op de pagina van de campagne).',

  'access.unknownRole': 'Er is geen rol "{role}".',
  'access.builtInRole': 'Ingebouwde rollen zijn niet te wijzigen. Kopieer de rol en wijzig de kopie.',
  'access.roleNameTaken': 'Er bestaat al een rol met die naam.',
  'access.noSuchRole': 'Deze rol bestaat niet.',
  'access.ownRoleEdit':
    'Vraag een andere gebruiker die rollen beheert om de rol te wijzigen die je zelf hebt, zodat niemand zijn eigen rechten verruimt of zichzelf buitensluit.',
  'access.specialNotRevealed': '{field} is een bijzonder persoonsgegeven: dat wordt niet zichtbaar gemaakt. Alleen wie het volgens de rol mag lezen, ziet het.',
  'access.roleRightNotHeld': 'Je kunt een rol de {kind} "{name}" niet geven: je hebt die zelf niet.',
  'access.roleScopeNotHeld': 'Je kunt een rol niet "{action}" op {entity} geven met bereik "{scope}": jouw bereik is "{held}".',
  'access.roleFieldNotHeld': 'Je kunt een rol niet "{access}" geven op het veld "{field}" van {entity}: jouw toegang is "{held}".',
  'access.roleDefaultNotHeld':
    'Je kunt een rol niet "{access}" geven op {sensitivity} velden: je eigen rol geeft "{held}", en een veld dat later wordt toegevoegd, zou dat volgen.',

  'access.passwordTooShort': 'Gebruik minstens {min} tekens',
  'access.passwordTooGuessable': 'Dit wachtwoord is te makkelijk te raden. {why} {hint}',
  'access.passwordTooGuessableHintOnly': 'Dit wachtwoord is te makkelijk te raden. {hint}',

  'access.keychainUnreachable':
    'De sleutelhanger van het besturingssysteem is niet bereikbaar. Deze installatie bewaart haar apparaatsleutel daar, dus je kunt haar pas ontgrendelen als de sleutelhanger antwoordt.',
  'access.keychainFailed':
    'De sleutelhanger van het besturingssysteem is niet bereikbaar ({reason}). Deze installatie bewaart haar apparaatsleutel in de sleutelhanger, dus je kunt haar pas ontgrendelen als de sleutelhanger antwoordt.',
  'access.deviceKeyMissing':
    'De apparaatsleutel van deze installatie (sleutelhanger-item "kluis" / {installId}) ontbreekt in de sleutelhanger van het besturingssysteem, dus je kunt de gegevens op dit apparaat niet ontgrendelen.',

  'access.ownAccount': 'Je kunt je eigen account niet uitschakelen of resetten: een andere beheerder kan dat voor je doen. Je eigen wachtwoord en herstelcodes wijzig je op de pagina Account in de app.',
  'access.usernameTaken': 'Die gebruikersnaam is al in gebruik.',
  'access.usernameLooksTaken': 'Die gebruikersnaam ziet er hetzelfde uit als "{username}", een bestaande gebruiker: kies er een die niemand ermee kan verwarren.',
  'access.accountDisabled': 'Dit account is uitgeschakeld.',
  'access.accountActive': 'Dit account is niet uitgeschakeld.',

  'access.dataDirNotFolder': '{dataDir} is een bestand, geen map: kies een map voor de installatie.',
  'access.folderPathTooLong': 'Het pad {folder} is te lang om er de database van Kluis te bewaren: kies een map waarvan het pad hoogstens {limit} tekens lang is. Er is niets geschreven.',
  'access.dataDirNotCreated': 'De map {dataDir} kan niet worden gemaakt: controleer het pad, en of je daar mag schrijven. Er is niets gewijzigd.',
  'access.installExists': '{dataDir} bevat al een Kluis-installatie; er is niets gewijzigd.',
  'access.keychainRequired':
    'Er antwoordde geen sleutelhanger van het besturingssysteem, en het beleid vereist er een; er is niets gewijzigd.',

  'access.noInstall': 'Geen Kluis-installatie in {dataDir} (vault.json ontbreekt).',
  'access.vaultMissingBesideDatabase':
    '{dataDir} bevat kluis.db maar geen vault.json: zo ziet het eruit zolang een installatie in een ander venster of de beheertool nog bezig is (een paar seconden), zo laat een afgebroken installatie het achter, en zo ook een vault.json die sindsdien kwijt is. Er is niets gewijzigd. Als er geen installatie bezig is: zet de map terug uit een back-up, of verwijder na een afgebroken installatie kluis.db en installeer opnieuw.',
  'access.vaultNotJson': 'vault.json is beschadigd: het is geen geldige JSON.',
  'access.vaultTooNew': 'vault.json is geschreven door een nieuwere Kluis (formaat {format}); werk Kluis bij om het te openen.',
  'access.vaultMalformed': 'vault.json is beschadigd: de inhoud past niet bij het verwachte formaat.',
  'access.vaultKeyDamaged': 'vault.json is beschadigd: de databasesleutel die voor dit account is bewaard, kan niet worden geopend. Er is niets gewijzigd: zet de gegevensmap terug uit een back-up.',

  'access.databaseKeyLength': 'De databasesleutel heeft de verkeerde lengte.',
  'access.databaseDamaged': 'Het databasebestand is beschadigd, of het hoort niet bij deze installatie. Er is niets gewijzigd: zet de gegevensmap terug uit een back-up.',
  'access.folderNotWritable': 'Kluis mag de gegevensmap of een bestand daarin niet lezen of schrijven. Er is niets beschadigd en niets gewijzigd: controleer of jij de map en de bestanden mag schrijven (en de schijf niet alleen-lezen is) en probeer het opnieuw.',
  'access.databaseMissing': 'Het databasebestand (kluis.db) ontbreekt in de gegevensmap. Er is niets gewijzigd: zet de gegevensmap terug uit een back-up.',

  'access.backupFolderNotEmpty': '{folder} is niet leeg. Geef een nieuwe of lege map voor de back-up; er is niets geschreven.',
  'access.backupFolderIsFile': '{folder} is een bestand, geen map. Geef een nieuwe of lege map voor de back-up; er is niets geschreven.',
  'access.backupFolderNotCreated': 'De map {folder} kan niet worden gemaakt: controleer of de map waarin hij komt bestaat en of je daar mag schrijven. Er is niets geschreven.',
  'access.backupInsideDataFolder': '{folder} is de gegevensmap of ligt erin, en zou ermee verloren gaan. Geef een map elders, op een andere schijf als dat kan; er is niets geschreven.',
  'access.backupDiskFull': 'De schijf van {folder} is vol: de back-up paste niet en is verwijderd. Maak daar ruimte vrij, of kies een andere schijf; de installatie zelf is niet gewijzigd.',
  'access.backupFolderNotWritable': 'Kluis mag niet schrijven in {folder}: controleer of je daar mag schrijven (en de schijf niet alleen-lezen is). Er is niets bewaard; de installatie zelf is niet gewijzigd.',
  'access.backupKeptChanging': 'De sleutels van de installatie bleven veranderen terwijl de back-up werd gemaakt (nieuwe gebruikers of wachtwoorden, in een ander venster). Er is niets bewaard: probeer het zo opnieuw.',
  'access.backupDidNotCheckOut': 'De back-up doorstond de controle niet (elke pagina gelezen, het auditlog heel), dus hij is verwijderd. De installatie zelf is niet gewijzigd: voer check erop uit.',

  'access.schemaTooNew':
    'Deze database is geschreven door een nieuwere versie van Kluis (schema {found}; deze app kent tot en met {known}). Werk Kluis bij om hem te openen.',
};
