/**
 * The business side of demo data: trades and how Dutch, Flemish and Walloon companies are named,
 * job titles, what is sold, and what sales people call, meet and write about.
 */
export interface Trade {
  /** Before a house name or surname: "Bakkerij De Korenschoof", "Bakkerij Jansen". */
  prefix: string;
  /** After a surname or region: "Van den Berg Installatietechniek", "Brabant Logistiek". */
  suffix: string;
  industry: string;
}

const t = (prefix: string, suffix: string, industry: string): Trade => ({ prefix, suffix, industry });

export const TRADES_NL: readonly Trade[] = [
  t('Bakkerij', 'Brood & Banket', 'Voedingsmiddelen'),
  t('Slagerij', 'Vleeswaren', 'Voedingsmiddelen'),
  t('Brouwerij', 'Bieren', 'Dranken'),
  t('Drukkerij', 'Print & Media', 'Grafische industrie'),
  t('Garage', "Auto's", 'Automotive'),
  t('Hoveniersbedrijf', 'Tuinen', 'Groenvoorziening'),
  t('Schildersbedrijf', 'Schilderwerken', 'Bouw'),
  t('Aannemersbedrijf', 'Bouw', 'Bouw'),
  t('Transportbedrijf', 'Transport', 'Transport en logistiek'),
  t('Installatiebedrijf', 'Installatietechniek', 'Installatietechniek'),
  t('Elektrotechnisch Bureau', 'Elektrotechniek', 'Installatietechniek'),
  t('Adviesbureau', 'Advies', 'Zakelijke dienstverlening'),
  t('Accountantskantoor', 'Accountants', 'Financiële dienstverlening'),
  t('Administratiekantoor', 'Administratie', 'Financiële dienstverlening'),
  t('Architectenbureau', 'Architecten', 'Architectuur'),
  t('Fysiotherapiepraktijk', 'Fysiotherapie', 'Zorg'),
  t('Kinderdagverblijf', 'Kinderopvang', 'Kinderopvang'),
  t('Bloemisterij', 'Bloemen', 'Detailhandel'),
  t('Kaashandel', 'Kaas', 'Groothandel'),
  t('Wijnhandel', 'Wijnen', 'Groothandel'),
  t('Rijwielhandel', 'Fietsen', 'Detailhandel'),
  t('Makelaardij', 'Makelaars', 'Vastgoed'),
  t('Advocatenkantoor', 'Advocaten', 'Juridische dienstverlening'),
  t('Notariskantoor', 'Notarissen', 'Juridische dienstverlening'),
  t('Uitzendbureau', 'Personeelsdiensten', 'Uitzendwerk'),
  t('Reclamebureau', 'Communicatie', 'Marketing en communicatie'),
  t('Timmerfabriek', 'Houtbouw', 'Bouw'),
  t('Metaalbewerkingsbedrijf', 'Metaaltechniek', 'Metaalindustrie'),
  t('Loonbedrijf', 'Agri Service', 'Landbouw'),
  t('Kwekerij', 'Plantenkwekerij', 'Tuinbouw'),
  t('Hotel', 'Hotels', 'Horeca'),
  t('Restaurant', 'Horeca', 'Horeca'),
  t('Schoonmaakbedrijf', 'Schoonmaakdiensten', 'Facilitaire dienstverlening'),
  t('Beveiligingsbedrijf', 'Beveiliging', 'Facilitaire dienstverlening'),
  t('Dakdekkersbedrijf', 'Dakwerken', 'Bouw'),
  t('Loodgietersbedrijf', 'Loodgieterswerk', 'Installatietechniek'),
  t('Verhuisbedrijf', 'Verhuizingen', 'Transport en logistiek'),
  t('Autorijschool', 'Rijopleidingen', 'Onderwijs'),
  t('Opticien', 'Optiek', 'Detailhandel'),
  t('Groothandel', 'Groothandel', 'Groothandel'),
  t('Zeilmakerij', 'Zeilen', 'Watersport'),
  t('Scheepswerf', 'Scheepsbouw', 'Scheepsbouw'),
  t('Koffiebranderij', 'Koffie', 'Voedingsmiddelen'),
  t('Meubelmakerij', 'Interieurbouw', 'Meubelindustrie'),
];

/** Flemish trades on top of the shared ones. */
export const TRADES_VL: readonly Trade[] = [
  ...TRADES_NL.filter((trade) => !['Slagerij', 'Timmerfabriek', 'Rijwielhandel'].includes(trade.prefix)),
  t('Beenhouwerij', 'Vleeswaren', 'Voedingsmiddelen'),
  t('Schrijnwerkerij', 'Schrijnwerk', 'Bouw'),
  t('Fietsenhandel', 'Fietsen', 'Detailhandel'),
  t('Bouwonderneming', 'Bouwwerken', 'Bouw'),
  t('Boekhoudkantoor', 'Boekhouding', 'Financiële dienstverlening'),
  t('Frituur', 'Frituur', 'Horeca'),
  t('Chocolaterie', 'Chocolade', 'Voedingsmiddelen'),
];

