// Category keywords in Spanish, French, German and Portuguese, matched like the English ones in
// category.ts (stemmed by the same stemmer, so a plural that stemming does not fold is listed too).
// Only content words: an article or a preposition of one language may be a keyword of another.
import type { Category } from "../../../domain/categories.js";

export type Lexicon = Record<Exclude<Category, "other">, string>;

export const KEYWORDS_ELSEWHERE: Lexicon[] = [
  // Spanish
  {
    politics:
      "elecciones elección votar votos presidente gobierno ministro ministra congreso senado parlamento partido político política campaña alcalde ley_electoral",
    health:
      "vacuna vacunas salud enfermedad enfermedades cáncer diabetes virus médico médicos hospital paciente pacientes medicamento tratamiento autismo café azúcar dieta obesidad tabaco fumar alcohol corazón pandemia gripe",
    science:
      "ciencia científicos científico estudio investigación física química biología espacio planeta luna universo evolución experimento",
    technology:
      "tecnología inteligencia_artificial ordenador computadora internet teléfono móvil algoritmo robot digital datos redes_sociales",
    business:
      "economía económico inflación mercado empresa empresas comercio precio precios salario impuestos empleo desempleo banco deuda",
    society: "inmigración inmigrantes religión iglesia género mujeres pobreza educación escuela universidad familia aborto vivienda",
    media: "medios periódico periodista periodismo prensa televisión noticias desinformación bulo bulos propaganda",
    justice: "policía tribunal juez ley leyes ilegal cárcel prisión delito crimen juicio fiscal abogado constitución asesinato",
    environment:
      "clima cambio_climático calentamiento_global contaminación emisiones carbono energía renovable solar océano plástico sequía incendio glaciar temperatura",
    entertainment: "película películas actor actriz música cantante canción concierto serie",
    history: "historia histórico guerra siglo imperio rey reina revolución dictadura",
    sports: "deporte fútbol baloncesto tenis jugador equipo partido_de_fútbol campeonato liga olímpicos",
  },
  // French
  {
    politics:
      "élection élections voter vote président gouvernement ministre assemblée sénat parlement parti politique campagne maire député",
    health:
      "vaccin vaccins santé maladie maladies cancer diabète virus médecin médecins hôpital patient patients médicament traitement autisme café sucre régime obésité tabac fumer alcool cœur pandémie grippe",
    science: "science scientifique scientifiques étude recherche physique chimie biologie espace planète lune univers évolution expérience",
    technology: "technologie intelligence_artificielle ordinateur internet téléphone algorithme robot numérique données réseaux_sociaux",
    business: "économie économique inflation marché entreprise entreprises commerce prix salaire impôts emploi chômage banque dette",
    society: "immigration immigrés religion église genre femmes pauvreté éducation école université famille avortement logement",
    media: "médias journaliste journalisme presse télévision informations désinformation propagande",
    justice: "police tribunal juge loi lois illégal prison délit crime procès procureur avocat constitution meurtre",
    environment:
      "climat changement_climatique réchauffement_climatique pollution émissions carbone énergie renouvelable solaire océan plastique sécheresse incendie glacier température",
    entertainment: "film films acteur actrice musique chanteur chanson concert série",
    history: "histoire historique guerre siècle empire roi reine révolution",
    sports: "sport football basket tennis joueur équipe championnat ligue olympiques",
  },
  // German
  {
    politics:
      "wahl wahlen wählen abstimmung präsident präsidentin regierung minister ministerin bundestag parlament partei politik politiker wahlkampf bürgermeister kanzler",
    health:
      "impfung impfungen impfstoff impfstoffe gesundheit krankheit krankheiten krebs diabetes virus arzt ärzte krankenhaus patient patienten medikament behandlung autismus kaffee zucker ernährung übergewicht rauchen alkohol herz pandemie grippe",
    science: "wissenschaft wissenschaftler studie forschung physik chemie biologie weltraum planet mond universum evolution experiment",
    technology: "technologie künstliche_intelligenz computer internet handy smartphone algorithmus roboter digital daten soziale_medien",
    business: "wirtschaft inflation markt unternehmen handel preis preise lohn gehalt steuern arbeitslosigkeit bank schulden",
    society:
      "einwanderung migranten flüchtlinge religion kirche geschlecht frauen armut bildung schule universität familie abtreibung wohnung",
    media: "medien zeitung journalist journalismus presse fernsehen nachrichten desinformation propaganda",
    justice: "polizei gericht richter gesetz gesetze illegal gefängnis verbrechen prozess staatsanwalt anwalt verfassung mord",
    environment:
      "klima klimawandel erderwärmung umwelt verschmutzung emissionen kohlendioxid energie erneuerbare solar ozean plastik dürre waldbrand gletscher temperatur",
    entertainment: "film filme schauspieler schauspielerin musik sänger konzert serie",
    history: "geschichte historisch krieg jahrhundert reich könig königin revolution",
    sports: "sport fußball basketball tennis spieler mannschaft meisterschaft liga olympische",
  },
  // Portuguese
  {
    politics:
      "eleição eleições votar voto presidente governo ministro ministra congresso senado parlamento partido política político campanha prefeito deputado",
    health:
      "vacina vacinas saúde doença doenças câncer cancro diabetes vírus médico médicos hospital paciente pacientes medicamento tratamento autismo café açúcar dieta obesidade tabaco fumar álcool coração pandemia gripe",
    science:
      "ciência cientistas cientista estudo pesquisa investigação física química biologia espaço planeta lua universo evolução experimento",
    technology: "tecnologia inteligência_artificial computador internet telemóvel celular algoritmo robô digital dados redes_sociais",
    business: "economia econômico inflação mercado empresa empresas comércio preço preços salário impostos emprego desemprego banco dívida",
    society: "imigração imigrantes religião igreja gênero mulheres pobreza educação escola universidade família aborto habitação",
    media: "mídia jornal jornalista jornalismo imprensa televisão notícias desinformação propaganda",
    justice: "polícia tribunal juiz lei leis ilegal prisão cadeia crime julgamento promotor advogado constituição assassinato",
    environment:
      "clima mudança_climática aquecimento_global poluição emissões carbono energia renovável solar oceano plástico seca incêndio geleira temperatura",
    entertainment: "filme filmes ator atriz música cantor canção concerto série",
    history: "história histórico guerra século império rei rainha revolução ditadura",
    sports: "esporte desporto futebol basquete tênis jogador equipe campeonato liga olímpicos",
  },
];
