/**
 * People for demo data: first names and surnames as they occur in the Netherlands, Flanders and
 * French-speaking Belgium, with the surname prefixes ("van", "de", "van den", "van der", "ter") and
 * the accents (Müller, Lefèvre, Öztürk, Hélène, Zoë) that search has to fold. Weights are rough
 * frequencies, so Jansen and Peeters turn up more often than Van 't Hof.
 */
export type Weights = readonly (readonly [string, number])[];

const w = (names: string, weight = 1): [string, number][] =>
  names
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)
    .map((n) => [n, weight]);

export const FIRST_NAMES_NL: Weights = [
  ...w('Jan, Piet, Kees, Henk, Willem, Joost, Sander, Bas, Thijs, Daan, Sem, Lucas, Jesse, Ruben, Jeroen, Marco, Erik', 3),
  ...w('Niels, Martijn, Maarten, Rob, Wouter, Arjen, Gert-Jan, Jan-Willem, Bram, Tim, Lars, Sven, Mark, Dennis, Remco', 2),
  ...w('Frank, Hans, Gerard, Ad, Cor, Dirk, Hendrik, Johan, Pieter, Koen, Stefan, Michiel, Roel, Teun, Wim, Ton, Ruud', 2),
  ...w('Marieke, Anouk, Femke, Sanne, Lieke, Esther, Ingrid, Anne, Sophie, Emma, Julia, Lotte, Fleur, Iris, Eva, Ilse', 3),
  ...w('Mirjam, Petra, Saskia, Yvonne, Judith, Nienke, Wendy, Linda, Karin, Anke, Hanneke, Marloes, Annemiek, Joke', 2),
  ...w('Tessa, Roos, Floor, Maaike, Janneke, Evelien, Ellen, Monique, Miranda, Chantal, Bianca, Sandra, Manon, Kim', 2),
  ...w('Mohamed, Youssef, Fatima, Samira, Ayşe, Mehmet, Emre, Noor, Priya, Rajesh, Wei, Agnieszka, Tomasz, Dilan', 1),
  ...w('Zoë, Chloé, Renée, André, José, Inès, Noël, Jürgen, Anaïs, Thijmen, Hüseyin, Gökhan, Zeynep', 1),
];

export const FIRST_NAMES_VL: Weights = [
  ...w('Lotte, Jens, Wout, Lien, Sofie, Tine, Bram, Pieter-Jan, Jef, Karel, Griet, Hanne, Stijn, Wim, Ann, Katrien', 3),
  ...w('Dries, Joris, Kobe, Lore, Febe, Jolien, Evelien, Thibault, Maarten, Ruben, Seppe, Nele, Elke, Liesbeth, Ilse', 2),
  ...w('Bart, Koen, Geert, Dirk, Luc, Marc, Patrick, Hilde, Veerle, An, Els, Kristof, Tom, Jan, Peter, Steven, Sarah', 2),
  ...w('Ward, Arne, Lukas, Wannes, Gilles, Emiel, Marie, Louise, Laura, Lisa, Charlotte, Amber, Kaat, Fien, Mieke', 2),
  ...w('Jérôme, Frédéric, Noémie, Gaëlle, Chloé, Zoë, Anaïs, Hélène, Céline, Mehdi, Yasmine, Gökhan, Dorien', 1),
];

export const FIRST_NAMES_FR: Weights = [
  ...w('Jean, Pierre, Marc, Philippe, Luc, Michel, Olivier, Nicolas, Julien, Antoine, Thomas, Christophe, Laurent', 3),
  ...w('François, Jérôme, Sébastien, Frédéric, Benoît, Cédric, Grégory, Maxime, Guillaume, Quentin, Arnaud, Damien', 2),
  ...w('Marie, Sophie, Nathalie, Isabelle, Catherine, Céline, Hélène, Émilie, Aurélie, Stéphanie, Valérie, Anne', 3),
  ...w('Anaïs, Chloé, Léa, Camille, Manon, Gaëlle, Noémie, Mélanie, Élodie, Amélie, Laetitia, Virginie, Pauline', 2),
  ...w('Maël, Noël, Raphaël, Joël, Loïc, Hervé, Rémi, Thierry, Didier, Pascal, Karim, Fatima, Nadia, Sarah', 1),
];