export const TRADES_FR: readonly Trade[] = [
  t('Boulangerie', 'Boulangerie', 'Voedingsmiddelen'),
  t('Boucherie', 'Boucherie', 'Voedingsmiddelen'),
  t('Brasserie', 'Brasserie', 'Dranken'),
  t('Imprimerie', 'Imprimerie', 'Grafische industrie'),
  t('Garage', 'Automobiles', 'Automotive'),
  t('Menuiserie', 'Menuiserie', 'Bouw'),
  t('Transports', 'Transports', 'Transport en logistiek'),
  t('Fiduciaire', 'Fiduciaire', 'Financiële dienstverlening'),
  t("Bureau d'études", 'Ingénierie', 'Zakelijke dienstverlening'),
  t('Agence immobilière', 'Immobilier', 'Vastgoed'),
  t('Fromagerie', 'Fromages', 'Voedingsmiddelen'),
  t('Traiteur', 'Traiteur', 'Horeca'),
  t('Chauffage', 'Chauffage', 'Installatietechniek'),
  t('Électricité', 'Électricité', 'Installatietechniek'),
  t('Toitures', 'Toitures', 'Bouw'),
  t('Jardins', 'Jardins', 'Groenvoorziening'),
  t('Nettoyage', 'Nettoyage', 'Facilitaire dienstverlening'),
  t('Auto-école', 'Auto-école', 'Onderwijs'),
  t('Chocolaterie', 'Chocolats', 'Voedingsmiddelen'),
  t('Cabinet', 'Avocats', 'Juridische dienstverlening'),
];

/** House names: "Bakkerij De Korenschoof", "Brouwerij Het Anker". */
export const HOUSE_NAMES_NL: readonly string[] = [
  'De Korenschoof', 'Het Anker', 'De Gouden Leeuw', 'De Molen', "'t Hoekje", 'De Eendracht', 'De Zwaan', 'De Linde',
  'De Vlijt', 'De Ster', 'De Hoop', 'Het Gilde', 'De Kroon', 'De Zonnebloem', 'De Drie Fonteinen', 'De Halve Maan',
  'Het Klaverblad', 'De Vier Winden', 'De Roos', 'De Witte Raaf', 'De Toekomst', 'Het Vertrouwen', 'De Morgenster',
  'De Eikenhof', 'De Valk', 'De Pelikaan', 'Het Zwaantje', 'De Lindeboom', 'De Brug', 'De Poort', 'De Hoeve', 'Het Baken',
  'De Vuurtoren', 'De Graanschuur', 'Het Hooiveld', 'De Waag', 'De Kaap', 'Sint-Joris', 'Sint-Arnoldus', "'t Zonnetje",
  'De Boterbloem', 'Het Kompas', 'De Meeuw', 'De Duif', 'De Kievit', 'Het Wiel', 'De Schakel', 'De Ploeg', 'De Ooievaar',
];

export const HOUSE_NAMES_FR: readonly string[] = [
  'du Moulin', 'de la Gare', "du Lion d'Or", 'des Trois Fontaines', 'de la Meuse', 'du Centre', 'Saint-Hubert',
  "de l'Ourthe", 'des Ardennes', 'du Pont', 'de la Sambre', 'Sainte-Catherine', 'du Château', 'des Tilleuls',
  'de la Source', 'du Marché', 'des Fagnes', 'du Condroz', 'de la Vallée', "de l'Abbaye",
];

/** Regions for names like "Brabant Logistiek" and "Kempen Print". */
export const REGIONS_NL: readonly string[] = [
  'Brabant', 'Veluwe', 'Twente', 'Limburg', 'Zeeland', 'Flevo', 'Maas', 'Rijn', 'Delta', 'Polder', 'Noord', 'Zuid', 'West',
  'Oost', 'Waddenzee', 'Achterhoek', 'Betuwe', 'Gooi', 'Drenthe', 'Kennemer', 'Holland', 'Randstad',
];
export const REGIONS_VL: readonly string[] = [
  'Kempen', 'Waasland', 'Schelde', 'Leie', 'Vlaanderen', 'Haspengouw', 'Pajottenland', 'Meetjesland', 'Westhoek', 'Rupel',
  'Dender', 'Demer', 'Noord', 'Zuid', 'Delta', 'Benelux',
];

