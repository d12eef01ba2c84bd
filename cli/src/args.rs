//! Command-line arguments (clap derive: doc comments are the help text).

use std::path::PathBuf;

use clap::{Arg, ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// The help page's layout, with French headings (clap writes `Usage:` otherwise).
const HELP_TEMPLATE: &str =
    "{before-help}{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}";

/// Parses the command line, with the help in French: the commands' and flags' texts are
/// the doc comments of this file; clap's own words (headings, `--help`, `--version`)
/// are replaced here.
pub fn parse() -> Cli {
    let parsed = french(Cli::command(), true)
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => cli,
        // A mistake on the command line: clap's message, its frame said in French.
        Err(e) if e.use_stderr() => {
            let text = e
                .render()
                .to_string()
                .replacen("error: ", "erreur : ", 1)
                .replace("Usage: ", "Utilisation : ")
                .replace("tip: ", "conseil : ")
                .replace(
                    "For more information, try '--help'.",
                    "Pour en savoir plus : '--help'.",
                );
            let _ = std::io::Write::write_all(&mut std::io::stderr(), text.as_bytes());
            std::process::exit(2)
        }
        Err(e) => e.exit(),
    }
}

/// `cmd` and its subcommands with French headings and help flags.
fn french(cmd: clap::Command, root: bool) -> clap::Command {
    let mut cmd = cmd
        .help_template(HELP_TEMPLATE)
        .subcommand_help_heading("Commandes")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .mut_args(|a| {
            if a.is_positional() {
                a.help_heading("Arguments")
            } else {
                a.help_heading("Options")
            }
        })
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Afficher l'aide")
                .help_heading("Options"),
        )
        .mut_subcommands(|sub| french(sub, false));
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Afficher la version")
                .help_heading("Options"),
        );
    }
    cmd
}

/// explor — rapprocher des experts bénévoles et les besoins d'associations de
/// solidarité internationale (programme EXPLOR, Occitanie Coopération), puis préparer
/// la mission.
#[derive(Debug, Parser)]
#[command(name = "explor", version, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Dossier de l'espace de travail (base des fiches et index de recherche).
    #[arg(
        long,
        global = true,
        env = "EXPLOR_WORKSPACE",
        default_value = "explor-workspace"
    )]
    pub workspace: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Créer un espace de travail (ne fait rien s'il existe déjà).
    Init,
    /// Importer un dossier de données ou un fichier .json, .jsonl, .csv, .xlsx ou .ods.
    /// Chaque fiche est vérifiée d'abord ; si l'une est invalide, chaque problème est
    /// affiché et rien n'est écrit.
    Import(ImportArgs),
    /// Lister les fiches d'un type.
    List(ListArgs),
    /// Afficher une fiche par son identifiant.
    Show(ShowArgs),
    /// Classer les experts et offres d'entreprise pour un besoin, avec les raisons ; ou,
    /// avec --offer ou --expert, les besoins qui conviennent à ce candidat.
    Match(MatchArgs),
    /// Estimer le plan de financement d'une mission selon les règles du programme : qui
    /// paie quoi (montants par expert ; taux et plafonds de data/reference/costs.json).
    Cost(CostArgs),
    /// Chercher des experts et des offres d'entreprise : texte libre (français ou
    /// anglais, accents facultatifs) et filtres.
    Search(SearchArgs),
    /// Supprimer une fiche de la base et de l'index. Pour un expert, c'est l'effacement
    /// qu'une personne peut demander (RGPD) : aucun octet d'elle ne reste dans l'espace
    /// (base nettoyée, segments de l'index réécrits, notes de mission qui la citaient
    /// réécrites) ; seuls une empreinte à clé de l'identifiant et la date restent, pour
    /// qu'un nouvel import soit refusé.
    Remove(RemoveArgs),
    /// Écrire une copie cohérente de la base de l'espace dans un nouveau FILE, hors de
    /// l'espace, pendant que les autres commandes et l'application web continuent.
    Backup(BackupArgs),
    /// Restaurer une sauvegarde dans un dossier vide ou absent (un dossier ne contenant
    /// qu'un erased.list convient) : l'index est reconstruit à partir de la base, et les
    /// effacements faits depuis la sauvegarde sont appliqués de nouveau.
    Restore(RestoreArgs),
    /// Reconstruire l'index de recherche à partir de la base des fiches.
    Reindex,
    /// Vérifier que la base des fiches et l'index de recherche concordent (code 1 sinon).
    Check(CheckArgs),
    /// Affecter d'un coup tous les besoins ouverts d'un appel à projets, de façon
    /// optimale : le plus de besoins couverts, puis le meilleur score total, selon les
    /// disponibilités des experts et les quotas des entreprises.
    Batch(BatchArgs),
    /// Missions : en créer une pour un besoin et ses personnes, la faire avancer dans
    /// son cycle de vie, les lister et les afficher avec leur plan de financement,
    /// écrire leurs documents.
    #[command(subcommand)]
    Mission(MissionCommand),
    /// Dérouler tout le travail sur les données d'exemple, dans un espace temporaire.
    Demo(DemoArgs),
    /// Servir l'application web sur l'espace de travail (Ctrl-C ou SIGTERM l'arrête).
    Serve(ServeArgs),
    /// Comptes web : inviter, lister, désactiver, supprimer. Il n'y a pas de compte par
    /// défaut : le premier coordinateur est invité avec `explor user add`.
    #[command(subcommand)]
    User(UserCommand),
    /// Les thématiques : clés, libellés et sous-thématiques (comme `explor reference
    /// themes`).
    Themes(VocabularyArgs),
    /// Les tables de référence : lister un vocabulaire (thématiques, pays, langues,
    /// statuts, accords), la date, la source et l'âge de chaque table (status), ou
    /// remplacer une table de coûts par les taux de la BCE ou le barème de la DGFiP
    /// (import).
    #[command(subcommand)]
    Reference(ReferenceCommand),
}

