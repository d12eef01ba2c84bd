//! The French text catalogue: every sentence explor writes for a person about matching,
//! batches and missions, in one place.
//!
//! Scoring, gates and views call these functions instead of writing sentences inline,
//! so the wording is reviewed (and changed) here only. Ids and keys that scripts read
//! (`travel_advice`, `terms_drafted`, JSON keys) are not text and stay where they are.
//! Typed errors keep their message on their `#[error]` attribute, in French too.
//!
//! One design decision: the functions take plain values (numbers, names already
//! looked up) and return `String`s, so the catalogue knows nothing of the records and
//! the engine's rules stay free of wording.
//!
//! ```
//! use explor_engine::fr;
//!
//! assert_eq!(fr::plural(1_u32, "jour", "jours"), "1 jour");
//! assert_eq!(fr::criteria::slack(3), "3 jours de marge autour des dates");
//! assert_eq!(fr::unbreakable_amounts("1 400 € et 50 %"), "1\u{202f}400\u{a0}€ et 50\u{a0}%");
//! ```

use chrono::NaiveDate;

use crate::values::DateWindow;

/// `n` followed by the singular or plural word (French: 0 and 1 take the singular).
pub fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n > 1 { many } else { one })
}

/// A day as French readers write it: `01/03/2027`.
pub fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A window: `01/03/2027–30/04/2027`.
pub fn window(w: &DateWindow) -> String {
    format!("{}–{}", date(w.from()), date(w.to()))
}

/// Windows joined by `, `.
pub fn windows(ws: &[DateWindow]) -> String {
    ws.iter().map(window).collect::<Vec<_>>().join(", ")
}

/// The explanations of the scoring criteria.
pub mod criteria {
    use super::plural;

    /// The candidate works in the need's theme.
    pub fn same_theme(theme: &str) -> String {
        format!("même thématique : {theme}")
    }
    /// One theme holds the other.
    pub fn parent_theme(theirs: &str, need: &str) -> String {
        format!("{theirs} englobe {need} ou y est inclus")
    }
    /// Neighbouring themes (same parent).
    pub fn sibling_theme(theirs: &str, need: &str) -> String {
        format!("{theirs} est une thématique voisine de {need}")
    }
    /// No theme close.
    pub fn no_theme(need: &str) -> String {
        format!("aucune thématique proche de {need}")
    }
    /// Skills in common, or none, with the text relevance.
    pub fn skills(matched: &[&str], relevance: f64) -> String {
        let rel = super::decimal1(relevance);
        if matched.is_empty() {
            format!("aucune compétence listée en commun ; pertinence du texte {rel}")
        } else {
            format!(
                "compétences en commun : {} ; pertinence du texte {rel}",
                matched.join(", ")
            )
        }
    }
    /// Experience (or an offer's preference) of the need's country.
    pub fn same_country(is_offer: bool, country: &str) -> String {
        if is_offer {
            format!("pays visé par l’offre : {country}")
        } else {
            format!("a travaillé dans le pays : {country}")
        }
    }
    /// Experience of a country of the need's sub-region.
    pub fn same_subregion(is_offer: bool, country: &str, subregion: &str) -> String {
        if is_offer {
            format!("pays visé par l’offre : {country} (même sous-région : {subregion})")
        } else {
            format!("a travaillé dans la sous-région : {country} ({subregion})")
        }
    }
    /// No experience nearby.
    pub fn no_country(country: &str) -> String {
        format!("aucune expérience de {country} ni de sa sous-région")
    }
    /// Slack around the dates.
    pub fn slack(days: u32) -> String {
        format!(
            "{} de marge autour des dates",
            plural(days, "jour", "jours")
        )
    }
    /// Missions done with the network.
    pub fn missions_done(n: u32) -> String {
        format!(
            "{} avec le réseau",
            plural(n, "mission réalisée", "missions réalisées")
        )
    }
    /// An offer has no record of missions.
    pub const OFFER_EXPERIENCE: &str = "offre d’entreprise : expérience non renseignée";
    /// Rotation: how often lately.
    pub fn rotation(n: u32, days: u32) -> String {
        format!(
            "proposé ou retenu {} sur les {days} derniers jours",
            plural(n, "fois", "fois")
        )
    }
    /// A required language spoken above the level.
    pub fn above_required(code: &str, spoken: &str, required: &str) -> String {
        format!("{code} {spoken} ({required} requis)")
    }
    /// Required levels met, not exceeded.
    pub const LEVELS_EXACT: &str = "niveaux requis tout juste atteints";
    /// A preferred language spoken.
    pub fn preferred_spoken(code: &str, level: &str) -> String {
        format!("parle {code} {level} (souhaité)")
    }
    /// A preferred language spoken below the level wished.
    pub fn preferred_partly(code: &str, level: &str, wished: &str) -> String {
        format!("un peu de {code} ({level}, {wished} souhaité)")
    }
    /// No preferred language.
    pub const NO_PREFERRED: &str = "aucune langue souhaitée parlée";
}

