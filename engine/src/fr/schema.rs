//! The record checks: what a field or a record of an import gets wrong.

use std::fmt::Display;

/// A record that is not a JSON object.
pub fn not_an_object(found: &str) -> String {
    format!("une fiche doit être un objet JSON, trouvé : {found}")
}
/// An expert or need without any language.
pub const NO_LANGUAGE: &str = "au moins une langue est requise";
/// A record that passed the field checks but cannot be read (a defect).
pub fn unreadable(error: impl Display) -> String {
    format!("la fiche a passé les contrôles des champs mais ne peut pas être lue : {error}")
}
/// A JSON number, as a message describes what was found.
pub fn found_number(n: impl Display) -> String {
    format!("le nombre {n}")
}
/// A JSON string, as a message describes what was found.
pub fn found_text(s: &str) -> String {
    format!("le texte « {s} »")
}
/// A JSON array, as a message describes what was found.
pub const FOUND_LIST: &str = "une liste";
/// A JSON object, as a message describes what was found.
pub const FOUND_OBJECT: &str = "un objet";
/// A field the record's kind does not have.
pub fn unknown_field(known: &str) -> String {
    format!("champ inconnu ; champs connus ici : {known}")
}
/// A required field missing.
pub const MISSING_FIELD: &str = "champ obligatoire manquant";
/// Expected: a boolean.
pub const EXPECTED_BOOL: &str = "true ou false";
/// Expected: an object.
pub const EXPECTED_OBJECT: &str = "un objet";
/// Expected: a period.
pub const EXPECTED_WINDOW: &str = "un objet {\"from\", \"to\"}";
/// Expected: a list.
pub const EXPECTED_LIST: &str = "une liste";
/// Expected: a country code.
pub const EXPECTED_COUNTRY: &str = "un code pays";
/// Expected: a département code.
pub const EXPECTED_DEPARTEMENT: &str = "un code de département en texte (\"09\", pas 9)";
/// Expected: a theme key.
pub const EXPECTED_THEME: &str = "une clé de thématique";
/// Expected: one of fixed words.
pub fn expected_one_of(words: &str) -> String {
    format!("l’un de : {words}")
}
/// An unknown country code.
pub fn unknown_country(s: &str) -> String {
    format!("« {s} » n’est pas un code pays ISO 3166-1 alpha-2 (majuscules, par ex. CD, SN, FR)")
}
/// An unknown département code.
pub fn unknown_departement(s: &str) -> String {
    format!("« {s} » n’est pas un code de département français (par ex. 31, 2A, 974)")
}
/// An unknown theme, with the closest ones.
pub fn unknown_theme(s: &str, closest: &str) -> String {
    format!(
        "« {s} » n’est pas une thématique connue (une clé ou son libellé) ; les plus proches : {closest} (`explor reference themes` les liste)"
    )
}
/// A word that is not one of a fixed set.
pub fn not_one_of(s: &str, words: &str) -> String {
    format!("« {s} » n’est pas l’un de : {words}")
}
/// A language level that is not an object.
pub fn expected_language_level(found: &str) -> String {
    format!("attendu : {{\"code\", \"level\"}}, trouvé : {found}")
}
/// A field a language level does not have.
pub const UNKNOWN_LANGUAGE_FIELD: &str = "champ inconnu ; champs connus ici : code, level";
/// An unknown language code.
pub fn unknown_language(code: &str) -> String {
    format!("« {code} » n’est pas un code de langue ISO 639-1 (minuscules, par ex. fr, en, wo)")
}
/// A language code of the wrong type.
pub fn expected_language(found: &str) -> String {
    format!("attendu : un code de langue, trouvé : {found}")
}
/// A CEFR level of the wrong type.
pub fn expected_level(found: &str) -> String {
    format!("attendu : un niveau CECRL A1…C2, trouvé : {found}")
}
/// Said of a list item holding a `,`: the list was most likely separated with `,`.
pub const LIST_HINT: &str = " ; conseil : séparez les éléments d’une liste par \";\" (dechets;energie, fr:C2;en:B2), pas par \",\"";
/// A value of the wrong type.
pub fn expected(what: &str, found: &str) -> String {
    format!("attendu : {what}, trouvé : {found}")
}
/// Empty text.
pub const EMPTY: &str = "ne doit pas être vide";
/// Expected: text.
pub const EXPECTED_TEXT: &str = "du texte";
/// An id too long.
pub fn id_too_long(max: usize, len: usize) -> String {
    format!("un identifiant a au plus {max} caractères, celui-ci {len}")
}
/// An id with characters ids do not have (`quoted` is already in quotes).
pub fn not_an_id(quoted: &str) -> String {
    format!(
        "{quoted} n’est pas un identifiant : lettres, chiffres, '.', '_' et '-', en commençant par une lettre ou un chiffre (par ex. exp-0007)"
    )
}
/// Text in French quotes.
pub fn quoted(s: impl Display) -> String {
    format!("« {s} »")
}
/// Expected: an id.
pub const EXPECTED_ID: &str = "un identifiant (texte)";
/// A number outside its range.
pub fn out_of_range(n: impl Display, min: u64, max: u64) -> String {
    format!("{n} est hors de {min}…{max}")
}
/// Expected: a whole number.
pub const EXPECTED_COUNT: &str = "un nombre entier";
/// Expected: an amount.
pub const EXPECTED_MONEY: &str = "un montant en euros";
/// A negative amount.
pub fn negative_money(m: impl Display) -> String {
    format!("{m} € est négatif")
}
/// Expected: a date.
pub const EXPECTED_DATE: &str = "une date AAAA-MM-JJ";
/// A date not shaped `YYYY-MM-DD`.
pub fn date_shape(s: &str) -> String {
    format!("« {s} » n’est pas une date de la forme AAAA-MM-JJ")
}
/// A date that is not in the calendar.
pub fn not_a_calendar_date(s: &str) -> String {
    format!("« {s} » n’est pas une vraie date du calendrier")
}
/// A date outside the years a date may fall in.
pub fn date_years(s: &str, first: i32, last: i32) -> String {
    format!("« {s} » est hors des années {first} à {last}")
}
/// An employed expert without an employer.
pub fn employer_missing(status: &str) -> String {
    format!("un expert au statut « {status} » doit nommer un employeur")
}
/// An employed expert without consent.
pub const CONSENT_MISSING: &str =
    "salariés et agents publics ont besoin de l’accord de l’employeur (cadre et état)";