export const COINED_HEADS: readonly string[] = [
  'Blue', 'Green', 'Smart', 'Data', 'Nova', 'Orion', 'Vector', 'Pixel', 'Cloud', 'Bright', 'Solid', 'Clear', 'Swift', 'Prime',
  'Nord', 'Terra', 'Aqua', 'Sun', 'Zen', 'Fox',
];
export const COINED_TAILS: readonly string[] = ['point', 'line', 'ware', 'works', 'wise', 'vision', 'lab', 'net', 'flow', 'field', 'gate', 'way'];
export const COINED_KINDS: readonly (readonly [string, string])[] = [
  ['Solutions', 'ICT'],
  ['Consultancy', 'Zakelijke dienstverlening'],
  ['Media', 'Marketing en communicatie'],
  ['Group', 'Zakelijke dienstverlening'],
  ['IT', 'ICT'],
  ['Digital', 'ICT'],
  ['Logistics', 'Transport en logistiek'],
  ['Engineering', 'Industrie'],
  ['Energy', 'Energie'],
  ['Systems', 'ICT'],
  ['Software', 'ICT'],
  ['Partners', 'Zakelijke dienstverlening'],
];

export const LEGAL_NL: readonly (readonly [string, number])[] = [
  ['BV', 8],
  ['B.V.', 2],
  ['', 5],
  ['VOF', 2],
  ['Holding BV', 1],
  ['& Zn.', 0.5],
];
export const LEGAL_VL: readonly (readonly [string, number])[] = [
  ['NV', 3],
  ['BV', 4],
  ['BVBA', 2],
  ['CommV', 0.5],
  ['CV', 0.5],
  ['', 3],
];
export const LEGAL_FR: readonly (readonly [string, number])[] = [
  ['SRL', 4],
  ['SA', 3],
  ['SPRL', 2],
  ['SCRL', 0.5],
  ['', 2],
];

/** Words dropped from a company name before it becomes a domain. */
export const LEGAL_WORDS: ReadonlySet<string> = new Set(['bv', 'b.v.', 'nv', 'vof', 'bvba', 'commv', 'cv', 'srl', 'sa', 'sprl', 'scrl', 'holding', '&', 'zn.']);

export const JOB_TITLES_NL: readonly (readonly [string, number])[] = [
  ['Directeur', 4],
  ['Eigenaar', 4],
  ['Algemeen directeur', 2],
  ['Office manager', 3],
  ['Inkoper', 3],
  ['Hoofd inkoop', 2],
  ['Financieel controller', 2],
  ['Accountmanager', 3],
  ['Bedrijfsleider', 2],
  ['HR-adviseur', 2],
  ['Marketingmanager', 2],
  ['Projectleider', 3],
  ['Werkvoorbereider', 2],
  ['Administrateur', 2],
  ['Boekhouder', 2],
  ['Verkoopleider', 2],
  ['Operationeel manager', 2],
  ['Facilitair manager', 1],
  ['IT-manager', 1],
  ['Planner', 2],
  ['Receptionist', 1],
  ['Managementassistent', 2],
  ['CEO', 1],
  ['CFO', 1],
  ['Productiemanager', 1],
  ['Vestigingsmanager', 1],
];

export const JOB_TITLES_VL: readonly (readonly [string, number])[] = [
  ['Zaakvoerder', 5],
  ['Gedelegeerd bestuurder', 2],
  ...JOB_TITLES_NL.filter(([title]) => title !== 'Eigenaar'),
];

/** Titles that fit a man and a woman alike: the name lists do not say which a person is. */
export const JOB_TITLES_FR: readonly (readonly [string, number])[] = [
  ['CEO', 3],
  ['Responsable des ventes', 3],
  ['Responsable achats', 3],
  ['Comptable', 2],
  ['Secrétaire de direction', 2],
  ['Chef de projet', 2],
  ['Responsable RH', 1],
  ['Office manager', 2],
  ['CFO', 1],
  ['Responsable logistique', 1],
  ["Responsable d'exploitation", 1],
];

export const CONTACT_NOTES: readonly string[] = [
  'Voorkeur voor contact per e-mail.',
  'Liever bellen na 10 uur.',
  'Beslist samen met de directeur.',
  'Spreekt liever Engels.',
  'Op vrijdag niet aanwezig.',
  'Nieuwe contactpersoon sinds de reorganisatie.',
  'Was eerder klant bij een concurrent.',
  'Wil facturen alleen digitaal ontvangen.',
  'Kwam binnen via de beurs in Utrecht.',
  'Doorverwezen door een bestaande klant.',
];

