//! Mission documents: the words of the terms, the cost sheet and the people's details.

use std::fmt::Display;

/// A checklist item not yet done.
pub const TO_DO: &str = "à faire";

/// A reciprocity mission, as documents name its kind.
pub const KIND_RECIPROCITY: &str =
    "mission de réciprocité (un·e expert·e venu·e de l'étranger intervient en Occitanie)";

/// A mission abroad, as documents name its kind.
pub const KIND_STANDARD: &str = "mission d'expertise à l'étranger";

/// The association's years of field experience.
pub fn field_experience(ans: impl Display) -> String {
    format!("{ans} d'expérience de terrain")
}

/// What a partner provides: the lodging.
pub const LODGING: &str = "l'hébergement";

/// What a partner provides: travel on site.
pub const LOCAL_TRAVEL: &str = "les déplacements sur place";

/// A need without required languages.
pub const NO_LANGUAGE_REQUIRED: &str = "aucune langue exigée";

/// Travel advice of a country explor does not list.
pub const UNKNOWN_COUNTRY: &str = "inconnu : ce pays n’est pas dans la liste explor";

/// The log's first event.
pub const CREATED: &str = "mission créée (proposée)";

/// A cancelled mission, in the log.
pub const CANCELLED: &str = "mission annulée";

/// A move in the log.
pub fn moved(label_fr: impl Display, label_fr2: impl Display) -> String {
    format!("« {label_fr} » → « {label_fr2} »")
}

/// A record in the log.
pub fn recorded(label_fr: impl Display) -> String {
    format!("enregistré : {label_fr}")
}

/// The network's name, as a payer.
pub const NETWORK: &str = "Occitanie Coopération";

/// The network's share of the eligible costs.
pub fn network_share(
    network_share_bp: impl Display,
    network_cap_per_mission: impl Display,
) -> String {
    format!(
        "{network_share_bp} des frais éligibles, plafonnés à {network_cap_per_mission} par mission"
    )
}

/// What is left to pay.
pub fn remainder(remainder: impl Display) -> String {
    format!("reste à charge : {remainder}")
}

/// The patronage note when no employer takes part.
pub const NO_EMPLOYER: &str = "aucun employeur ne prend part à la mission.";

/// The patronage note when the employer is not a company.
pub const NOT_A_COMPANY: &str = "la réduction d'impôt au titre du mécénat (article 238 bis du CGI) concerne les entreprises ; l'employeur n'en est pas une.";

/// The patronage note when the employer gives nothing.
pub const NOTHING_GIVEN: &str =
    "l'employeur ne paie pas de part des frais et ne donne pas de temps de travail valorisé.";

/// The warning when the association cannot issue tax receipts.
pub fn no_tax_receipts(association: impl Display) -> String {
    format!(
        "L'association {association} n'est pas habilitée à délivrer des reçus fiscaux : la réduction d'impôt au titre du mécénat suppose un bénéficiaire d'intérêt général (à vérifier avant de s'engager)."
    )
}

/// An expert erased at their request.
pub const ERASED: &str = "expert·e effacé·e à sa demande (RGPD)";

/// An employer kind: a local authority.
pub const LOCAL_AUTHORITY: &str = "collectivité territoriale";

/// An employer kind: a public body.
pub const PUBLIC_BODY: &str = "établissement public";

/// A scheme: skills patronage.
pub const SCHEME_PATRONAGE: &str = "mécénat de compétences";

/// A scheme: solidarity leave.
pub const SCHEME_LEAVE: &str = "congé solidaire";

/// A scheme: secondment.
pub const SCHEME_SECONDMENT: &str = "mise à disposition";

/// No employer scheme.
pub const SCHEME_NONE: &str = "sans dispositif employeur";

/// Where an employer's consent stands, in words.
pub fn consent(s: crate::ConsentStatus) -> &'static str {
    match s {
        crate::ConsentStatus::Granted => CONSENT_GRANTED,
        crate::ConsentStatus::Pending => CONSENT_PENDING,
        crate::ConsentStatus::Refused => CONSENT_REFUSED,
        crate::ConsentStatus::NotRequired => CONSENT_NOT_REQUIRED,
    }
}