/// The reasons of the eligibility gates.
pub mod gates {
    /// A required language not spoken well enough.
    pub fn language_low(code: &str, required: &str, spoken: &str) -> String {
        format!("{code} {required} requis, parle {spoken}")
    }
    /// A required language not spoken.
    pub fn language_missing(code: &str, required: &str) -> String {
        format!("{code} {required} requis, non parlé")
    }
    /// No availability overlaps the need's window.
    pub fn no_overlap(availability: &str, need_window: &str) -> String {
        format!(
            "aucune disponibilité ({availability}) ne recoupe la période du besoin {need_window}"
        )
    }
    /// Bookings take every free run.
    pub fn booked(days: u32, busy: &str) -> String {
        format!("chaque période libre de {days} jours tombe sur une mission déjà prévue ({busy})")
    }
    /// Overlaps too short.
    pub fn too_short(longest: u32, days: u32) -> String {
        format!(
            "le plus long recoupement avec la période du besoin est de {longest} jours ; la mission en demande {days}"
        )
    }
    /// Consent not valid long enough over the dates.
    pub fn consent_dates(from: &str, to: &str, days: u32, earliest: &str) -> String {
        format!(
            "l’accord de l’employeur vaut du {from} au {to} : aucune période libre de {days} jours n’y tient (sinon au plus tôt {earliest})"
        )
    }
    /// Travel advice unknown.
    pub fn advice_unknown(country: &str, list_date: &str) -> String {
        format!(
            "avis aux voyageurs inconnu : {country} n’est pas dans la liste explor du {list_date} ; consulter France Diplomatie avant de proposer"
        )
    }
    /// Destination formally advised against.
    pub fn advice_red(country: &str, list_date: &str) -> String {
        format!(
            "destination formellement déconseillée : {country} (Conseils aux voyageurs, relevé du {list_date})"
        )
    }
    /// Parts of the country advised against.
    pub fn advice_partial(country: &str, note: Option<&str>) -> String {
        format!(
            "des zones de {country} sont formellement déconseillées ({}) : vérifier la région de la mission",
            note.unwrap_or("voir Conseils aux voyageurs")
        )
    }
    /// The expert's longest mission is shorter.
    pub fn too_long(days: u32, max: u32) -> String {
        format!("la mission dure {days} jours ; accepte au plus {max} jours")
    }
    /// Consent pending, let through on request.
    pub const CONSENT_STILL_PENDING: &str = "l’accord de l’employeur est encore en attente";
    /// Consent pending.
    pub const CONSENT_PENDING: &str = "l’accord de l’employeur est en attente";
    /// Consent refused.
    pub const CONSENT_REFUSED: &str = "l’employeur a refusé son accord";
    /// Consent wrongly recorded as not required.
    pub const CONSENT_NOT_REQUIRED: &str = "salariés et agents publics ont besoin de l’accord de leur employeur ; il est noté « non requis »";
    /// Standard needs take experts living in France.
    pub fn home_abroad(country: &str) -> String {
        format!(
            "réside : {country} ; les missions standard prennent des experts résidant en France"
        )
    }
    /// Outside the network's region.
    pub fn outside_region(departement: &str) -> String {
        format!("réside dans le département {departement}, hors de la région du réseau")
    }
    /// Département unknown.
    pub const NO_DEPARTEMENT: &str =
        "département non renseigné : impossible de dire s’il réside dans la région";
    /// Reciprocity needs bring experts from abroad.
    pub const RECIPROCITY_FROM_FRANCE: &str =
        "réside en France : les missions de réciprocité font venir un expert de l’étranger";
    /// Reciprocity from another country.
    pub fn wrong_origin(wanted: &str, home: &str) -> String {
        format!("le besoin demande un expert venant de : {wanted} ; réside : {home}")
    }
    /// An offer's window too short over the need's.
    pub fn offer_window_short(offer: &str, shared: u32, days: u32) -> String {
        format!(
            "la période de l’offre {offer} n’a que {shared} jours en commun avec celle du besoin ; la mission en demande {days}"
        )
    }
    /// An offer's window outside the need's.
    pub fn offer_window_apart(offer: &str, need: &str) -> String {
        format!("la période de l’offre {offer} ne recoupe pas celle du besoin {need}")
    }
    /// The offer's longest mission is shorter.
    pub fn offer_too_long(days: u32, max: u32) -> String {
        format!("la mission dure {days} jours ; l’offre en permet au plus {max}")
    }
    /// Company staff live in France.
    pub const OFFER_RECIPROCITY: &str = "le personnel d’une entreprise réside en France ; les missions de réciprocité font venir un expert de l’étranger";
    /// The offer is fully staffed.
    pub fn headcount(n: u32) -> String {
        format!("les {n} missions de l’offre sont déjà pourvues")
    }
    /// The need's country is not among the offer's.
    pub fn offer_countries(offer: &str, need: &str) -> String {
        format!("l’offre vise {offer} ; le besoin est : {need}")
    }
}

