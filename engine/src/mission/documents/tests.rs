//! Properties checked here:
//!
//! 1. Every document, for a Kinshasa mission (one public agent), an offer-staffed
//!    mission (a company names its employee later) and a reciprocity mission (an expert from
//!    Senegal in Albi), renders in Markdown as its snapshot; the Kinshasa fiche also
//!    in HTML.
//! 2. No document carries a template artefact (`{{`, `{%`, `none`).
//! 3. An erased expert appears as the erased mention in every document, never by name.
//! 4. A cost plan that could not be computed is shown with its reason.
//! 5. An override with a syntax error, or with an undefined variable, is an error
//!    naming the file and line; an override of an unknown file is refused; a valid
//!    override replaces the embedded template.
//! 6. The HTML page is a French, UTF-8, printable page; raw HTML in imported text is
//!    shown as text, not injected.
//! 7. A dossier whose records do not belong to its mission is refused.
//! 8. Every document of every sample mission is French: no English word of a list,
//!    dates as `jj/mm/aaaa` (never ISO), amounts and percentages that cannot break
//!    across lines (no-break spaces between digit groups and before `€` and `%`).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::json;

use super::*;
use crate::cost::{CostError, CostRules, RemainderPayer};
use crate::mission::{Item, MissionFile, State};
use crate::values::DateWindow;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

pub(super) fn need_kinshasa() -> Need {
    serde_json::from_value(json!({
        "id": "need-kin-dechets",
        "association": "asso-eau-vive",
        "call": "2027-printemps",
        "kind": "standard",
        "title": "Diagnostic de la filière déchets d'un quartier de Kinshasa",
        "description": "Typologie des déchets, quantités, possibilités locales de valorisation : l'ONG Kin Propre a besoin d'un diagnostic complet avant de structurer une filière de gestion des déchets dans un quartier de la commune de Limete.",
        "theme": "dechets",
        "skills": ["diagnostic déchets", "caractérisation", "valorisation"],
        "country": "CD",
        "city": "Kinshasa",
        "languages": [{"code": "fr", "level": "B2"}],
        "preferred_languages": [{"code": "ln", "level": "A2"}],
        "window": {"from": "2027-03-01", "to": "2027-05-31"},
        "duration_days": 10,
        "objectives": [
            "Caractériser les flux de déchets du quartier",
            "Identifier les filières locales de valorisation"
        ],
        "deliverables": ["Rapport de diagnostic", "Restitution aux acteurs locaux"],
        "local_partner": {
            "name": "ONG Kin Propre",
            "provides_lodging": true,
            "provides_field_transport": true,
            "meals_provided_per_day": 0
        }
    }))
    .unwrap()
}

fn eau_vive() -> Association {
    serde_json::from_value(json!({
        "id": "asso-eau-vive",
        "name": "Eau Vive Occitanie",
        "department": "31",
        "field_experience_years": 8,
        "mecenat_eligible": true,
        "contact": {
            "name": "Jeanne Roux",
            "email": "contact@eauvive.example",
            "phone": "+33 5 61 00 00 00"
        }
    }))
    .unwrap()
}

fn helene() -> Expert {
    serde_json::from_value(json!({
        "id": "exp-0007",
        "name": "Hélène Bousquet",
        "email": "helene.bousquet@example.org",
        "home": {"country": "FR", "department": "31", "city": "Muret"},
        "status": "public_agent",
        "employer": {
            "id": "ca-muretain",
            "name": "Communauté d'agglomération Le Muretain Agglo",
            "kind": "local_authority"
        },
        "consent": {
            "scheme": "mise_a_disposition",
            "status": "granted",
            "valid_from": "2027-01-01",
            "valid_to": "2027-12-31"
        },
        "themes": ["dechets"],
        "skills": ["diagnostic déchets", "caractérisation", "valorisation"],
        "languages": [{"code": "fr", "level": "C2"}, {"code": "ln", "level": "A2"}],
        "countries": ["CD"],
        "availability": [{"from": "2027-03-01", "to": "2027-05-31"}],
        "max_mission_days": 15,
        "daily_cost_eur": 290
    }))
    .unwrap()
}