/// A consent granted.
pub const CONSENT_GRANTED: &str = "accord donné";

/// A consent asked for, pending.
pub const CONSENT_PENDING: &str = "accord demandé, en attente";

/// A consent refused.
pub const CONSENT_REFUSED: &str = "accord refusé";

/// A consent valid from a day.
pub fn valid_from(f: impl Display) -> String {
    format!("valable à partir du {f}")
}

/// Travel advice: the whole country is a red zone.
pub const ADVICE_RED: &str = "zone rouge : tout le pays est formellement déconseillé";

/// Travel advice: some regions are advised against.
pub const ADVICE_SOME_REGIONS: &str = "certaines régions du pays sont formellement déconseillées";

/// Travel advice: no region advised against.
pub const ADVICE_NONE: &str = "aucune région formellement déconseillée";

/// A volunteer without employer.
pub const VOLUNTEER: &str = "bénévolat, sans employeur";

/// People of an offer, in skills patronage.
pub fn offer_people(people_text: impl Display, title: impl Display) -> String {
    format!("{people_text}, en mécénat de compétences (offre « {title} »)")
}

/// People still to be named.
pub const TO_BE_NAMED: &str = "à désigner";

/// A consent still to formalise for each person named.
pub const CONSENT_TO_FORMALISE: &str = "accord à formaliser pour chaque personne désignée";

/// The people a company will name.
pub const PEOPLE_IT_NAMES: &str = "les personnes qu'elle désignera";

/// The person a company will name.
pub const PERSON_IT_NAMES: &str = "la personne qu'elle désignera";

/// People to be named by a company.
pub fn named_by(who: impl Display, company: impl Display) -> String {
    format!("{who} à désigner par {company}")
}

/// People to be named by an offer's company.
pub fn named_by_offer(who: impl Display, id: impl Display) -> String {
    format!("{who} à désigner par l'entreprise de l'offre {id}")
}

/// An employer not given.
pub const EMPLOYER_UNKNOWN: &str = "l'employeur (non renseigné)";

/// A checklist item done on a day.
pub fn done_on(d: impl Display) -> String {
    format!("fait le {d}")
}

/// Meals a day provided by the partner.
pub fn per_day(repas: impl Display) -> String {
    format!("{repas} par jour")
}

/// The host organisation.
pub const HOST: &str = "la structure d'accueil";

/// Of the host organisation.
pub const OF_HOST: &str = "de la structure d'accueil";

/// The local partner.
pub const LOCAL_PARTNER: &str = "le partenaire local";

/// Of the local partner.
pub const OF_LOCAL_PARTNER: &str = "du partenaire local";

/// The application fee.
pub fn fee(fee: impl Display) -> String {
    format!("frais de dossier : {fee}")
}

/// A period: from a day to another.
pub fn from_to(start: impl Display, to: impl Display) -> String {
    format!("du {start} au {to}")
}

/// A list's items, the last joined with `et`.
pub fn and_last(init: impl Display, last: impl Display) -> String {
    format!("{init} et {last}")
}

/// A consent not required.
pub const CONSENT_NOT_REQUIRED: &str = "accord non requis";

/// The association, as a payer.
pub fn the_association(association: impl Display) -> String {
    format!("l'association {association}")
}

/// The employer and the association, each with its share.
pub fn employer_and_association(
    employer: impl Display,
    employer_bp: impl Display,
    asso: impl Display,
    employer_bp2: impl Display,
) -> String {
    format!("{employer} ({employer_bp}) et {asso} ({employer_bp2})")
}

/// An offer, by its id.
pub fn offer(id: impl Display) -> String {
    format!("offre {id}")
}

/// The employers, as payers.
pub fn employers(names: impl Display) -> String {
    format!("les employeurs ({names})")
}

/// A number of days: `10 jours`, `1 jour`.
pub fn days(n: u32) -> String {
    super::plural(n, "jour", "jours")
}

/// A number of people: `2 personnes`.
pub fn people(n: u32) -> String {
    super::plural(n, "personne", "personnes")
}

/// An employer kind: a company.
pub const COMPANY: &str = "entreprise";