/// `text` with the spaces inside and after amounts made unbreakable, as French
/// typography wants: a narrow no-break space (U+202F) between groups of three digits
/// (`1 400`), a no-break space (U+00A0) between a number and `€`, `%` or `‰`. Other
/// spaces (a phone number's pairs, words) are left alone.
pub fn unbreakable_amounts(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut out = String::with_capacity(text.len() + 16);
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' && i > 0 && digit(i - 1) {
            if matches!(chars.get(i + 1), Some('€' | '%' | '‰')) {
                out.push('\u{a0}');
                continue;
            }
            if digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4) {
                out.push('\u{202f}');
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// A number with one decimal and a decimal comma: `12,5`.
pub fn decimal1(x: f64) -> String {
    format!("{x:.1}").replace('.', ",")
}

/// A number with two decimals and a decimal comma: `1669,33`.
pub fn decimal2(x: f64) -> String {
    format!("{x:.2}").replace('.', ",")
}

/// The batch run as coordinators read it: summary, sections, reasons.
pub mod batch {
    use super::{decimal1, decimal2, plural};

    /// What a run covers.
    pub fn scope(call: Option<&str>) -> String {
        match call {
            Some(call) => format!("appel {call}"),
            None => "tous les besoins".to_owned(),
        }
    }
    /// The coverage in one sentence: `18 besoins couverts sur 21, …`.
    pub fn coverage(covered: usize, needs: usize, filled: u64, wanted: u64, score: f64) -> String {
        format!(
            "{covered} {} sur {needs}, {filled} {} sur {wanted}, score total {}",
            if covered > 1 {
                "besoins couverts"
            } else {
                "besoin couvert"
            },
            if filled > 1 {
                "places pourvues"
            } else {
                "place pourvue"
            },
            decimal2(score)
        )
    }
    /// The one-line summary: `affectation groupée, appel X : …`.
    pub fn summary(scope: &str, coverage: &str) -> String {
        format!("affectation groupée, {scope} : {coverage}")
    }
    /// The run's settings, after the summary.
    pub fn settings(top_k: usize, min_score: f64) -> String {
        let top = format!("les {top_k} meilleurs candidats par besoin");
        if min_score > 0.0 {
            format!("{top}, score minimum {}", decimal1(min_score))
        } else {
            top
        }
    }
    /// How the problem split.
    pub fn parts(n: usize) -> String {
        plural(n as u64, "partie indépendante", "parties indépendantes")
    }
    /// `(offre)` after a company offer's id.
    pub const OFFER: &str = " (offre)";
    /// How a pinned assignment is marked, after its candidate.
    pub const PINNED: &str = " (épinglée)";
    /// Places filled of a partly served need.
    pub fn filled(filled: u32, wanted: u32) -> String {
        format!("{filled} sur {wanted}")
    }
    /// Nobody is even near.
    pub const NOBODY_NEAR: &str = "aucun candidat éligible, et aucun expert ni offre n’en approche";
    /// The nearest excluded follow.
    pub const NEAREST: &str = "aucun candidat éligible ; les plus proches :";
    /// The best is below the minimum score.
    pub fn below_min(best: &str, score: f64, min: f64) -> String {
        format!(
            "le meilleur candidat éligible, {best}, a un score de {}, sous le minimum {}",
            decimal1(score),
            decimal1(min)
        )
    }
    /// `et N autres`.
    pub fn more(n: usize) -> String {
        format!("et {n} autres")
    }
    /// Every eligible candidate went elsewhere.
    pub fn taken(list: &str) -> String {
        format!("chaque candidat éligible est affecté à un autre besoin : {list}")
    }
    /// The coordinator excluded everyone.
    pub const ALL_EXCLUDED: &str = "chaque candidat a été écarté par la coordination";
    /// An alternate is free.
    pub const FREE: &str = "libre";
    /// An alternate's company has no quota left.
    pub const QUOTA_USED: &str = "quota de l’entreprise épuisé";
    /// An alternate taken by others.
    pub fn taken_by(by: &str) -> String {
        format!("pris par {by}")
    }
    /// A blocker held by a company's quota.
    pub fn quota_of(company: &str) -> String {
        format!("quota de {company}")
    }
    /// After `--commit`.
    pub fn committed(ids: &[&str]) -> String {
        format!(
            "enregistré : {} ({}), état « proposée », personnes réservées",
            plural(ids.len() as u64, "mission créée", "missions créées"),
            if ids.is_empty() {
                "aucune".to_owned()
            } else {
                ids.join(", ")
            }
        )
    }
    /// After `--out`.
    pub fn written(summary: &str, path: &str) -> String {
        format!("{summary} ; rapport écrit dans {path}")
    }
}

/// Titles and column headers of the tables people read (CSV for scripts keeps its keys).
pub mod headers {
    /// A batch's sections: (key, title).
    pub const ASSIGNMENTS: &str = "Affectations";
    /// Unserved needs.
    pub const UNSERVED: &str = "Besoins non pourvus";
    /// Partly served needs.
    pub const PARTLY_SERVED: &str = "Besoins pourvus en partie";
    /// Travel advice.
    pub const TRAVEL_ADVICE: &str = "Conseils aux voyageurs";
    /// Alternates.
    pub const ALTERNATES: &str = "Suppléants";
    /// A batch's assignments.
    pub const BATCH_ASSIGNMENTS: [&str; 6] = [
        "besoin",
        "candidat",
        "score",
        "dates",
        "pourquoi",
        "à vérifier",
    ];
    /// A batch's unserved needs.
    pub const BATCH_UNSERVED: [&str; 2] = ["besoin", "pourquoi"];
    /// A batch's partly served needs.
    pub const BATCH_PARTLY: [&str; 2] = ["besoin", "places pourvues"];
    /// A batch's travel advice.
    pub const BATCH_ADVICE: [&str; 2] = ["besoin", "note"];
    /// A batch's alternates.
    pub const BATCH_ALTERNATES: [&str; 3] = ["besoin", "premier suppléant", "second suppléant"];
    /// A score's breakdown.
    pub const BREAKDOWN: [&str; 4] = ["critère", "points", "poids %", "pourquoi"];
    /// Ranked candidates (the second column is `candidat` or `besoin`).
    pub const RANKED: [&str; 7] = [
        "#",
        "candidat",
        "nom",
        "score",
        "dates",
        "pourquoi",
        "à vérifier",
    ];
    /// Excluded candidates.
    pub const EXCLUDED: [&str; 3] = ["id", "nom", "pourquoi pas"];
    /// Missions listed.
    pub const MISSIONS: [&str; 5] = ["mission", "besoin", "qui", "dates", "état"];
    /// A mission's log.
    pub const LOG: [&str; 4] = ["#", "le", "quoi", "note"];
    /// A record's fields.
    pub const FIELDS: [&str; 2] = ["champ", "valeur"];
    /// Search hits.
    pub const HITS: [&str; 5] = ["id", "type", "nom", "thématiques", "score"];
    /// `list associations`.
    pub const ASSOCIATIONS: [&str; 6] = [
        "id",
        "nom",
        "dépt",
        "membre",
        "années de terrain",
        "mécénat",
    ];
    /// `list experts`.
    pub const EXPERTS: [&str; 8] = [
        "id",
        "nom",
        "statut",
        "employeur",
        "domicile",
        "thématiques",
        "langues",
        "accord",
    ];
    /// `list offers`.
    pub const OFFERS: [&str; 6] = [
        "id",
        "entreprise",
        "intitulé",
        "places",
        "période",
        "thématiques",
    ];
    /// `list needs`.
    pub const NEEDS: [&str; 8] = [
        "id",
        "association",
        "appel",
        "type",
        "lieu",
        "thématique",
        "période",
        "jours",
    ];
}

/// Records: kinds, imports, the store and index check.
pub mod records {
    /// A record id that names a person erased at their request.
    pub fn erased_id(id: &str, on: &str) -> String {
        format!("« {id} » a été effacé·e le {on} à sa demande (RGPD)")
    }
    use crate::RecordKind;

    /// A kind of record, singular or plural, in French.
    pub fn kind(kind: RecordKind, n: usize) -> &'static str {
        match (kind, n > 1) {
            (RecordKind::Association, false) => "association",
            (RecordKind::Association, true) => "associations",
            (RecordKind::Expert, false) => "expert",
            (RecordKind::Expert, true) => "experts",
            (RecordKind::Offer, false) => "offre",
            (RecordKind::Offer, true) => "offres",
            (RecordKind::Need, false) => "besoin",
            (RecordKind::Need, true) => "besoins",
        }
    }
    /// A kind of record with its article: `un besoin`, `une offre`.
    pub fn article(kind: RecordKind) -> &'static str {
        match kind {
            RecordKind::Association => "une association",
            RecordKind::Expert => "un expert",
            RecordKind::Offer => "une offre",
            RecordKind::Need => "un besoin",
        }
    }
    /// An expert's status, in French.
    pub fn status(s: crate::ExpertStatus) -> &'static str {
        use crate::ExpertStatus;
        match s {
            ExpertStatus::Employee => "salarié·e d'entreprise",
            ExpertStatus::PublicAgent => "agent·e public·que",
            ExpertStatus::Independent => "indépendant·e",
            ExpertStatus::Retired => "retraité·e",
        }
    }
    /// Counts of one import.
    pub fn counts(added: usize, updated: usize, unchanged: usize) -> String {
        format!("{added} ajoutée(s), {updated} mise(s) à jour, {unchanged} inchangée(s)")
    }
    /// The import's total line.
    pub fn imported(counts: &str) -> String {
        format!("importé : {counts}")
    }
    /// Yes or no.
    pub fn yes_no(b: bool) -> &'static str {
        if b { "oui" } else { "non" }
    }
    /// The store's line of `check`.
    pub fn store(generation: u64, documents: usize) -> String {
        format!("base : génération {generation}, {documents} experts et offres")
    }
    /// The index's line of `check`.
    pub fn index(generation: &str, documents: usize) -> String {
        format!("index : génération {generation}, {documents} documents")
    }
    /// An unknown generation.
    pub const UNKNOWN: &str = "inconnue";
    /// A record missing from the index.
    pub fn missing_from_index(id: &str) -> String {
        format!("absent de l’index : {id}")
    }
    /// A document in the index only.
    pub fn extra_in_index(id: &str) -> String {
        format!("dans l’index mais pas dans la base : {id}")
    }
    /// A damaged index file.
    pub fn damaged_file(file: &str) -> String {
        format!("fichier d’index endommagé (altéré ou tronqué) : {file}")
    }
    /// Everything agrees.
    pub const AGREE: &str = "la base et l’index concordent";
    /// `check` fails: damage.
    pub const DAMAGED: &str = "l’index de recherche est endommagé : lancez `explor reindex`";
    /// `check` fails: disagreement.
    pub const DISAGREE: &str = "la base et l’index ne concordent pas : lancez `explor reindex`";
    /// After `reindex`.
    pub fn reindexed(n: usize) -> String {
        format!("index de recherche reconstruit : {n} documents")
    }
}