fn need_solar() -> Need {
    serde_json::from_value(json!({
        "id": "need-bf-solaire-villages",
        "association": "asso-soleil-partage",
        "call": "2027-printemps",
        "kind": "standard",
        "title": "Électrification solaire de trois villages de l'Oubritenga",
        "description": "Trois villages proches de Ziniaré ne sont pas raccordés au réseau national. Le partenaire souhaite dimensionner un mini-réseau photovoltaïque par village.",
        "theme": "energie",
        "skills": ["photovoltaïque", "mini-réseaux", "dimensionnement solaire"],
        "country": "BF",
        "city": "Ziniaré",
        "languages": [{"code": "fr", "level": "B2"}],
        "window": {"from": "2027-02-15", "to": "2027-05-15"},
        "duration_days": 12,
        "experts_wanted": 2,
        "objectives": [
            "Dimensionner un mini-réseau pour chaque village",
            "Former deux électriciens locaux à la maintenance de premier niveau"
        ],
        "deliverables": [
            "Note de dimensionnement et devis estimatif",
            "Plan de maintenance",
            "Support de formation"
        ],
        "local_partner": {
            "name": "Association Lumière pour Tous (ALT)",
            "provides_lodging": true,
            "provides_field_transport": true,
            "meals_provided_per_day": 2
        }
    }))
    .unwrap()
}

fn soleil_partage() -> Association {
    serde_json::from_value(json!({
        "id": "asso-soleil-partage",
        "name": "Soleil Partagé",
        "department": "82",
        "field_experience_years": 6,
        "mecenat_eligible": true,
        "contact": {"name": "Agathe Mouysset", "email": "bureau@soleil-partage.example"}
    }))
    .unwrap()
}

fn elec_sud() -> Offer {
    serde_json::from_value(json!({
        "id": "off-elec-2027",
        "company": {"id": "co-elec-sud", "name": "Élec Sud", "turnover_eur": 45000000},
        "title": "Électrification rurale solaire",
        "description": "Nos techniciens conçoivent des mini-réseaux photovoltaïques pour des villages isolés.",
        "themes": ["energie"],
        "skills": ["photovoltaïque", "mini-réseaux", "génie électrique"],
        "languages": [{"code": "fr", "level": "C2"}],
        "experts": ["exp-0101", "exp-0102"],
        "headcount": 3,
        "window": {"from": "2027-02-01", "to": "2027-06-30"},
        "max_mission_days": 12,
        "covers_remaining_costs": true
    }))
    .unwrap()
}

fn need_albi() -> Need {
    serde_json::from_value(json!({
        "id": "need-rec-albi-ecm",
        "association": "asso-tarn-senegal",
        "call": "2027-automne",
        "kind": "reciprocity",
        "title": "Une pédagogue sénégalaise dans les collèges albigeois",
        "description": "Dans le cadre de son programme d'éducation à la citoyenneté mondiale, l'association souhaite accueillir une experte de l'éducation sénégalaise dans quatre collèges d'Albi et du Carmausin.",
        "theme": "education",
        "skills": ["éducation à la citoyenneté", "formation d'enseignants"],
        "country": "FR",
        "city": "Albi",
        "expert_origin": "SN",
        "languages": [{"code": "fr", "level": "C1"}],
        "window": {"from": "2027-11-08", "to": "2027-12-10"},
        "duration_days": 10,
        "objectives": [
            "Animer des interventions dans quatre collèges",
            "Co-animer une formation d'enseignants"
        ],
        "deliverables": ["Compte rendu des interventions", "Dossier pédagogique partagé"],
        "local_partner": {
            "name": "Collège Bellevue d'Albi",
            "provides_lodging": true,
            "provides_field_transport": true,
            "meals_provided_per_day": 1
        }
    }))
    .unwrap()
}

