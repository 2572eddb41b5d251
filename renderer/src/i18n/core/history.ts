/** Dutch for shared/coreMessages/history.ts. */
import type { HISTORY_MESSAGES } from '../../../../shared/coreMessages/history';

export const HISTORY_MESSAGES_NL: Record<keyof typeof HISTORY_MESSAGES, string> = {
  'history.stillNeeded': 'Nog nodig voor {what}, die hun koppeling moeten houden (facturen worden bewaard voor de boekhouding).',
  'history.keptByLaw': '{entity} {title} wordt tot {until} bewaard voor de boekhouding (de fiscale bewaarplicht) en kan tot dan niet definitief worden verwijderd. Tot dan blijft dit record in de prullenbak, tenzij je het terugzet.',
  'history.undoKeptByLaw': 'Ongedaan maken zou {entity} {title} definitief verwijderen, maar het wordt tot {until} bewaard voor de boekhouding (de fiscale bewaarplicht). Verbeter het, of verplaats het naar de prullenbak.',
  'history.campaignSent': 'Campagne {title} blijft gepubliceerd: de lijst van ontvangers is na het publiceren opgeslagen, dus ze kan verstuurd zijn. Een nieuwe boodschap is een nieuwe campagne.',
  'history.noSuchInTrash': 'Niet gevonden in de prullenbak: {entity}.',
  'history.purgeTrashedWith': 'Dit record ({entity}) is samen met een ander record naar de prullenbak gegaan; verwijder dat record definitief.',
  'history.onlyPeopleErased': 'Alleen personen (contactpersonen) kunnen worden gewist.',
  'history.reviewFirst': 'Bekijk eerst wat dit verwijdert.',
  'history.reviewAgain': 'Wat dit verwijdert is veranderd sinds je het bekeek. Bekijk het opnieuw.',
  'history.restoreTrashedWith': 'Dit record ({entity}) komt terug samen met het record waarmee het naar de prullenbak ging.',
  'history.nothingToUndo': 'Er is niets om ongedaan te maken.',
  'history.nothingToRedo': 'Er is niets om opnieuw te doen.',
  'history.cannotUndo': '“{command}” kan niet ongedaan worden gemaakt.',
  'history.cannotRedo': '“{command}” kan niet opnieuw worden gedaan.',
  'history.noLongerTask': 'Je mag dit niet doen met {entity} {title}, dus dit kan niet worden teruggedraaid.',
  'history.noLongerCreate': 'Je mag {entity} {title} niet aanmaken, dus dit kan niet worden teruggedraaid.',
  'history.noLongerUpdate': 'Je mag {entity} {title} niet wijzigen, dus dit kan niet worden teruggedraaid.',
  'history.noLongerDelete': 'Je mag {entity} {title} niet verwijderen, dus dit kan niet worden teruggedraaid.',
  'history.noLongerRestore': 'Je mag {entity} {title} niet terugzetten, dus dit kan niet worden teruggedraaid.',
  'history.noLongerReadable': 'Je mag de {entity} die hierdoor veranderde niet meer zien, dus dit kan niet worden teruggedraaid.',
  'history.linkNotReadable': 'Dit zou {entity} {title} koppelen aan een record dat je niet mag zien, dus dit kan niet worden teruggedraaid.',
  'history.noLongerEditField': 'Je mag “{field}” van {entity} {title} niet wijzigen, dus dit kan niet worden teruggedraaid.',
  'history.linkGone': '{entity} {title} was gekoppeld aan een record dat inmiddels definitief is verwijderd, dus dit kan niet worden teruggedraaid.',
  'history.linkGoneHidden': 'Een {entity} die hierdoor veranderde was gekoppeld aan een record dat inmiddels definitief is verwijderd, dus dit kan niet worden teruggedraaid.',
  'history.undoChanged': '{entity} {title} is sindsdien gewijzigd; ongedaan maken zou dat overschrijven, dus er is niets gewijzigd.',
  'history.undoChangedBy': '{entity} {title} is sindsdien gewijzigd door {who}; ongedaan maken zou dat overschrijven, dus er is niets gewijzigd.',
  'history.undoChangedHidden': 'Een record dat meeging ({entity}) is sindsdien gewijzigd; ongedaan maken zou dat overschrijven, dus er is niets gewijzigd.',
  'history.undoChangedHiddenBy':
    'Een record dat meeging ({entity}) is sindsdien gewijzigd door {who}; ongedaan maken zou dat overschrijven, dus er is niets gewijzigd.',
  'history.undoChangedOwnHidden':
    'De {entity} die hiermee veranderde, is sindsdien gewijzigd en voor jou niet meer zichtbaar; ongedaan maken zou dat overschrijven, dus er is niets gewijzigd.',
  'history.undoChangedOwnHiddenBy':
    'De {entity} die hiermee veranderde, is sindsdien gewijzigd door {who} en voor jou niet meer zichtbaar; ongedaan maken zou dat overschrijven, dus er is niets gewijzigd.',
  'history.redoChangedOwnHidden':
    'De {entity} die hiermee veranderde, is sindsdien gewijzigd en voor jou niet meer zichtbaar; opnieuw doen zou dat overschrijven, dus er is niets gewijzigd.',
  'history.redoChangedOwnHiddenBy':
    'De {entity} die hiermee veranderde, is sindsdien gewijzigd door {who} en voor jou niet meer zichtbaar; opnieuw doen zou dat overschrijven, dus er is niets gewijzigd.',
  'history.redoChanged': '{entity} {title} is sindsdien gewijzigd; opnieuw doen zou dat overschrijven, dus er is niets gewijzigd.',
  'history.redoChangedBy': '{entity} {title} is sindsdien gewijzigd door {who}; opnieuw doen zou dat overschrijven, dus er is niets gewijzigd.',
  'history.redoChangedHidden': 'Een record dat meeging ({entity}) is sindsdien gewijzigd; opnieuw doen zou dat overschrijven, dus er is niets gewijzigd.',
  'history.redoChangedHiddenBy':
    'Een record dat meeging ({entity}) is sindsdien gewijzigd door {who}; opnieuw doen zou dat overschrijven, dus er is niets gewijzigd.',
  'history.undoReferenced': 'Andere records verwijzen nu naar wat ongedaan maken zou weghalen, dus er is niets gewijzigd.',
  'history.redoReferenced': 'Andere records verwijzen nu naar wat opnieuw doen zou weghalen, dus er is niets gewijzigd.',
  'history.undoReferencedBy': '{entity} {title} verwijst nu naar een record dat ongedaan maken zou weghalen, dus er is niets gewijzigd. Haal die koppeling eerst weg en maak het dan opnieuw ongedaan.',
  'history.redoReferencedBy': '{entity} {title} verwijst nu naar een record dat opnieuw doen zou weghalen, dus er is niets gewijzigd. Haal die koppeling eerst weg en doe het dan opnieuw.',
  'history.importRunning': 'Er loopt nog een import; wacht tot die klaar is of breek die af, en maak het daarna ongedaan.',
  'history.importRunningRedo': 'Er loopt nog een import; wacht tot die klaar is of breek die af, en doe het daarna opnieuw.',
  'history.importRunningDelete': 'Er loopt een import; verwijder definitief als die klaar is of is afgebroken.',
};