/// A need's candidates, as `explor match` and a need's page say them.
pub mod matching {
    /// The need in one line: `id — title (city, country), 10 jours entre … et …`.
    pub fn heading(id: &str, title: &str, place: &str, days: u32, window: &str) -> String {
        format!("{id} — {title} ({place}), {days} jours dans la période {window}")
    }
    /// Places already staffed by missions.
    pub fn staffed(people: u32, wanted: u32, missions: &str) -> String {
        format!("{people} des {wanted} expert(s) souhaité(s) partent déjà, avec {missions}")
    }
}

/// Missions: the states' labels, and how a typed label is read back.
pub mod mission {
    use crate::mission::State;

    /// A state's label, as people read it (`termes rédigés`).
    pub const fn state(s: State) -> &'static str {
        match s {
            State::Proposed => "proposée",
            State::TermsDrafted => "termes rédigés",
            State::Agreed => "convenue",
            State::Trained => "formée",
            State::InField => "sur le terrain",
            State::Returned => "revenue",
            State::Debriefed => "bilan fait",
            State::Closed => "clôturée",
            State::Cancelled => "annulée",
        }
    }

    /// Lower case, accents and apostrophes folded, spaces and `_`/`-` as one space: how
    /// a label typed on a command line is compared (`Termes_redigés` = `termes rédigés`).
    pub fn folded(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.trim().chars().flat_map(char::to_lowercase) {
            let c = match c {
                'à' | 'â' | 'ä' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'î' | 'ï' => 'i',
                'ô' | 'ö' => 'o',
                'ù' | 'û' | 'ü' => 'u',
                'ç' => 'c',
                '_' | '-' | '\u{a0}' | '\u{202f}' => ' ',
                c => c,
            };
            if c == ' ' && out.ends_with(' ') {
                continue;
            }
            out.push(c);
        }
        out
    }

    /// Who staffs an offer's mission.
    pub fn offer_staff(offer: &str) -> String {
        format!("un·e salarié·e de l’offre {offer}")
    }
    /// An erased person, with the day.
    pub fn erased_on(id: &str, on: &str) -> String {
        format!("{id} : effacé·e le {on} à sa demande (RGPD)")
    }
    /// An erased person.
    pub fn erased(id: &str) -> String {
        format!("{id} (effacé·e)")
    }
    /// A person no longer on file.
    pub fn gone(id: &str) -> String {
        format!("{id} : plus dans les fichiers")
    }
    /// An offer's employee, to be named.
    pub fn offer_employee(company: &str, offer: &str) -> String {
        format!("un·e salarié·e de {company} (offre {offer}), à nommer par l’entreprise")
    }
    /// An offer no longer on file.
    pub fn offer_gone(offer: &str) -> String {
        format!("offre {offer} (plus dans les fichiers)")
    }
    /// A mission's dates and length.
    pub fn dates(window: &str, days: u32) -> String {
        format!("{window} ({})", super::plural(days, "jour", "jours"))
    }
    /// The rows of a mission's sheet.
    pub const ROWS: [&str; 10] = [
        "mission",
        "besoin",
        "association",
        "qui",
        "dates",
        "lieu",
        "état",
        "suite possible",
        "liste de contrôle",
        "qui paie",
    ];
    /// A checklist item recorded.
    pub fn recorded_on(item: &str, key: &str, on: &str) -> String {
        format!("{item} ({key}) : enregistré le {on}")
    }
    /// A checklist item not yet recorded.
    pub fn not_yet(item: &str, key: &str) -> String {
        format!("{item} ({key}) : pas encore")
    }
    /// The log's first event.
    pub const CREATED: &str = "créée (proposée)";
    /// A move in the log.
    pub fn moved(from: State, to: State) -> String {
        format!("« {} » → « {} »", state(from), state(to))
    }
    /// A record in the log.
    pub fn recorded(item: &str) -> String {
        format!("enregistré : {item}")
    }
    /// The association pays.
    pub const ASSOCIATION_PAYS: &str = "l’association paie le reste et les frais";
    /// The employer pays.
    pub const EMPLOYER_PAYS: &str = "l’employeur paie le reste et les frais";
    /// A split.
    pub fn split(percent: u32) -> String {
        format!("reste partagé : employeur {percent}\u{a0}%")
    }

    /// States named in a message: `« convenue » ou « annulée »`.
    pub fn states_or(states: &[State]) -> String {
        if states.is_empty() {
            return "aucun : la mission est terminée".into();
        }
        states
            .iter()
            .map(|s| format!("« {} » ({})", state(*s), s.as_str()))
            .collect::<Vec<_>>()
            .join(" ou ")
    }
}