fn tarn_senegal() -> Association {
    serde_json::from_value(json!({
        "id": "asso-tarn-senegal",
        "name": "Tarn Sénégal Partage",
        "department": "81",
        "field_experience_years": 14,
        "mecenat_eligible": false,
        "contact": {"name": "Abdoulaye Gueye", "phone": "+33 5 63 00 00 17"}
    }))
    .unwrap()
}

fn aminata() -> Expert {
    serde_json::from_value(json!({
        "id": "exp-0089",
        "name": "Aminata Sow",
        "home": {"country": "SN", "city": "Thiès"},
        "status": "retired",
        "themes": ["education_base"],
        "skills": ["formation d'enseignants", "éducation à la citoyenneté"],
        "languages": [{"code": "fr", "level": "C2"}, {"code": "wo", "level": "C2"}],
        "countries": ["SN", "FR"],
        "availability": [{"from": "2027-11-01", "to": "2027-12-20"}],
        "max_mission_days": 15
    }))
    .unwrap()
}

/// A mission on `from`..`to`, created a few weeks before with a short log.
fn mission(
    id: &str,
    need: &Need,
    staff: Staff,
    from: &str,
    to: &str,
    payer: RemainderPayer,
) -> Mission {
    let dates = DateWindow::new(day(from), day(to)).unwrap();
    let mut m = Mission::new(
        id.to_owned(),
        need.id.clone(),
        staff,
        dates,
        payer,
        day("2027-01-15"),
        Some("proposée à l'issue de l'appel à projets".to_owned()),
    );
    let steps = [
        (State::TermsDrafted, "2027-01-22", None),
        (
            State::Agreed,
            "2027-02-01",
            Some("convention signée | version 2".to_owned()),
        ),
    ];
    for (to, on, note) in steps {
        let e = m.advance(to, day(on), note, &[]).unwrap();
        m.events.push(e);
    }
    let e = m.record(Item::Training, day("2027-02-12"), None).unwrap();
    m.events.push(e);
    m
}

/// The records of one dossier, owned, with its computed cost plan.
type Case = MissionFile;

fn new_case(
    mission: Mission,
    need: Need,
    association: Association,
    experts: Vec<(String, Option<Expert>)>,
    offer: Option<Offer>,
) -> Case {
    MissionFile::new(
        mission,
        need,
        association,
        experts,
        offer,
        CostRules::embedded(),
        &Reference::embedded(),
    )
}

fn render_case(case: &Case, kind: DocKind, format: DocFormat) -> String {
    render(
        kind,
        format,
        &case.dossier(),
        &Reference::embedded(),
        &Templates::embedded(),
    )
    .unwrap_or_else(|e| panic!("{kind}: {e}"))
}

pub(super) fn kinshasa() -> Case {
    kinshasa_with(need_kinshasa())
}

/// The Kinshasa mission's people and dates, for `need`.
pub(super) fn kinshasa_with(need: Need) -> Case {
    let staff = Staff::Experts {
        experts: vec!["exp-0007".to_owned()],
    };
    let m = mission(
        "mis-0001",
        &need,
        staff,
        "2027-03-01",
        "2027-03-10",
        RemainderPayer::Association,
    );
    new_case(
        m,
        need,
        eau_vive(),
        vec![("exp-0007".to_owned(), Some(helene()))],
        None,
    )
}

fn solar_offer() -> Case {
    let need = need_solar();
    let staff = Staff::Offer {
        offer: "off-elec-2027".to_owned(),
    };
    let m = mission(
        "mis-0002",
        &need,
        staff,
        "2027-03-15",
        "2027-03-26",
        RemainderPayer::Employer,
    );
    new_case(m, need, soleil_partage(), Vec::new(), Some(elec_sud()))
}

fn albi_reciprocity() -> Case {
    let need = need_albi();
    let staff = Staff::Experts {
        experts: vec!["exp-0089".to_owned()],
    };
    let m = mission(
        "mis-0003",
        &need,
        staff,
        "2027-11-15",
        "2027-11-24",
        RemainderPayer::Association,
    );
    new_case(
        m,
        need,
        tarn_senegal(),
        vec![("exp-0089".to_owned(), Some(aminata()))],
        None,
    )
}

fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name, text));
}

fn assert_clean(what: &str, text: &str) {
    for artefact in ["{{", "}}", "{%", "%}", "{#", "none", "None", "undefined"] {
        assert!(
            !text.contains(artefact),
            "{what} contains {artefact:?}:\n{text}"
        );
    }
}

fn snapshot_every_kind(case: &Case, prefix: &str) {
    for kind in DocKind::ALL {
        let md = render_case(case, kind, DocFormat::Markdown);
        assert_clean(&format!("{prefix} {kind}"), &md);
        snapshot(&format!("documents_{prefix}_{kind}"), &md);
    }
}

#[test]
fn kinshasa_documents_match_their_snapshots() {
    let case = kinshasa();
    snapshot_every_kind(&case, "kinshasa");
    let fiche = render_case(&case, DocKind::Fiche, DocFormat::Markdown);
    let head: Vec<&str> = fiche.lines().take(7).collect();
    assert_eq!(
        head,
        [
            "# Fiche de mission — Diagnostic de la filière déchets d'un quartier de Kinshasa",
            "",
            "- **Mission** : mis-0001 (convenue)",
            "- **Association** : Eau Vive Occitanie, Haute-Garonne (31)",
            "- **Pays** : République démocratique du Congo — Kinshasa",
            "- **Dates** : du 1er au 10 mars 2027 (10 jours)",
            "- **Expert(s)** : Hélène Bousquet, agent·e public·que, Communauté d'agglomération Le Muretain Agglo",
        ]
    );
}

#[test]
fn offer_documents_match_their_snapshots() {
    let case = solar_offer();
    snapshot_every_kind(&case, "offer");
    let budget = render_case(&case, DocKind::Budget, DocFormat::Markdown);
    assert!(budget.contains("Élec Sud"), "{budget}");
    assert!(budget.contains("Hypothèses"), "{budget}");
}

#[test]
fn a_destination_missing_from_the_travel_advice_list_is_said_unknown() {
    let livret_in = |country: &str| {
        let mut need = need_kinshasa();
        need.country = country.parse().unwrap();
        render_case(&kinshasa_with(need), DocKind::Livret, DocFormat::Markdown)
    };
    // Senegal is not in the list: unknown, never said safe.
    let unknown = livret_in("SN");
    assert!(
        unknown.contains("inconnu : ce pays n’est pas dans la liste explor"),
        "{unknown}"
    );
    assert!(unknown.contains("ne signifie pas que le pays est sûr"));
    let clear = livret_in("MG");
    assert!(
        clear.contains("aucune région formellement déconseillée"),
        "{clear}"
    );
    assert!(!clear.contains("ne signifie pas que le pays est sûr"));
}

#[test]
fn reciprocity_documents_match_their_snapshots() {
    let case = albi_reciprocity();
    snapshot_every_kind(&case, "reciprocity");
    let livret = render_case(&case, DocKind::Livret, DocFormat::Markdown);
    for number in ["15", "17", "18", "112"] {
        assert!(livret.contains(&format!("| {number} |")), "{number}");
    }
    assert!(livret.contains("france-visas.gouv.fr"));
    assert!(!livret.contains("Fil d'Ariane |"), "{livret}");
}

#[test]
fn html_fiche_is_a_printable_french_page() {
    let html = render_case(&kinshasa(), DocKind::Fiche, DocFormat::Html);
    assert!(
        html.starts_with("<!doctype html>\n<html lang=\"fr\">"),
        "{html}"
    );
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("<table>"));
    assert!(html.contains(
        "<title>Fiche de mission — Diagnostic de la filière déchets d&#x27;un quartier de Kinshasa</title>"
    ));
    let after_style = html.split("</style>").nth(1).unwrap();
    assert_clean("html fiche", after_style);
    snapshot("documents_kinshasa_fiche_html", &html);
}