#[derive(Debug, Subcommand)]
pub enum ReferenceCommand {
    /// Clés des thématiques, avec libellé et sous-thématiques (une fiche peut citer l'un ou l'autre).
    Themes(VocabularyArgs),
    /// Codes pays ISO 3166-1, avec leurs noms français et anglais.
    Countries(VocabularyArgs),
    /// Codes langues ISO 639-1, avec leurs noms français et anglais.
    Languages(VocabularyArgs),
    /// Statuts des experts (`status`).
    Statuses(VocabularyArgs),
    /// Cadres et états de l'accord de l'employeur (`consent.scheme`, `consent.status`).
    Consents(VocabularyArgs),
    /// Chaque table de référence utilisée, avec sa date, sa source et son origine
    /// (intégrée ou de l'espace de travail), et une alerte pour celles plus vieilles que
    /// leur limite (taux de change 1 an, per diem 2 ans, conseils aux voyageurs 6 mois…).
    /// Code 0 même si certaines sont anciennes.
    Status(VocabularyArgs),
    /// Remplacer une table de coûts de l'espace de travail par un fichier CSV tel que
    /// publié : les taux de référence de l'euro de la BCE (eurofxref.csv) ou le barème
    /// des indemnités journalières à l'étranger de la DGFiP (colonnes pays, devise,
    /// taux ; ville, depuis facultatives). Chaque problème est listé avec sa ligne et sa
    /// colonne ; rien n'est écrit s'il y en a un.
    Import(ReferenceImportArgs),
}

#[derive(Debug, Args)]
pub struct VocabularyArgs {
    /// Format de sortie.
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Debug, Args)]
pub struct ReferenceImportArgs {
    /// Le fichier CSV.
    pub file: PathBuf,
    /// Date de la table (AAAA-MM-JJ), pour un barème de per diem ; par défaut : son
    /// `depuis` le plus récent, sinon aujourd'hui. Les taux de la BCE portent la leur.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Source de la table, en mots (par défaut : l'éditeur et le nom du fichier).
    #[arg(long)]
    pub source: Option<String>,
    /// Format de sortie du bilan.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

#[derive(Debug, Subcommand)]
pub enum MissionCommand {
    /// Créer une mission (état « proposée ») pour un besoin : chaque condition est
    /// vérifiée sur les dates, et les personnes sont réservées pour que les recherches et
    /// affectations suivantes ne les proposent plus sur des dates qui se chevauchent.
    Create(MissionCreateArgs),
    /// Faire passer une mission à l'état suivant (ou « annulée », avant « sur le
    /// terrain »). Ordre : proposée, termes rédigés, convenue, formée, sur le terrain,
    /// revenue, bilan fait, clôturée (ou les clés proposed, terms_drafted, agreed,
    /// trained, in_field, returned, debriefed, closed, cancelled).
    Advance(MissionAdvanceArgs),
    /// Enregistrer un élément de la liste de contrôle : training (formation, pour
    /// « formée »), insurance (assurance, pour « sur le terrain »), debrief (bilan, pour
    /// « bilan fait », une fois « revenue »).
    Record(MissionRecordArgs),
    /// Lister les missions.
    List(MissionListArgs),
    /// Afficher une mission : personnes, dates, état, liste de contrôle, journal et plan
    /// de financement.
    Show(MissionShowArgs),
    /// Écrire l'un des documents d'une mission, à partir des modèles (le dossier
    /// templates/ de l'espace de travail remplace ceux fournis, fichier par fichier).
    Doc(MissionDocArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("staff").required(true).args(["experts", "offer"])))]