/// What the command line says after a command, and its hints.
pub mod cli {
    /// A mission created.
    pub fn mission_created(id: &str, need: &str, dates: &str, state: &str, who: &str) -> String {
        format!("mission {id} créée pour {need} : {dates}, état « {state} » ; réservé(s) : {who}")
    }
    /// A flag to check.
    pub fn check(gate: &str, detail: &str) -> String {
        format!("  à vérifier [{gate}] : {detail}")
    }
    /// A mission moved.
    pub fn advanced(id: &str, state: &str, key: &str) -> String {
        format!("la mission {id} est maintenant « {state} » ({key})")
    }
    /// A checklist item recorded.
    pub fn recorded(id: &str, item: &str, state: &str) -> String {
        format!("{id} : {item} enregistré(e) (mission « {state} »)")
    }
    /// The cost plan heading.
    pub const COST_PLAN: &str = "plan de financement :";
    /// The cost plan cannot be computed.
    pub fn no_plan(why: &str) -> String {
        format!("plan de financement : impossible à calculer : {why}")
    }
    /// A note above a list.
    pub fn note(text: &str) -> String {
        format!("note : {text}")
    }
    /// The excluded, counted.
    pub fn excluded(n: usize) -> String {
        format!("\nexclus ({n}) :")
    }
    /// Candidates excluded for consent.
    pub fn consent_excluded(n: usize) -> String {
        format!(
            "note : {n} exclu(s) faute d’accord de l’employeur ; --include-pending laisse passer les accords en attente, signalés"
        )
    }
    /// Heading of `match --offer/--expert`.
    pub fn needs_for(who: &str, id: &str) -> String {
        format!("besoins que {who} ({id}) pourrait servir")
    }
    /// The needs it does not fit, counted.
    pub fn needs_unfit(n: usize) -> String {
        format!("\nbesoins qui ne lui conviennent pas ({n}) :")
    }
    /// `init` created a workspace.
    pub fn workspace_created(path: &str) -> String {
        format!("espace de travail créé : {path}")
    }
    /// `init` found one.
    pub fn workspace_exists(path: &str) -> String {
        format!("l’espace de travail {path} existe déjà ; rien n’a changé")
    }
    /// A document written.
    pub fn doc_written(kind: &str, id: &str, path: &str) -> String {
        format!("{kind} de {id} écrit dans {path}")
    }
}
