//! "Nobody is left without an answer": every proposal and decision is told to the
//! people concerned, in the app (a notification per account) and by e-mail.
//!
//! E-mail goes through an outbox: each message is written as a file under
//! `<workspace>/outbox/` (an RFC 5322 message, UTF-8), so that nothing is lost and the
//! app works offline; when an SMTP server is configured, the relay (`relay.rs`) sends
//! the files it finds there. Only
//! what the notification says goes in the message — never more personal data than the
//! recipient's own address.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{InternalError, Result};
use crate::state::AppState;
use crate::store::{Db, Role, now};

/// The folder of a workspace where e-mails wait to be sent.
pub const OUTBOX_DIR: &str = "outbox";

/// Who is told.
#[derive(Debug, Clone)]
pub enum Audience {
    /// Every enabled coordinator.
    Coordinators,
    /// Every enabled account of an association, a company or an expert record.
    Org(String),
}

/// One thing to tell.
#[derive(Debug, Clone)]
pub struct Notice {
    /// Who.
    pub to: Audience,
    /// The e-mail's subject.
    pub subject: String,
    /// What happened, in a sentence (the notification, and the e-mail's first line).
    pub text: String,
    /// The page about it (a path of the site).
    pub link: String,
}

/// Notifies every account of the audience in the app, in one transaction, and writes
/// one e-mail per account into the outbox. Returns the e-mails written.
pub fn send(db: &Db, root: &Path, base_url: &str, notice: &Notice) -> Result<Vec<PathBuf>> {
    let at = now();
    let accounts: Vec<_> = db
        .accounts()?
        .into_iter()
        .filter(|a| a.active && !a.disabled)
        .filter(|a| match &notice.to {
            Audience::Coordinators => a.role == Role::Coordinator,
            Audience::Org(org) => a.role != Role::Coordinator && a.org_id.as_deref() == Some(org),
        })
        .collect();
    db.in_transaction(|db| {
        for a in &accounts {
            db.notify(a.id, &notice.text, &notice.link, at)?;
        }
        Ok(())
    })?;
    let dir = root.join(OUTBOX_DIR);
    std::fs::create_dir_all(&dir).map_err(InternalError::Io)?;
    let mut written = Vec::new();
    for a in &accounts {
        let body = message(
            &a.email,
            &notice.subject,
            &notice.text,
            base_url,
            &notice.link,
            at,
        );
        written.push(write_new(&dir, at, &body)?);
    }
    Ok(written)
}

/// [`send`] from a page: tells the people concerned, on the database's blocking thread.
pub async fn tell(state: &AppState, notice: Notice) -> Result<()> {
    let root = state.root().to_owned();
    let base = state.settings().base_url().to_owned();
    state
        .db()
        .run(move |db| send(db, &root, &base, &notice).map(drop))
        .await
}

/// The e-mail as a file: headers, a blank line, the text and the link.
fn message(to: &str, subject: &str, text: &str, base_url: &str, link: &str, at: i64) -> String {
    let date = chrono::DateTime::<chrono::Utc>::from_timestamp(at, 0)
        .map(|d| d.to_rfc2822())
        .unwrap_or_default();
    // Header values never carry a line break (no header injection from the data).
    let one_line = |s: &str| s.replace(['\r', '\n'], " ");
    explor_engine::fr::web::email_message(
        one_line(to),
        one_line(subject),
        &date,
        text,
        base_url.trim_end_matches('/'),
        link,
    )
}

/// Writes `body` into a new file of `dir` (never over another message).
fn write_new(dir: &Path, at: i64, body: &str) -> Result<PathBuf> {
    for n in 0..10_000 {
        let path = dir.join(format!("{at}-{n:04}.eml"));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                file.write_all(body.as_bytes())
                    .and_then(|()| file.sync_all())
                    .map_err(InternalError::Io)?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(InternalError::Io(e).into()),
        }
    }
    Err(InternalError::Corrupt("the outbox has no free name".into()).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_a_plain_utf8_email_whose_headers_cannot_be_split() {
        let m = message(
            "eau@example.org",
            "Besoin validé\r\nBcc: tous@example.org",
            "Votre besoin « Former des agents » est publié.",
            "https://explor.example/",
            "/mon-espace/besoins",
            1_800_000_000,
        );
        let (headers, body) = m.split_once("\r\n\r\n").unwrap();
        assert!(headers.starts_with("To: eau@example.org\r\n"));
        assert!(!headers.contains("\r\nBcc:"), "{headers}");
        assert!(headers.contains("charset=utf-8"));
        assert!(body.contains("https://explor.example/mon-espace/besoins"));
    }
}