#[test]
fn raw_html_in_imported_text_is_shown_not_injected() {
    let mut case = kinshasa();
    case.need.description = "Voir <script>alert(1)</script> et <b>ceci</b>.".to_owned();
    let html = render_case(&case, DocKind::Fiche, DocFormat::Html);
    assert!(
        !html.contains("<script>") && !html.contains("<b>"),
        "{html}"
    );
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
}

#[test]
fn erased_expert_is_named_by_the_mention_only() {
    let need = need_kinshasa();
    let staff = Staff::Experts {
        experts: vec!["exp-0007".to_owned()],
    };
    let m = mission(
        "mis-0001",
        &need,
        staff,
        "2027-03-01",
        "2027-03-10",
        RemainderPayer::Association,
    );
    let case = new_case(
        m,
        need,
        eau_vive(),
        vec![("exp-0007".to_owned(), None)],
        None,
    );
    for kind in DocKind::ALL {
        for format in DocFormat::TEXT {
            let text = render_case(&case, kind, format);
            assert!(
                text.contains("expert·e effacé·e à sa demande (RGPD)"),
                "{kind} {format}:\n{text}"
            );
            for name in ["Hélène", "Bousquet", "exp-0007", "Muretain"] {
                assert!(
                    !text.contains(name),
                    "{kind} {format} names {name}:\n{text}"
                );
            }
        }
    }
    let fiche = render_case(&case, DocKind::Fiche, DocFormat::Markdown);
    assert!(fiche.contains("- **Expert(s)** : expert·e effacé·e à sa demande (RGPD)\n"));
}

#[test]
fn a_plan_that_cannot_be_computed_shows_its_reason() {
    let mut case = kinshasa();
    case.plan = Err(CostError::NoPerDiemRate {
        country: "CD".parse().unwrap(),
    });
    for kind in [DocKind::Fiche, DocKind::Convention, DocKind::Budget] {
        let md = render_case(&case, kind, DocFormat::Markdown);
        assert!(
            md.contains("pas de taux de per diem pour CD"),
            "{kind}:\n{md}"
        );
        assert_clean(kind.as_str(), &md);
    }
    let budget = render_case(&case, DocKind::Budget, DocFormat::Markdown);
    assert!(budget.contains("**Plan de financement non calculé**"));
}

fn overrides(name: &str, text: &str) -> BTreeMap<String, String> {
    BTreeMap::from([(name.to_owned(), text.to_owned())])
}