pub struct MissionCreateArgs {
    /// Le besoin que sert la mission.
    pub need: String,
    /// Un expert qui part (répétable).
    #[arg(long = "expert", value_name = "EXPERT_ID")]
    pub experts: Vec<String>,
    /// Une offre d'entreprise qui pourvoit la mission avec l'un de ses salariés.
    #[arg(long, value_name = "OFFER_ID")]
    pub offer: Option<String>,
    /// Premier jour sur le terrain (AAAA-MM-JJ, années 1900 à 2200) ; par défaut : le
    /// plus tôt possible.
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
    /// Jours sur le terrain (7 à 15) ; par défaut : la durée du besoin.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=366))]
    pub days: Option<u32>,
    /// Qui paie le reste et les frais ; par défaut : l'employeur quand l'offre couvre
    /// les frais restants, sinon l'association.
    #[arg(long, value_enum, conflicts_with = "employer_share")]
    pub remainder_payer: Option<PayerArg>,
    /// Partager le reste : l'employeur en paie ce pourcentage (par ex. 40 ou 37,5),
    /// l'association le reste et les frais.
    #[arg(long, value_name = "PERCENT")]
    pub employer_share: Option<String>,
    /// Accepter les experts dont l'accord de l'employeur est encore en attente (signalé ;
    /// le départ demande toujours l'accord).
    #[arg(long)]
    pub include_pending: bool,
    #[command(flatten)]
    pub event: EventArgs,
    /// Format de sortie.
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

/// When and why, for what is written in a mission's log.
#[derive(Debug, Args)]
pub struct EventArgs {
    /// Une note pour le journal de la mission.
    #[arg(long)]
    pub note: Option<String>,
    /// Le jour où c'est arrivé (AAAA-MM-JJ, au plus un an après aujourd'hui) ; par
    /// défaut : aujourd'hui.
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

#[derive(Debug, Args)]
pub struct MissionAdvanceArgs {
    /// L'identifiant de la mission.
    pub id: String,
    /// L'état visé : son libellé (« termes rédigés ») ou sa clé (terms_drafted).
    pub state: String,
    #[command(flatten)]
    pub event: EventArgs,
}

#[derive(Debug, Args)]
pub struct MissionRecordArgs {
    /// L'identifiant de la mission.
    pub id: String,
    /// training (formation), insurance (assurance) ou debrief (bilan).
    pub item: String,
    #[command(flatten)]
    pub event: EventArgs,
}

#[derive(Debug, Args)]
pub struct MissionListArgs {
    /// Seulement les missions dans cet état (libellé ou clé).
    #[arg(long)]
    pub state: Option<String>,
    /// Format de sortie (json : un tableau de missions, chacune avec son identifiant).
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Debug, Args)]
pub struct MissionShowArgs {
    /// L'identifiant de la mission.
    pub id: String,
    /// Format de sortie.
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Debug, Args)]
pub struct MissionDocArgs {
    /// L'identifiant de la mission.
    pub id: String,
    /// fiche (fiche mission), tdr (termes de référence), convention (proposition de
    /// convention), livret (livret du bénévole), bilan (bilan de retour) ou budget (plan
    /// de financement).
    pub document: String,
    /// md (Markdown), html (page imprimable), odt (OpenDocument, LibreOffice) ou docx
    /// (Word), ces deux-là à modifier avant signature, ou pdf (la page imprimable
    /// imprimée par Chromium headless, s'il est installé) ; sans lui, d'après
    /// l'extension de --out (.md, .html, .odt, .docx, .pdf), sinon Markdown.
    #[arg(long, value_enum)]
    pub format: Option<DocFormatArg>,
    /// Écrire dans FILE (en entier ou pas du tout) plutôt que sur la sortie standard ;
    /// son extension doit s'accorder avec --format. Un fichier .odt, .docx ou .pdf ne va
    /// sur la sortie standard que si elle est redirigée.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormatArg {
    Md,
    Html,
    Odt,
    Docx,
    Pdf,
}