/** Dutch surnames in their usual lower-case prefix form: "van den Berg", written so after a first name. */
export const SURNAMES_NL: Weights = [
  ...w('de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer, de Boer', 6),
  ...w('Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra, Smits', 4),
  ...w('de Graaf, van der Meer, van der Linden, Kok, Jacobs, de Haan, Vermeulen, van den Heuvel, van der Veen', 3),
  ...w('van den Broek, de Bruijn, de Bruin, van der Heijden, Schouten, van Beek, Willems, van Vliet, van de Ven', 3),
  ...w('Hoekstra, Maas, Verhoeven, Koster, van Dam, van der Wal, Prins, Blom, Huisman, de Jonge, Kuipers', 2),
  ...w('van Veen, Post, Kuiper, Veenstra, Kramer, van den Brink, Scholten, van Wijk, Postma, Martens, Vink', 2),
  ...w('de Ruiter, Timmermans, Groen, Gerritsen, Jonker, van Loon, Boersma, van der Velden, Willemsen, Koning', 2),
  ...w("van der Laan, van 't Hof, ter Horst, ten Brink, in 't Veld, van Rijn, Verbeek, Wouters, Hermans, Bosman", 1),
  ...w('Müller, Schmidt, Öztürk, Yilmaz, Şahin, Çelik, Kaya, El Amrani, Bouzid, Nowak, Kowalski, Nguyen, Tran', 1),
  ...w('Sánchez, García, Lefèvre, Brandão, Østergaard, Sørensen, Kühn, Schäfer, Jäger, Doğan, Ramdin, Baldewsingh', 1),
];

export const SURNAMES_VL: Weights = [
  ...w('Peeters, Janssens, Maes, Jacobs, Mertens, Willems, Claes, Goossens, Wouters, De Smet, Hermans, Aerts', 6),
  ...w('Michiels, Pauwels, Vermeulen, Van Damme, De Clercq, Desmet, Verstraete, Coppens, Van de Velde', 4),
  ...w('Vandenberghe, De Backer, Declercq, Van den Broeck, Smets, Martens, Vervoort, De Wilde, Verhaegen', 3),
  ...w('Vandamme, Van Acker, Segers, Cools, Van Hecke, Bogaerts, De Cock, Thys, Geerts, Lemmens, Stevens', 3),
  ...w("Verbeke, Hendrickx, Van Hoof, D'Hondt, Vanhoutte, Van der Auwera, Van Dyck, Van den Bossche, Baert", 2),
  ...w('Dubois, Lambert, Dupont, Leclercq, Lefèvre, Noël, Müller, Öztürk, Yilmaz, El Idrissi, Kowalczyk', 1),
];

export const SURNAMES_FR: Weights = [
  ...w('Dubois, Lambert, Dupont, Martin, Simon, Laurent, Leroy, Renard, Dumont, François, Lejeune, Denis', 6),
  ...w('Lefèvre, Mathieu, Collignon, Gérard, Noël, Hubert, Lemaire, Piérard, Gilson, Leclercq, Delvaux', 3),
  ...w('Mercier, Fontaine, Lebrun, Henry, Masson, Lecomte, Hautecler, Wathelet, Dethier, Gilles, Jacquet', 2),
  ...w('Thiry, Grégoire, Bastin, Léonard, Defourny, Goffin, Lhoest, Rémy, Hénin, Benali, Amrani, Rossi, Ferrari', 1),
];

/** "van den Berg" → "Van den Berg", as a name is written at the start of a company name. */
export function capitalFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
