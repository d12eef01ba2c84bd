//! The authorization matrix (issue #15): every party that is not a coordinator — the
//! company, association and expert concerned by a proposal, and others of each role —
//! against every coordinator page and POST (read, list, edit, delete, export), against
//! the other spaces' pages, and against another party's objects. Each is refused with
//! 404 (the object is not said to exist) and changes nothing; signed out, every page
//! sends to the sign-in page and every POST is refused.

use axum::http::StatusCode;

use super::client::{Client, Harness};
use super::proposals::proposed;
use super::submissions::need_form;
use crate::store::{ReviewState, Role};

const NEED: &str = "need-kin-dechets";
const ASSO: &str = "asso-eau-vive";

/// What the parties are tried against: a proposal (mission) on the association's
/// need, an expert proposed on it, and a need the association posted for review.
struct World {
    h: Harness,
    mission: String,
    expert: String,
    submission: i64,
}

async fn world() -> World {
    let h = Harness::new();
    let (_, mission, expert) = proposed(&h).await;
    let mut asso = h
        .signed_in("eau@example.org", Role::Association, Some(ASSO))
        .await;
    let r = asso
        .post("/mon-espace/besoins/nouveau", &need_form("10", "fr:B2"))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let submission = h.db().submissions(Some(ASSO), &[]).unwrap()[0].id;
    World {
        h,
        mission,
        expert,
        submission,
    }
}

impl World {
    /// Every coordinator page: lists, records, exports (documents), forms.
    fn coordinator_pages(&self) -> Vec<String> {
        let (m, e, n) = (&self.mission, &self.expert, self.submission);
        vec![
            "/recherche?q=eau".into(),
            "/besoins".into(),
            format!("/besoins/{NEED}"),
            "/appels".into(),
            "/appels/2027-printemps".into(),
            "/import".into(),
            format!("/experts/{e}"),
            format!("/experts/{e}/effacer"),
            "/missions".into(),
            format!("/missions/{m}"),
            format!("/missions/{m}/documents/fiche?format=md"),
            format!("/missions/{m}/documents/convention?format=docx"),
            "/revue".into(),
            format!("/revue/{n}"),
            "/comptes".into(),
            "/audit".into(),
        ]
    }