impl DocFormatArg {
    pub fn name(self) -> &'static str {
        match self {
            DocFormatArg::Md => "md",
            DocFormatArg::Html => "html",
            DocFormatArg::Odt => "odt",
            DocFormatArg::Docx => "docx",
            DocFormatArg::Pdf => "pdf",
        }
    }
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("target").required(true).args(["need", "offer", "expert"])))]
pub struct MatchArgs {
    /// Le besoin pour lequel chercher des candidats.
    pub need: Option<String>,
    /// Classer les besoins que cette offre d'entreprise pourrait servir.
    #[arg(long, value_name = "OFFER_ID")]
    pub offer: Option<String>,
    /// Classer les besoins qui conviennent à cet expert.
    #[arg(long, value_name = "EXPERT_ID")]
    pub expert: Option<String>,
    /// Combien de résultats (1 à 1000).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub top: u32,
    /// Lister aussi chaque candidat (ou besoin) non éligible avec toutes les conditions
    /// qu'il ne remplit pas.
    #[arg(long)]
    pub include_ineligible: bool,
    /// Laisser passer, signalés, les experts dont l'accord de l'employeur est en attente.
    #[arg(long)]
    pub include_pending: bool,
    /// Format de sortie.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// A decimal number as the data reads them: `75.5`, `75,5` (French).
fn decimal(s: &str) -> Result<f64, String> {
    let d = explor_engine::values::number::read_decimal(s)
        .ok_or_else(|| explor_engine::fr::cli::not_a_number_example(s))?;
    let sign = if d.negative { "-" } else { "" };
    let fraction = if d.fraction.is_empty() {
        "0"
    } else {
        &d.fraction
    };
    format!("{sign}{}.{fraction}", d.whole)
        .parse()
        .map_err(|_| explor_engine::fr::cli::not_a_number(s))
}

/// `NEED=EXPERT`, both non-empty (clap names the flag and the value on an error).
fn need_expert(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((n, e)) if !n.trim().is_empty() && !e.trim().is_empty() => {
            Ok((n.trim().to_owned(), e.trim().to_owned()))
        }
        _ => Err(explor_engine::fr::cli::BAD_PAIR.to_owned()),
    }
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// L'appel à projets dont les besoins sont affectés (par défaut : tous les besoins).
    #[arg(long)]
    pub call: Option<String>,
    /// Combien des meilleurs candidats éligibles de chaque besoin l'affectation
    /// considère (1 à 1000).
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub top_k: u32,
    /// Ne pas proposer de candidats sous ce score (0 à 100 ; 75 ou 75,5).
    #[arg(long, default_value_t = 0.0, value_parser = decimal)]
    pub min_score: f64,
    /// Laisser passer, signalés, les experts dont l'accord de l'employeur est en attente.
    #[arg(long)]
    pub include_pending: bool,
    /// Affecter ce couple avant le calcul (répétable ; le score minimum ne s'y applique
    /// pas).
    #[arg(long, value_name = "NEED=EXPERT", value_parser = need_expert)]
    pub pin: Vec<(String, String)>,
    /// Ne jamais affecter ce couple (répétable).
    #[arg(long, value_name = "NEED=EXPERT", value_parser = need_expert)]
    pub exclude: Vec<(String, String)>,
    /// Format de sortie : table pour les personnes, md pour la réunion de coordination,
    /// json ou csv pour les scripts, csv-fr pour un Excel français (`;`, BOM, virgule
    /// décimale).
    #[arg(long, value_enum, default_value_t = BatchFormat::Table)]
    pub format: BatchFormat,
    /// Écrire le rapport dans FILE (en entier ou pas du tout) plutôt que sur la sortie
    /// standard.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Créer les missions des affectations (état « proposée », personnes réservées),
    /// toutes en une transaction.
    #[arg(long)]
    pub commit: bool,
    /// Écrire aussi le problème exact résolu dans FILE, en JSON, pour une vérification
    /// indépendante.
    #[arg(long, value_name = "FILE")]
    pub export_graph: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    Table,
    Json,
    Csv,
    /// CSV pour un Excel français : séparateur `;`, UTF-8 avec BOM, virgule décimale.
    CsvFr,
    Md,
}

