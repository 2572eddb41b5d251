/**
 * Cities of the Netherlands and Belgium for demo addresses: Dutch postal codes are a range of the
 * four digits ("1011 AB"), Belgian ones a list of real four-digit codes ("9000"). The area code
 * makes the landline number match the city; the language says which names and streets fit.
 */
export type Country = 'NL' | 'BE';
export type Language = 'nl' | 'fr';

export interface City {
  name: string;
  country: Country;
  language: Language;
  /** Dutch cities: first and last four-digit postal code. Belgian cities: the codes in use. */
  postal: readonly number[];
  /** Landline area code without the leading zero. */
  area: string;
  weight: number;
}

const nl = (name: string, from: number, to: number, area: string, weight: number): City => ({
  name,
  country: 'NL',
  language: 'nl',
  postal: [from, to],
  area,
  weight,
});

const be = (name: string, language: Language, postal: number[], area: string, weight: number): City => ({
  name,
  country: 'BE',
  language,
  postal,
  area,
  weight,
});

export const CITIES: readonly City[] = [
  nl('Amsterdam', 1011, 1109, '20', 10),
  nl('Rotterdam', 3011, 3089, '10', 8),
  nl('Den Haag', 2491, 2597, '70', 6),
  nl('Utrecht', 3511, 3585, '30', 5),
  nl('Eindhoven', 5611, 5658, '40', 4),
  nl('Groningen', 9711, 9747, '50', 3),
  nl('Tilburg', 5011, 5049, '13', 3),
  nl('Almere', 1311, 1365, '36', 2),
  nl('Breda', 4811, 4839, '76', 2),
  nl('Nijmegen', 6511, 6546, '24', 2),
  nl('Apeldoorn', 7311, 7339, '55', 2),
  nl('Haarlem', 2011, 2037, '23', 2),
  nl('Arnhem', 6811, 6846, '26', 2),
  nl('Enschede', 7511, 7548, '53', 2),
  nl('Amersfoort', 3811, 3829, '33', 2),
  nl('Zwolle', 8011, 8043, '38', 2),
  nl('Leiden', 2311, 2334, '71', 2),
  nl('Maastricht', 6211, 6229, '43', 2),
  nl("'s-Hertogenbosch", 5211, 5237, '73', 2),
  nl('Dordrecht', 3311, 3329, '78', 1),
  nl('Zoetermeer', 2711, 2729, '79', 1),
  nl('Delft', 2611, 2629, '15', 1),
  nl('Alkmaar', 1811, 1827, '72', 1),
  nl('Leeuwarden', 8911, 8939, '58', 1),
  nl('Deventer', 7411, 7425, '570', 1),
  nl('Venlo', 5911, 5932, '77', 1),
  nl('Heerlen', 6411, 6422, '45', 1),
  nl('Gouda', 2801, 2809, '182', 1),
  nl('Hilversum', 1211, 1223, '35', 1),
  nl('Assen', 9401, 9411, '592', 1),
  nl('Middelburg', 4331, 4339, '118', 1),
  nl('Helmond', 5701, 5709, '492', 1),
  nl('Ede', 6711, 6718, '318', 1),
  nl('Veenendaal', 3901, 3907, '318', 1),
  nl('Purmerend', 1441, 1448, '299', 1),
  nl('Roosendaal', 4701, 4709, '165', 1),
  nl('Oss', 5341, 5349, '412', 1),
  nl('Emmen', 7811, 7824, '591', 1),
  nl('Harderwijk', 3841, 3849, '341', 0.5),
  nl('Den Helder', 1781, 1789, '223', 0.5),
  nl('Urk', 8321, 8322, '527', 0.3),
  be('Antwerpen', 'nl', [2000, 2018, 2020, 2030, 2050, 2060, 2100, 2140, 2170, 2180], '3', 6),
  be('Gent', 'nl', [9000, 9030, 9040, 9050], '9', 5),
  be('Brussel', 'nl', [1000, 1020, 1030, 1040, 1050, 1080, 1090, 1120, 1130, 1140], '2', 2),
  be('Bruxelles', 'fr', [1000, 1040, 1050, 1060, 1070, 1150, 1160, 1170, 1180, 1190, 1200, 1210], '2', 4),
  be('Brugge', 'nl', [8000, 8200, 8310], '50', 2),
  be('Leuven', 'nl', [3000, 3001, 3010, 3012], '16', 2),
  be('Mechelen', 'nl', [2800], '15', 2),
  be('Hasselt', 'nl', [3500, 3510], '11', 2),
  be('Kortrijk', 'nl', [8500, 8501], '56', 2),
  be('Aalst', 'nl', [9300], '53', 1),
  be('Genk', 'nl', [3600], '89', 1),
  be('Roeselare', 'nl', [8800], '51', 1),
  be('Sint-Niklaas', 'nl', [9100], '3', 1),
  be('Turnhout', 'nl', [2300], '14', 1),
  be('Oostende', 'nl', [8400], '59', 1),
  be('Waregem', 'nl', [8790], '56', 0.5),
  be('Geel', 'nl', [2440], '14', 0.5),
  be('Liège', 'fr', [4000, 4020, 4030], '4', 3),
  be('Namur', 'fr', [5000, 5100], '81', 2),
  be('Charleroi', 'fr', [6000, 6001, 6010], '71', 2),
  be('Mons', 'fr', [7000], '65', 1),
  be('Wavre', 'fr', [1300], '10', 1),
  be('Louvain-la-Neuve', 'fr', [1348], '10', 1),
  be('Tournai', 'fr', [7500], '69', 1),
  be('Arlon', 'fr', [6700], '63', 0.5),
];