/// An employer given for someone who has none.
pub const EMPLOYER_NOT_EXPECTED: &str = "seuls les salariés et agents publics ont un employeur";
/// A département given for someone living abroad.
pub const DEPARTEMENT_ABROAD: &str =
    "un département ne se donne que pour les experts résidant en France";
/// A consent that ends before it starts.
pub fn consent_reversed(from: impl Display, to: impl Display) -> String {
    format!("l’accord finit ({to}) avant de commencer ({from})")
}
/// A need's duration out of range.
pub fn duration_out_of_range(min: u64, max: u64, days: u64) -> String {
    format!("une mission dure de {min} à {max} jours, pas {days}")
}
/// A need's window shorter than its duration.
pub fn window_too_short(window: &str, len: u32, days: u64) -> String {
    format!("la période {window} a {len} jours, moins que duration_days = {days}")
}
/// A reciprocity need outside France.
pub const RECIPROCITY_ABROAD: &str =
    "une mission de réciprocité a lieu dans la région : country doit être FR";
/// A standard need in France.
pub const STANDARD_IN_FRANCE: &str = "une mission standard a lieu à l’étranger : utilisez kind \"reciprocity\" pour une mission en France";
/// `expert_origin` on a standard need.
pub const ORIGIN_NOT_RECIPROCITY: &str =
    "expert_origin ne s’applique qu’aux besoins de réciprocité";