#[derive(Debug, Args)]
pub struct CostArgs {
    /// Pays de la mission (code ISO ; FR avec --reciprocity).
    #[arg(long)]
    pub country: String,
    /// Ville de la mission : une ville ayant son propre taux à l'étranger (Lomé), ou le
    /// taux de nuitée en France d'une mission de réciprocité.
    #[arg(long)]
    pub city: Option<String>,
    /// Jours sur le terrain (1 à 366).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=366))]
    pub days: u32,
    /// Nombre d'experts, 1 à 100 (le plafond du réseau est par mission).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub experts: u32,
    /// Taux journalier en euros, au lieu du per diem officiel du pays.
    #[arg(long, value_name = "EUR")]
    pub per_diem: Option<String>,
    /// Transport national, en euros par expert.
    #[arg(long, value_name = "EUR")]
    pub national_transport: Option<String>,
    /// Transport international, en euros par expert.
    #[arg(long, value_name = "EUR")]
    pub international_transport: Option<String>,
    /// Assurance, en euros par expert.
    #[arg(long, value_name = "EUR")]
    pub insurance: Option<String>,
    /// Visa, en euros par expert.
    #[arg(long, value_name = "EUR")]
    pub visa: Option<String>,
    /// Transport sur place, en euros par expert.
    #[arg(long, value_name = "EUR")]
    pub field_transport: Option<String>,
    /// Le partenaire local fournit le logement (compté en nature).
    #[arg(long)]
    pub lodging_provided: bool,
    /// Repas par jour fournis par le partenaire.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=2))]
    pub meals_provided: u8,
    /// Le partenaire local fournit le transport sur place (compté en nature).
    #[arg(long)]
    pub field_transport_provided: bool,
    /// Une mission de réciprocité en France (taux nationaux).
    #[arg(long)]
    pub reciprocity: bool,
    /// Réciprocité : le pays d'où vient l'expert.
    #[arg(long)]
    pub origin: Option<String>,
    /// Qui paie le reste et les frais.
    #[arg(long, value_enum, default_value_t = PayerArg::Association, conflicts_with = "employer_share")]
    pub remainder_payer: PayerArg,
    /// Partager le reste : l'employeur en paie ce pourcentage (par ex. 40 ou 37,5),
    /// l'association le reste et les frais.
    #[arg(long, value_name = "PERCENT")]
    pub employer_share: Option<String>,
    /// Salaire et charges du salarié par jour, pour l'estimation du mécénat.
    #[arg(long, value_name = "EUR")]
    pub daily_cost: Option<String>,
    /// Chiffre d'affaires annuel de l'employeur, pour le plafond du mécénat.
    #[arg(long, value_name = "EUR")]
    pub turnover: Option<String>,
    /// Format de sortie.
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PayerArg {
    Association,
    Employer,
}

impl From<PayerArg> for explor_engine::cost::RemainderPayer {
    fn from(p: PayerArg) -> Self {
        match p {
            PayerArg::Association => Self::Association,
            PayerArg::Employer => Self::Employer,
        }
    }
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Mots à chercher (vide : filtres seulement).
    #[arg(default_value = "")]
    pub query: String,
    /// Clé de thématique ; une thématique parente inclut ses enfants (par ex.
    /// environnement).
    #[arg(long)]
    pub theme: Option<String>,
    /// Langue, au moins à un niveau, par ex. fr:B2 (répétable).
    #[arg(long = "lang", value_name = "CODE:LEVEL")]
    pub languages: Vec<String>,
    /// Pays d'expérience (experts) ou pays accepté (offres), par ex. SN.
    #[arg(long)]
    pub country: Option<String>,
    /// Disponible à un moment de FROM..TO (AAAA-MM-JJ..AAAA-MM-JJ, années 1900 à 2200).
    #[arg(long, value_name = "FROM..TO")]
    pub available: Option<String>,
    /// Seulement les experts ou seulement les offres.
    #[arg(long, value_enum)]
    pub kind: Option<CandidateKindArg>,
    /// Combien de résultats (1 à 1000).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub top: u32,
    /// Format de sortie.
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// L'identifiant de la fiche.
    pub id: String,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Format de sortie.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CandidateKindArg {
    Expert,
    Offer,
}

impl From<CandidateKindArg> for explor_engine::CandidateKind {
    fn from(k: CandidateKindArg) -> Self {
        match k {
            CandidateKindArg::Expert => Self::Expert,
            CandidateKindArg::Offer => Self::Offer,
        }
    }
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Dossier de données (associations, experts, offres, besoins en .json, .jsonl ou
    /// .csv) ou un seul fichier ; un classeur (.xlsx, .ods) a une feuille par type,
    /// nommée comme les fichiers (experts, needs …).
    pub path: PathBuf,
    /// Type des fiches du ou des fichiers, quand leur nom ne le dit pas (un classeur a
    /// alors une feuille, ou une feuille nommée d'après le type).
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Encodage des fichiers .csv, .json et .jsonl. Sans lui : UTF-8 (avec ou sans
    /// marque d'ordre des octets) si le fichier est de l'UTF-8 valide, sinon
    /// Windows-1252 (l'export CSV d'Excel en français).
    #[arg(long, value_enum)]
    pub encoding: Option<EncodingArg>,
    /// En-têtes de colonnes à laisser de côté, séparés par des virgules
    /// (`--ignore-columns Référent,Suivi`), comme les en-têtes commençant par # et les
    /// colonnes de notes (commentaire, remarques, notes …) : dit une fois, en
    /// avertissement. Casse, accents et espaces autour ne comptent pas.
    #[arg(long, value_delimiter = ',', value_name = "HEADER,...")]
    pub ignore_columns: Vec<String>,
    /// Format de sortie du bilan (et des problèmes, avec json).
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Leave out, with a warning, the records of people erased at their request
    /// (without it, such a record is an error and nothing is imported).
    #[arg(long)]
    pub skip_erased: bool,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The backup file to write (must not exist; not inside the workspace).
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// A backup written by `explor backup`.
    pub file: PathBuf,
    /// The folder to restore into (default: the workspace, --workspace /
    /// EXPLOR_WORKSPACE); absent, empty, or holding only an erased.list.
    pub dir: Option<PathBuf>,
    /// Erasures to apply as well: a workspace folder (its erased.list) or an erasure
    /// list file. Give it the workspace the backup was made of.
    #[arg(long, value_name = "WORKSPACE_OR_LIST")]
    pub erasures: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Quelles fiches.
    #[arg(value_enum)]
    pub kind: KindArg,
    /// Format de sortie.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// L'identifiant de la fiche.
    pub id: String,
    /// Format de sortie.
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Utiliser ce dossier de données au lieu de l'exemple fourni.
    #[arg(long)]
    pub data: Option<PathBuf>,
}

/// Encodings of text files as written on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EncodingArg {
    /// UTF-8 only: a byte that is not UTF-8 is an error naming its line.
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// Windows-1252 (Excel's "CSV" on a French Windows).
    #[value(name = "windows-1252", alias = "cp1252")]
    Windows1252,
}

impl From<EncodingArg> for explor_indexer::Encoding {
    fn from(e: EncodingArg) -> Self {
        match e {
            EncodingArg::Utf8 => Self::Utf8,
            EncodingArg::Windows1252 => Self::Windows1252,
        }
    }
}

/// Record kinds as written on the command line (plural, as in file names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Associations,
    Experts,
    Offers,
    Needs,
}

impl From<KindArg> for explor_engine::RecordKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Associations => Self::Association,
            KindArg::Experts => Self::Expert,
            KindArg::Offers => Self::Offer,
            KindArg::Needs => Self::Need,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    /// CSV pour les scripts : séparateur `,`, point décimal.
    Csv,
    /// CSV pour un Excel français : séparateur `;`, UTF-8 avec BOM, virgule décimale.
    CsvFr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Adresse et port d'écoute.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: std::net::SocketAddr,
    /// L'adresse publique du site, pour les liens d'invitation et la vérification de
    /// l'origine (par défaut : http://BIND).
    #[arg(long, value_name = "URL", env = "EXPLOR_BASE_URL")]
    pub base_url: Option<String>,
    /// Cookies sécurisés avec le préfixe __Host- (par défaut : oui, sauf si BIND est
    /// une adresse locale).
    #[arg(long, value_name = "BOOL")]
    pub secure_cookies: Option<bool>,
    /// Seul un proxy inverse (Caddy, nginx) atteint BIND : les tentatives de connexion
    /// sont comptées par adresse du client, la dernière de l'en-tête X-Forwarded-For
    /// qu'il ajoute.
    #[arg(long)]
    pub behind_proxy: bool,
    /// Jours pendant lesquels une proposition peut attendre la réponse des parties avant
    /// d'être signalée au tableau de bord et qu'elles soient relancées, une fois
    /// (7 par défaut).
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=365))]
    pub answer_delay_days: Option<u32>,
    /// Le serveur SMTP par lequel envoyer les courriels de la boîte d'envoi
    /// (ESPACE/outbox/) : smtp://hôte:port (sans chiffrement, relais local),
    /// smtp://utilisateur:mot-de-passe@hôte:587?tls=required (STARTTLS) ou
    /// smtps://utilisateur:mot-de-passe@hôte (TLS). Sans lui, les courriels restent
    /// dans outbox/. Va avec --mail-from ; le mot de passe n'est jamais affiché.
    #[arg(
        long,
        value_name = "URL",
        env = "EXPLOR_SMTP_URL",
        hide_env_values = true
    )]
    pub smtp_url: Option<SmtpUrl>,
    /// L'adresse d'expédition des courriels envoyés par --smtp-url.
    #[arg(long, value_name = "ADRESSE", env = "EXPLOR_MAIL_FROM")]
    pub mail_from: Option<String>,
    /// Servir un espace temporaire neuf contenant l'exemple fourni, avec un coordinateur
    /// de démonstration dont le lien de connexion à usage unique est affiché.
    #[arg(long)]
    pub demo: bool,
}