/** Letters PostNL uses in postal codes (no F, I, O, Q, U, Y). */
export const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ';

export const STREETS_NL: readonly string[] = [
  'Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Stationsweg', 'Industrieweg', 'Nijverheidsweg', 'Hoofdstraat', 'Schoolstraat',
  'Marktplein', 'Havenweg', 'Kanaalweg', 'Julianastraat', 'Beatrixlaan', 'Wilhelminastraat', 'Oranjestraat', 'Parallelweg',
  'Ambachtsweg', 'Handelsweg', 'Lindelaan', 'Eikenlaan', 'Beukenlaan', 'Vondelstraat', 'Rembrandtlaan', 'Zuidsingel',
  'Noordkade', 'Westeinde', 'Oostpoort', 'Edisonweg', 'Marconistraat', 'Galvanistraat', 'Einsteinstraat', 'Ampèrestraat',
  'Celsiusweg', 'Keizersgracht', 'Prins Hendrikkade', 'Laan van Meerdervoort', 'Coolsingel', 'Oudegracht', 'Grote Markt',
  'Spoorstraat', 'Veldweg', 'Weverstraat', 'Smidsweg', 'Bedrijvenpark Noord', 'Europaweg', 'Transportweg', 'Koopmansweg',
];

export const STREETS_VL: readonly string[] = [
  'Stationsstraat', 'Kerkstraat', 'Grote Markt', 'Nieuwstraat', 'Kapelstraat', 'Molenstraat', 'Dorpsstraat', 'Schoolstraat',
  'Kortrijksesteenweg', 'Brusselsesteenweg', 'Industrielaan', 'Ambachtenlaan', 'Nijverheidsstraat', 'Kouter', 'Meir',
  'Veldstraat', 'Bondgenotenlaan', 'Leopoldlaan', 'Koning Albertlaan', 'Gentsesteenweg', 'Antwerpsesteenweg', 'Kasteelstraat',
  'Hoogstraat', 'Bredabaan', 'Liersesteenweg', 'Zandstraat', 'Vaartstraat', 'Oude Baan', 'Kruisstraat', 'Populierenlaan',
];

export const STREETS_FR: readonly string[] = [
  'Rue de la Station', "Rue de l'Église", 'Avenue Louise', 'Chaussée de Wavre', 'Rue du Moulin', 'Place Saint-Lambert',
  "Boulevard d'Avroy", 'Rue Haute', 'Avenue de la Gare', 'Rue des Écoles', 'Rue de Namur', 'Rue du Zoning', 'Rue Neuve',
  'Chaussée de Bruxelles', 'Rue de Fer', 'Rue Saint-Gilles', 'Avenue des Tilleuls', 'Rue du Parc', 'Rue de la Loi',
  'Boulevard Tirou', 'Rue des Carmes', 'Quai de la Meuse', 'Rue du Pont', 'Place du Marché', 'Rue Léopold',
];