    /// Every coordinator POST, with a form that would be accepted from a coordinator.
    fn coordinator_posts(&self) -> Vec<(String, Vec<(&'static str, String)>)> {
        let (m, e, n) = (&self.mission, &self.expert, self.submission);
        vec![
            (
                format!("/besoins/{NEED}/proposer"),
                vec![("candidat", e.clone())],
            ),
            ("/appels/2027-printemps/valider".into(), vec![]),
            (format!("/experts/{e}/effacer"), vec![]),
            (
                format!("/missions/{m}/etat"),
                vec![("etat", "rejected".into())],
            ),
            (
                format!("/missions/{m}/pieces"),
                vec![("piece", "insurance".into())],
            ),
            (format!("/revue/{n}/valider"), vec![]),
            (
                format!("/revue/{n}/modifications"),
                vec![("message", "Précisez la ville.".into())],
            ),
            (
                "/comptes".into(),
                vec![
                    ("email", "intrus@example.org".into()),
                    ("role", "coordinator".into()),
                ],
            ),
            ("/comptes/1/desactiver".into(), vec![]),
        ]
    }

    /// Nothing the refused requests aimed at has changed.
    fn assert_untouched(&self, events: usize, who: &str) {
        let ws = self.h.workspace();
        assert!(
            ws.record(&self.expert).is_ok(),
            "{who}: the expert is there"
        );
        let mission = ws.mission(&self.mission).unwrap();
        assert_eq!(mission.events.len(), events, "{who}: the mission's log");
        assert_eq!(ws.missions().unwrap().len(), 1, "{who}: no other mission");
        let sub = self.h.db().submission(self.submission).unwrap().unwrap();
        assert_eq!(sub.state, ReviewState::Submitted, "{who}: the submission");
        let accounts = self.h.db().accounts().unwrap();
        assert!(
            accounts.iter().all(|a| a.email != "intrus@example.org"),
            "{who}: no account invited"
        );
        assert!(
            accounts
                .iter()
                .find(|a| a.email == "coord@example.org")
                .is_some_and(|a| !a.disabled),
            "{who}: the coordinator still active"
        );
    }
}

async fn post(c: &mut Client, path: &str, form: &[(&'static str, String)]) -> StatusCode {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    c.post(path, &form).await.status
}

/// Tries every coordinator page and POST as each party; all answer 404, nothing changes.
async fn refused_everything(w: &World, parties: &[(&str, Role, &str)]) {
    let events = w.h.workspace().mission(&w.mission).unwrap().events.len();
    for &(email, role, org) in parties {
        let mut c = w.h.signed_in(email, role, Some(org)).await;
        for path in w.coordinator_pages() {
            let r = c.get(&path).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{role:?} {org} GET {path}");
            assert!(!r.body.contains(&w.mission), "{role:?} GET {path} names it");
        }
        for (path, form) in w.coordinator_posts() {
            let status = post(&mut c, &path, &form).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{role:?} {org} POST {path}");
        }
        w.assert_untouched(events, email);
    }
}

#[tokio::test]
async fn the_parties_of_a_proposal_read_list_edit_delete_or_export_nothing_of_the_coordinators() {
    let w = world().await;
    let parties = [
        ("rh@elec-sud.fr", Role::Company, "co-elec-sud"),
        ("eau2@example.org", Role::Association, ASSO),
        ("propose@example.org", Role::Expert, w.expert.as_str()),
    ];
    refused_everything(&w, &parties).await;
}

#[tokio::test]
async fn other_parties_read_list_edit_delete_or_export_nothing_of_the_coordinators() {
    let w = world().await;
    let other_expert = if w.expert == "exp-0001" {
        "exp-0002"
    } else {
        "exp-0001"
    };
    let parties = [
        ("rh@aqualis.fr", Role::Company, "co-aqualis"),
        (
            "gers@example.org",
            Role::Association,
            "asso-terres-solidaires-gers",
        ),
        ("autre-expert@example.org", Role::Expert, other_expert),
    ];
    refused_everything(&w, &parties).await;
}

#[tokio::test]
async fn each_space_is_its_own_roles_only() {
    let w = world().await;
    let spaces = [
        (Role::Company, "/mon-espace/offres"),
        (Role::Association, "/mon-espace/besoins"),
        (Role::Company, "/mon-espace/offres/nouvelle"),
        (Role::Company, "/mon-espace/offres/off-elec-2027/modifier"),
        (Role::Association, "/mon-espace/besoins/nouveau"),
        (
            Role::Association,
            "/mon-espace/besoins/need-kin-dechets/modifier",
        ),
        (Role::Expert, "/mon-espace/profil"),
    ];
    let parties = [
        ("rh@elec-sud.fr", Role::Company, "co-elec-sud"),
        ("eau2@example.org", Role::Association, ASSO),
        ("propose@example.org", Role::Expert, w.expert.as_str()),
    ];
    for (email, role, org) in parties {
        let mut c = w.h.signed_in(email, role, Some(org)).await;
        for (owner, path) in spaces {
            let status = c.get(path).await.status;
            if owner == role {
                assert_eq!(status, StatusCode::OK, "{role:?} GET {path}");
            } else {
                assert_eq!(status, StatusCode::NOT_FOUND, "{role:?} GET {path}");
            }
        }
    }
}

#[tokio::test]
async fn another_party_cannot_read_answer_or_debrief_what_is_not_theirs() {
    let w = world().await;
    let events = w.h.workspace().mission(&w.mission).unwrap().events.len();
    let answer = format!("/mon-espace/propositions/{}", w.mission);
    let accept = [
        ("decision", "accepter".to_owned()),
        ("raison", String::new()),
    ];
    let debrief = format!("/mon-espace/missions/{}/bilan", w.mission);
    let submission = format!("/mon-espace/demandes/{}", w.submission);
    let other_expert = if w.expert == "exp-0001" {
        "exp-0002"
    } else {
        "exp-0001"
    };
    let strangers = [
        ("rh@elec-sud.fr", Role::Company, "co-elec-sud"),
        (
            "gers@example.org",
            Role::Association,
            "asso-terres-solidaires-gers",
        ),
        ("autre-expert@example.org", Role::Expert, other_expert),
    ];
    for (email, role, org) in strangers {
        let mut c = w.h.signed_in(email, role, Some(org)).await;
        // Their list of proposals does not show it.
        let list = c.get("/mon-espace/propositions").await;
        assert!(
            !list.body.contains(&w.mission),
            "{role:?} {org} sees the proposal"
        );
        assert_eq!(
            post(&mut c, &answer, &accept).await,
            StatusCode::NOT_FOUND,
            "{role:?} {org} answers"
        );
        assert_eq!(
            post(&mut c, &debrief, &[("bilan", "Très bien".to_owned())]).await,
            StatusCode::NOT_FOUND,
            "{role:?} {org} debriefs"
        );
        assert_eq!(
            c.get(&submission).await.status,
            StatusCode::NOT_FOUND,
            "{role:?} {org} reads the submission"
        );
        assert_eq!(
            post(&mut c, &submission, &[("title", "Autre".to_owned())]).await,
            StatusCode::NOT_FOUND,
            "{role:?} {org} edits the submission"
        );
        // Another's published need and offer: neither read in their form nor changed.
        for record in [
            format!("/mon-espace/besoins/{NEED}/modifier"),
            "/mon-espace/offres/off-aqualis-eau-2027/modifier".to_owned(),
        ] {
            assert_eq!(
                c.get(&record).await.status,
                StatusCode::NOT_FOUND,
                "{role:?} {org} GET {record}"
            );
            assert_eq!(
                post(&mut c, &record, &[("title", "Autre".to_owned())]).await,
                StatusCode::NOT_FOUND,
                "{role:?} {org} POST {record}"
            );
        }
        w.assert_untouched(events, email);
    }
    assert_eq!(
        w.h.db().submissions(None, &[]).unwrap().len(),
        1,
        "no change submitted by a stranger"
    );
    // The submission still reads as the association wrote it.
    let sub = w.h.db().submission(w.submission).unwrap().unwrap();
    assert_eq!(sub.body["title"], "Former les agents d’un service d’eau");
}

#[tokio::test]
async fn signed_out_every_page_asks_to_sign_in_and_every_post_is_refused() {
    let w = world().await;
    let events = w.h.workspace().mission(&w.mission).unwrap().events.len();
    let mut c = w.h.client();
    let mut pages = w.coordinator_pages();
    pages.extend(
        [
            "/",
            "/notifications",
            "/mon-espace/offres",
            "/mon-espace/offres/nouvelle",
            "/mon-espace/offres/off-elec-2027/modifier",
            "/mon-espace/besoins",
            "/mon-espace/besoins/nouveau",
            "/mon-espace/besoins/need-kin-dechets/modifier",
            "/mon-espace/propositions",
            "/mon-espace/profil",
        ]
        .map(String::from),
    );
    pages.push(format!("/mon-espace/demandes/{}", w.submission));
    for path in &pages {
        let r = c.get(path).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "GET {path}");
        assert_eq!(r.location(), "/connexion", "GET {path}");
    }
    // The sign-in page gives a token; a POST with it but no account is still refused.
    c.get("/connexion").await;
    let mut posts = w.coordinator_posts();
    posts.push((
        format!("/mon-espace/propositions/{}", w.mission),
        vec![("decision", "accepter".into())],
    ));
    for (path, form) in posts {
        let status = post(&mut c, &path, &form).await;
        assert!(
            status == StatusCode::SEE_OTHER || status == StatusCode::FORBIDDEN,
            "POST {path}: {status}"
        );
    }
    w.assert_untouched(events, "signed out");
}