/// The SMTP server's address as given: it may hold a password, so its `Debug` hides it.
#[derive(Clone)]
pub struct SmtpUrl(pub String);

impl std::fmt::Debug for SmtpUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(explor_engine::fr::cli::SMTP_URL_HIDDEN)
    }
}

impl std::str::FromStr for SmtpUrl {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Self(s.to_owned()))
    }
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Créer un compte et afficher son lien d'invitation (usage unique, 7 jours).
    Add(UserAddArgs),
    /// Lister les comptes.
    List(UserListArgs),
    /// Désactiver un compte et fermer ses sessions.
    Disable(UserEmailArgs),
    /// Supprimer un compte (le journal d'audit garde son identifiant).
    Remove(UserEmailArgs),
}

#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// Le courriel de la personne (son identifiant de connexion).
    #[arg(long)]
    pub email: String,
    /// coordinator (coordination), company (entreprise), association ou expert.
    #[arg(long, value_enum)]
    pub role: RoleArg,
    /// L'identifiant de la fiche du compte : une association, une entreprise (telle que
    /// nommée dans ses offres) ou un expert ; pas pour la coordination.
    #[arg(long, value_name = "ID")]
    pub org: Option<String>,
    /// L'adresse publique du site, pour le lien.
    #[arg(
        long,
        value_name = "URL",
        env = "EXPLOR_BASE_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    pub base_url: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    Coordinator,
    Company,
    Association,
    Expert,
}

impl From<RoleArg> for explor_web::Role {
    fn from(r: RoleArg) -> Self {
        match r {
            RoleArg::Coordinator => Self::Coordinator,
            RoleArg::Company => Self::Company,
            RoleArg::Association => Self::Association,
            RoleArg::Expert => Self::Expert,
        }
    }
}

#[derive(Debug, Args)]
pub struct UserListArgs {
    /// Format de sortie (json : un tableau de comptes).
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Debug, Args)]
pub struct UserEmailArgs {
    /// Le courriel du compte.
    pub email: String,
}