#[test]
fn broken_override_is_an_error_naming_the_file_and_line() {
    let err = Templates::with_overrides(overrides(
        "fiche.md.j2",
        "# Fiche\n\n{% if mission.id %}\n{{ need.title\n",
    ))
    .unwrap_err();
    let DocumentError::Template { file, line, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(file, "fiche.md.j2");
    assert!(line.is_some(), "{err:?}");
    assert!(
        err.to_string().starts_with("modèle fiche.md.j2, ligne "),
        "{err}"
    );
}

#[test]
fn undefined_variable_in_override_is_an_error_naming_the_file_and_line() {
    let templates = Templates::with_overrides(overrides(
        "tdr.md.j2",
        "# TdR\n\nMission {{ mission.id }}\n{{ need.titel }}\n",
    ))
    .unwrap();
    let case = kinshasa();
    let err = render(
        DocKind::Tdr,
        DocFormat::Markdown,
        &case.dossier(),
        &Reference::embedded(),
        &templates,
    )
    .unwrap_err();
    assert_eq!(
        err,
        DocumentError::Template {
            file: "tdr.md.j2".to_owned(),
            line: Some(4),
            message: err_message(&err),
        }
    );
    assert!(err.to_string().contains("tdr.md.j2, ligne 4"), "{err}");
}

fn err_message(err: &DocumentError) -> String {
    match err {
        DocumentError::Template { message, .. } => message.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn override_of_an_unknown_file_is_refused() {
    let err = Templates::with_overrides(overrides("fiche.md", "x")).unwrap_err();
    assert_eq!(
        err,
        DocumentError::UnknownTemplate {
            name: "fiche.md".to_owned()
        }
    );
    assert!(err.to_string().contains("fiche.md.j2"), "{err}");
}

#[test]
fn override_replaces_the_embedded_template() {
    let templates = Templates::with_overrides(overrides(
        "fiche.md.j2",
        "Fiche {{ mission.id }} pour {{ association.name }}\n",
    ))
    .unwrap();
    assert_eq!(
        templates.source("fiche.md.j2"),
        Some("Fiche {{ mission.id }} pour {{ association.name }}\n")
    );
    let case = kinshasa();
    let render_with = |kind| {
        render(
            kind,
            DocFormat::Markdown,
            &case.dossier(),
            &Reference::embedded(),
            &templates,
        )
        .unwrap()
    };
    assert_eq!(
        render_with(DocKind::Fiche),
        "Fiche mis-0001 pour Eau Vive Occitanie\n"
    );
    // The others stay the embedded ones.
    assert!(render_with(DocKind::Tdr).starts_with("# Termes de référence — "));
}

#[test]
fn embedded_templates_are_the_files_listed() {
    let t = Templates::embedded();
    for name in Templates::FILES {
        assert!(t.source(name).is_some_and(|s| !s.is_empty()), "{name}");
    }
    for kind in DocKind::ALL {
        assert!(Templates::FILES.contains(&kind.template()));
        assert_eq!(kind.as_str().parse::<DocKind>(), Ok(kind));
    }
    assert_eq!("html".parse::<DocFormat>(), Ok(DocFormat::Html));
    assert_eq!("md".parse::<DocFormat>(), Ok(DocFormat::Markdown));
    assert!("pdf".parse::<DocFormat>().is_err());
    assert!("rapport".parse::<DocKind>().unwrap_err().contains("fiche"));
}

#[test]
fn dossier_of_another_mission_is_refused() {
    let case = kinshasa();
    let other = need_solar();
    let mut dossier = case.dossier();
    dossier.need = &other;
    let err = render(
        DocKind::Fiche,
        DocFormat::Markdown,
        &dossier,
        &Reference::embedded(),
        &Templates::embedded(),
    )
    .unwrap_err();
    assert!(matches!(err, DocumentError::Dossier { .. }), "{err:?}");

    let mut dossier = case.dossier();
    dossier.experts = vec![("exp-0042", None)];
    assert!(matches!(
        render(
            DocKind::Fiche,
            DocFormat::Markdown,
            &dossier,
            &Reference::embedded(),
            &Templates::embedded(),
        ),
        Err(DocumentError::Dossier { .. })
    ));
}

#[test]
fn whitespace_rules_of_the_readme_hold() {
    let templates = Templates::with_overrides(overrides(
        "fiche.md.j2",
        "{#- comment -#}\nA\n{% if mission.id %}\nB {% if mission.id %}x{% endif +%}\nC\n{% endif %}\n\n\n\nD {{ \"a|b\nc\"|cell }}\n",
    ))
    .unwrap();
    let case = kinshasa();
    let md = render(
        DocKind::Fiche,
        DocFormat::Markdown,
        &case.dossier(),
        &Reference::embedded(),
        &templates,
    )
    .unwrap();
    assert_eq!(md, "A\nB x\nC\n\nD a\\|b c\n");
}

#[test]
fn templates_can_be_shared_between_threads() {
    fn shared<T: Send + Sync + Clone>() {}
    shared::<Templates>();
}

fn render_override(name: &str, kind: DocKind, text: &str) -> Result<String, DocumentError> {
    let templates = Templates::with_overrides(overrides(name, text)).unwrap();
    let case = kinshasa();
    render(
        kind,
        DocFormat::Markdown,
        &case.dossier(),
        &Reference::embedded(),
        &templates,
    )
}

#[test]
fn an_override_that_loops_without_end_is_stopped_with_an_error_naming_it() {
    let err = render_override(
        "tdr.md.j2",
        DocKind::Tdr,
        "{% for i in range(100000) %}{% for j in range(100000) %}{{ i }}{% endfor %}{% endfor %}",
    )
    .unwrap_err();
    let DocumentError::Template { file, message, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(file, "tdr.md.j2");
    assert!(message.contains("fuel"), "{message}");
}

#[test]
fn an_override_that_writes_without_end_is_stopped_at_the_longest_document() {
    let err = render_override(
        "tdr.md.j2",
        DocKind::Tdr,
        "{% for i in range(1000) %}{{ 'x' * 1000000 }}{% endfor %}",
    )
    .unwrap_err();
    assert_eq!(
        err,
        DocumentError::TooLong {
            file: "tdr.md.j2".to_owned(),
            limit: MAX_DOCUMENT_BYTES,
        }
    );
}

/// English words that must not appear in a French document (compared word by word,
/// ignoring case).
const ENGLISH: [&str; 16] = [
    "the",
    "and",
    "estimate",
    "team",
    "with",
    "from",
    "days",
    "which",
    "must",
    "will",
    "paid",
    "should",
    "remainder",
    "state",
    "booked",
    "unknown",
];

/// The problems of typography and language in `text`, in words.
fn french_problems(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        if ENGLISH.contains(&word.to_lowercase().as_str()) {
            out.push(format!("English word {word:?}"));
        }
    }
    if text.to_lowercase().contains("source:") {
        out.push("`source:` (French writes `source :`)".to_owned());
    }
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let before = |n: usize| i.checked_sub(n).map(|j| chars[j]);
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        // `€` and `%` after an amount: a no-break space between them.
        if matches!(c, '€' | '%') && before(1) != Some('\u{a0}') && digit(before(2)) {
            out.push(format!("breakable `{c}` after {:?}", window(&chars, i)));
        }
        // Groups of digits: `1 400` must not hold an ordinary space.
        if *c == ' '
            && digit(before(1))
            && (1..=3).all(|k| digit(chars.get(i + k).copied()))
            && !digit(chars.get(i + 4).copied())
        {
            out.push(format!("breakable group of digits {:?}", window(&chars, i)));
        }
        // ISO dates (`2027-03-01`): French documents write `01/03/2027`.
        if *c == '-'
            && (1..=4).all(|k| digit(before(k)))
            && digit(chars.get(i + 1).copied())
            && digit(chars.get(i + 2).copied())
            && chars.get(i + 3) == Some(&'-')
        {
            out.push(format!("ISO date {:?}", window(&chars, i)));
        }
    }
    out
}

fn window(chars: &[char], i: usize) -> String {
    chars[i.saturating_sub(12)..(i + 12).min(chars.len())]
        .iter()
        .collect()
}

#[test]
fn every_document_is_french_with_french_dates_and_amounts_that_never_break() {
    let mut found = Vec::new();
    for (name, case) in [
        ("kinshasa", kinshasa()),
        ("offer", solar_offer()),
        ("reciprocity", albi_reciprocity()),
    ] {
        for kind in DocKind::ALL {
            let md = render_case(&case, kind, DocFormat::Markdown);
            found.extend(
                french_problems(&md)
                    .into_iter()
                    .map(|p| format!("{name} {kind}: {p}")),
            );
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_french_check_finds_english_words_iso_dates_and_breakable_amounts() {
    assert!(french_problems("Coût : 1\u{202f}400,00\u{a0}€ (50\u{a0}%), le 01/03/2027").is_empty());
    assert_eq!(french_problems("the team").len(), 2);
    assert_eq!(french_problems("1 400,00\u{a0}€").len(), 1);
    assert_eq!(french_problems("1\u{202f}400,00 €").len(), 1);
    assert_eq!(french_problems("le 2027-03-01").len(), 1);
    assert_eq!(french_problems("Source: ECB").len(), 1);
}
