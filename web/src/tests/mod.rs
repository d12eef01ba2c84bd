//! Route tests: the whole application in-process (`tower::ServiceExt::oneshot`), on a
//! temporary workspace holding the bundled sample, driven like a browser would (cookie,
//! `Origin`, `Sec-Fetch-Site`, the form's CSRF field).
//!
//! Properties checked:
//! 1. `/healthz` answers `ok` without a session; assets come with their content type
//!    and a long cache lifetime, and the test-only files are not served (`public`).
//! 2. Every response — page, asset, redirect, 403, 404 — carries the security headers
//!    (`public`).
//! 3. Signed out, `/`, `/comptes` and `/audit` redirect to `/connexion` (htmx: 401 with
//!    `HX-Redirect`) (`public`).
//! 4. Invitation → password (too short, common, different confirmation refused inline)
//!    → sign-in (a new session id; cookie HttpOnly, SameSite=Lax, and `__Host-` +
//!    Secure when secure cookies are on) → pages → sign-out → the old cookie no longer
//!    works; a used or expired invitation is refused; each step is in the audit log
//!    (`flow`).
//! 5. A wrong password and an unknown e-mail get the same answer; 5 failures lock the
//!    account, even against the right password; the per-address throttle answers 429
//!    (`signin`).
//! 6. Cross-site POSTs (Sec-Fetch-Site, Origin) and POSTs without or with a wrong CSRF
//!    token are refused with 403; the token in `X-CSRF-Token` is accepted (`csrf`).
//! 7. A disabled account's open session is signed out at its next request; a company
//!    account gets 404 on the coordinator's pages; the coordinator invites from the
//!    page (org ids checked against the workspace) and filters the audit log
//!    (`roles`).
//! 8. Every coordinator page and POST: signed out → sign-in, a company account → 404,
//!    a disabled coordinator → signed out, a POST without token → 403 (`access`).
//! 9. The coordinator's pages do what the command line does: a need's ranking is
//!    `NeedMatch`'s, a proposal makes a mission or says why not (`needs`); a refused
//!    transition shows the guard (`missions`); a commit makes as many missions as the
//!    batch assigns (`batch`); an invalid upload lists every issue and writes nothing,
//!    imported text is escaped (`import`); facets count the results shown (`search`);
//!    an erased expert's page is gone and the audit row has no name (`experts`).
//! 10. The authorization matrix (`matrix`): the company, association and expert of a
//!     proposal and others of each role get 404 on every coordinator page and POST
//!     (read, list, edit, delete, export), on the other roles' spaces, and on another
//!     party's proposal, debrief and submission, with nothing changed; signed out,
//!     every page asks to sign in and every POST is refused.

mod access;
mod batch;
pub(crate) mod client;
mod company;
mod csrf;
mod experts;
mod flow;
mod import;
mod matrix;
mod missions;
pub(crate) mod needs;
mod offers;
mod profile;
mod proposals;
mod public;
mod roles;
mod search;
mod signin;
mod submissions;
