//! The reasons of the eligibility gates.

use crate::scoring::Gate;

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
    format!("aucune disponibilité ({availability}) ne recoupe la période du besoin {need_window}")
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
    format!("réside : {country} ; les missions standard prennent des experts résidant en France")
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

/// A gate's name for people.
pub const fn label(gate: Gate) -> &'static str {
    match gate {
        Gate::Consent => "accord de l'employeur",
        Gate::Availability => "disponibilité",
        Gate::Language => "langues",
        Gate::Duration => "durée",
        Gate::Home => "lieu de résidence",
        Gate::TravelAdvice => "conseils aux voyageurs",
        Gate::Headcount => "places de l'offre",
        Gate::Countries => "pays de l'offre",
    }
}