export const ORGANISATION_NOTES: readonly string[] = [
  'Raamovereenkomst loopt tot het einde van het jaar.',
  'Betaalt doorgaans binnen 14 dagen.',
  'Inkoop loopt via het hoofdkantoor.',
  'Meerdere vestigingen; facturen naar de administratie.',
  'Interesse in uitbreiding naar een tweede locatie.',
  'Let op: levering alleen op werkdagen vóór 15:00.',
  'Jaarlijks evaluatiegesprek in september.',
  'Korting afgesproken bij afname van meer dan 100 stuks.',
];

export const DEAL_PRODUCTS: readonly string[] = [
  'Onderhoudscontract', 'Jaarcontract schoonmaak', 'Nieuwe website', 'Webshopkoppeling', 'Licenties boekhoudsoftware',
  'Vervanging cv-ketels', 'Zonnepanelen bedrijfspand', 'Wagenparkbeheer', 'Kantoorinrichting', 'Training veilig werken',
  'Adviestraject duurzaamheid', 'Uitbreiding magazijn', 'Drukwerk voorjaarscampagne', 'Cateringcontract',
  "Beveiligingscamera's", 'Netwerkbeheer', 'Verhuizing kantoor', 'Module personeelsplanning', 'Koffieautomaten',
  'Jaarrekening en aangifte', 'Salarisadministratie', 'Energieaudit', 'Laadpalen parkeerterrein', 'Dakrenovatie',
  'Glasvezelaansluiting', 'Heftrucks lease', 'Bedrijfskleding', 'Klimaatinstallatie', 'Brandmeldinstallatie',
  'Telefonie in de cloud', 'Back-up en herstel', 'Leiderschapstraining', 'Beursstand', 'Verpakkingsmateriaal',
];
export const DEAL_SUFFIXES: readonly string[] = ['', '', '', ' 2026', ' 2027', ' fase 2', ' uitbreiding', ' (pilot)', ' verlenging', ' hoofdkantoor'];

export const ACTIVITY_SUBJECTS: Readonly<Record<'call' | 'meeting' | 'task' | 'note', readonly string[]>> = {
  call: [
    'Offerte nabellen', 'Terugbellen over levering', 'Kennismakingsgesprek', 'Bellen over openstaande factuur',
    'Afspraak inplannen', 'Vraag over contractverlenging', 'Status bestelling doorgeven', 'Reactie op voorstel vragen',
    'Klacht bespreken', 'Nabellen na de demo',
  ],
  meeting: [
    'Kennismaking op locatie', 'Demo nieuwe versie', 'Kwartaaloverleg', 'Presentatie voorstel', 'Evaluatiegesprek',
    'Jaargesprek', 'Rondleiding magazijn', 'Lunch met de directie', 'Werksessie planning', 'Opleveringsgesprek',
  ],
  task: [
    'Offerte opstellen', 'Contract versturen', 'Prijslijst bijwerken', 'Referenties sturen', 'Factuur controleren',
    'Verslag uitwerken', 'Voorstel aanpassen', 'Bedankmail sturen', 'Orderbevestiging sturen', 'Korting voorleggen aan directie',
  ],
  note: [
    'Notitie gesprek', 'Wensen van de klant', 'Afspraken vastgelegd', 'Informatie over concurrent', 'Budget bekend',
    'Beslissers in kaart gebracht', 'Klacht over levering', 'Tevreden over de service',
  ],
};

export const ACTIVITY_BODIES: readonly string[] = [
  'Klant wil graag voor het einde van het kwartaal beslissen.',
  'Budget is rond, wacht op akkoord van de directie.',
  'Levering in week 12 besproken; planning volgt per e-mail.',
  'Vraagt om een aangepaste offerte met korting bij een meerjarencontract.',
  'Stuurt na de vakantie een reactie.',
  'Tevreden over de service, wil uitbreiden naar een tweede vestiging.',
  'Concurrent was goedkoper; wij scoren op service en levertijd.',
  'Contactpersoon gaat met pensioen; opvolger is nog niet bekend.',
  'Wil eerst een proefperiode van drie maanden.',
  'Factuur was kwijt; opnieuw gestuurd naar de administratie.',
  'Demo ging goed, vooral de rapportages vielen in de smaak.',
  'Beslissing uitgesteld tot na de begroting van volgend jaar.',
  'Vraag over de verwerkersovereenkomst doorgestuurd naar juridische zaken.',
  'Afgesproken om over twee weken opnieuw contact op te nemen.',
];

export const CONSENT_PURPOSES: readonly string[] = [
  'Nieuwsbrief per e-mail',
  'Uitnodigingen voor evenementen',
  'Productupdates per e-mail',
  'Klanttevredenheidsonderzoek',
  'Vermelding als referentieklant',
];
export const CONSENT_SOURCES: readonly string[] = [
  'Aanmeldformulier website',
  'Beurs (stand)',
  'Telefonisch gevraagd',
  'Inschrijfformulier evenement',
  'Antwoord op e-mail',
];
