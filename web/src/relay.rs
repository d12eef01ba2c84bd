//! The outbox relay: when an SMTP server is configured (`explor serve --smtp-url …
//! --mail-from …`), the e-mails [`notify`](crate::notify) writes under
//! `<workspace>/outbox/` are sent through it, on start and then every
//! [`Settings::relay_every`](crate::Settings::relay_every). Without a server nothing
//! happens: the files wait in `outbox/`.
//!
//! Each file goes through folders of the outbox, so that its state survives a crash:
//!
//! - `outbox/X.eml`: waiting;
//! - `outbox/envoi-en-cours/X.eml`: claimed by the relay, being sent;
//! - `outbox/envoyes/X.eml`: accepted by the server;
//! - `outbox/refuses/X.eml` and `X.eml.motif.txt`: refused for good (a 5xx answer,
//!   kept in the `.motif.txt` file), or not sendable (no recipient).
//!
//! A message the server could not take now (no connection, a 4xx answer) goes back to
//! `outbox/` and is tried again later, waiting twice as long each time up to
//! [`MAX_BACKOFF`]. A message is never deleted by the relay. When a sent message cannot
//! be moved to `envoyes/`, it stays in `envoi-en-cours/` and this process does not
//! send it again. Delivery is *at least once*: messages found in `envoi-en-cours/` when
//! the relay starts (the server stopped during their sending) go back to `outbox/` and
//! are sent again — a recipient may then get one of them twice, never none.
//!
//! The message is sent as written, with a `From:` header (the configured sender) and a
//! `Message-ID:` (made from the file's name, the same at each try) added when it has
//! none. Logs give counts, file names (a time and a number) and SMTP codes, never an
//! address or the server's text, which may quote one.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use lettre::address::Envelope;
use lettre::transport::smtp::Error as SmtpError;
use lettre::{Address, SmtpTransport, Transport};

use crate::error::{InternalError, Result, UserError};
use crate::notify::OUTBOX_DIR;

/// The folder of the outbox holding the messages being sent.
pub const SENDING_DIR: &str = "envoi-en-cours";
/// The folder of the outbox holding the messages the server accepted.
pub const SENT_DIR: &str = "envoyes";
/// The folder of the outbox holding the messages refused for good.
pub const REFUSED_DIR: &str = "refuses";
/// The longest wait between two tries while the server does not take messages.
pub const MAX_BACKOFF: Duration = Duration::from_secs(30 * 60);

/// An SMTP server to send the outbox through, and the sender's address.
///
/// Its `Debug` shows neither the server's address nor its password.
#[derive(Clone)]
pub struct SmtpConfig {
    transport: SmtpTransport,
    from: Address,
}

impl fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("transport", &explor_engine::fr::web::HIDDEN)
            .field("from", &self.from)
            .finish()
    }
}

impl SmtpConfig {
    /// The server at `url` (`smtp://host:port`, `smtp://user:pass@host?tls=required`
    /// for STARTTLS, `smtps://user:pass@host` for TLS from the start; user and
    /// password percent-encoded), sending as `from`.
    pub fn new(url: &str, from: &str) -> Result<Self> {
        let url = url.trim();
        let scheme = url.split_once("://").map(|(s, _)| s.to_ascii_lowercase());
        if !matches!(scheme.as_deref(), Some("smtp" | "smtps")) {
            return Err(UserError::BadSmtpUrl(explor_engine::fr::web::BAD_SMTP_SCHEME).into());
        }
        let transport = SmtpTransport::from_url(url)
            .map_err(|_| UserError::BadSmtpUrl(explor_engine::fr::web::BAD_SMTP_ADDRESS))?
            .build();
        let from = from
            .trim()
            .parse::<Address>()
            .map_err(|_| UserError::BadMailFrom(from.to_owned()))?;
        Ok(Self { transport, from })
    }

    /// The sender's address.
    pub fn from(&self) -> &Address {
        &self.from
    }
}

/// What one pass over the outbox did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    /// Messages the server accepted.
    pub sent: usize,
    /// Messages refused for good.
    pub refused: usize,
    /// Messages left in the outbox for a later try.
    pub waiting: usize,
}

/// Sends every message waiting in the outbox of the workspace at `root`, oldest first.
/// Stops early when the server cannot be reached (the rest waits).
pub fn relay_once(root: &Path, smtp: &SmtpConfig) -> Result<Pass> {
    let outbox = root.join(OUTBOX_DIR);
    let waiting = messages_in(&outbox)?;
    let mut pass = Pass::default();
    if waiting.is_empty() {
        return Ok(pass);
    }
    let sending = outbox.join(SENDING_DIR);
    std::fs::create_dir_all(&sending).map_err(InternalError::Io)?;
    let mut rest = waiting.len();
    for name in waiting {
        rest -= 1;
        let claimed = sending.join(&name);
        match std::fs::rename(outbox.join(&name), &claimed) {
            Ok(()) => {}
            // Taken meanwhile (an erasure deleted it).
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(InternalError::Io(e).into()),
        }
        match send(&claimed, &name, smtp)? {
            Outcome::Sent => {
                pass.sent += 1;
                settle(&claimed, &outbox.join(SENT_DIR), &name, None);
            }
            Outcome::Refused(motif) => {
                pass.refused += 1;
                settle(&claimed, &outbox.join(REFUSED_DIR), &name, Some(&motif));
            }
            Outcome::Later { server_down } => {
                pass.waiting += 1;
                std::fs::rename(&claimed, outbox.join(&name)).map_err(InternalError::Io)?;
                if server_down {
                    pass.waiting += rest;
                    break;
                }
            }
        }
    }
    Ok(pass)
}

/// Puts back into the outbox the messages a stopped server left being sent (see the
/// module's notes: they are sent again). Returns how many.
pub fn recover(root: &Path) -> Result<usize> {
    let outbox = root.join(OUTBOX_DIR);
    let sending = outbox.join(SENDING_DIR);
    let names = messages_in(&sending)?;
    for name in &names {
        std::fs::rename(sending.join(name), outbox.join(name)).map_err(InternalError::Io)?;
    }
    Ok(names.len())
}

/// Runs the relay for as long as the server runs: [`recover`], then a pass at once and
/// every `every`, backing off while the SMTP server does not take messages.
pub(crate) fn spawn(root: PathBuf, smtp: SmtpConfig, every: Duration) {
    tokio::spawn(async move {
        let recovered = {
            let root = root.clone();
            tokio::task::spawn_blocking(move || recover(&root)).await
        };
        match recovered {
            Ok(Ok(0)) => {}
            Ok(Ok(n)) => tracing::warn!(messages = n, "outbox: interrupted sendings retried"),
            Ok(Err(e)) => tracing::error!(error = %e, "outbox: cannot recover"),
            Err(e) => tracing::error!(error = %e, "outbox: recovery task failed"),
        }
        let mut delay = every;
        loop {
            let pass = {
                let (root, smtp) = (root.clone(), smtp.clone());
                tokio::task::spawn_blocking(move || relay_once(&root, &smtp)).await
            };
            let retry = match pass {
                Ok(Ok(pass)) => {
                    if pass.sent + pass.refused + pass.waiting > 0 {
                        tracing::info!(
                            sent = pass.sent,
                            refused = pass.refused,
                            waiting = pass.waiting,
                            "outbox relayed"
                        );
                    }
                    pass.waiting > 0
                }
                Ok(Err(e)) => {
                    tracing::error!(error = %e, "outbox: relay failed");
                    true
                }
                Err(e) => {
                    tracing::error!(error = %e, "outbox: relay task failed");
                    true
                }
            };
            delay = if retry {
                (delay * 2).min(MAX_BACKOFF.max(every))
            } else {
                every
            };
            tokio::time::sleep(delay).await;
        }
    });
}

/// What became of one message.
enum Outcome {
    Sent,
    /// Refused for good, with the reason.
    Refused(String),
    /// To try again; `server_down`: the server could not be reached at all.
    Later {
        server_down: bool,
    },
}

fn send(path: &Path, name: &str, smtp: &SmtpConfig) -> Result<Outcome> {
    let bytes = std::fs::read(path).map_err(InternalError::Io)?;
    let Some(to) = recipient(&bytes) else {
        tracing::warn!(
            file = name,
            "outbox: a message without a valid To: is refused"
        );
        return Ok(Outcome::Refused(
            explor_engine::fr::web::NO_RECIPIENT.to_owned(),
        ));
    };
    let envelope = Envelope::new(Some(smtp.from.clone()), vec![to])
        .map_err(|e| InternalError::Corrupt(format!("envelope: {e}")))?;
    let message = with_origin(&bytes, name, &smtp.from);
    Ok(match smtp.transport.send_raw(&envelope, &message) {
        Ok(_) => Outcome::Sent,
        Err(e) if e.is_permanent() => {
            tracing::warn!(file = name, code = %code(&e), "outbox: message refused by the server");
            Outcome::Refused(explor_engine::fr::web::smtp_refused(&e))
        }
        Err(e) => {
            // A 4xx or a refusal of lettre's own (a UTF-8 message to a server without
            // 8BITMIME) concerns this message; anything else, the connection.
            let server_down = !(e.is_transient() || e.is_client());
            if server_down {
                tracing::warn!(
                    timeout = e.is_timeout(),
                    "outbox: the SMTP server cannot be reached; later"
                );
            } else {
                tracing::warn!(file = name, code = %code(&e), "outbox: deferred by the server; later");
            }
            Outcome::Later { server_down }
        }
    })
}

fn code(e: &SmtpError) -> String {
    e.status().map(|c| c.to_string()).unwrap_or_default()
}

/// Moves a message that has left the outbox for good into `dir` (with its reason, if
/// refused). A failure is logged and leaves it in `envoi-en-cours/`, where this process
/// does not take it again.
fn settle(claimed: &Path, dir: &Path, name: &str, motif: Option<&str>) {
    let moved = std::fs::create_dir_all(dir)
        .and_then(|()| match motif {
            Some(m) => std::fs::write(dir.join(format!("{name}.motif.txt")), format!("{m}\n")),
            None => Ok(()),
        })
        .and_then(|()| std::fs::rename(claimed, dir.join(name)));
    if let Err(e) = moved {
        tracing::error!(file = name, error = %e, "outbox: a message that left cannot be filed; it stays in envoi-en-cours");
    }
}

/// The names of the `.eml` files directly in `dir`, sorted (oldest first: the names
/// start with the time); none when `dir` does not exist.
pub(crate) fn messages_in(dir: &Path) -> Result<Vec<String>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(InternalError::Io(e).into()),
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(InternalError::Io)?;
        let is_file = entry.file_type().map_err(InternalError::Io)?.is_file();
        if let (true, Some(name)) = (is_file, entry.file_name().to_str())
            && name.ends_with(".eml")
        {
            names.push(name.to_owned());
        }
    }
    names.sort();
    Ok(names)
}

/// The message's header lines (folded lines joined), up to the blank line.
fn headers(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut headers: Vec<String> = Vec::new();
    for line in text.split('\n').map(|l| l.trim_end_matches('\r')) {
        if line.is_empty() {
            break;
        }
        match headers.last_mut() {
            Some(last) if line.starts_with([' ', '\t']) => last.push_str(line),
            _ => headers.push(line.to_owned()),
        }
    }
    headers
}

/// The value of the first header `name` (case-insensitive).
fn header(bytes: &[u8], name: &str) -> Option<String> {
    headers(bytes).into_iter().find_map(|h| {
        let (key, value) = h.split_once(':')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then(|| value.trim().to_owned())
    })
}

/// The address of the message's `To:` header (`a@b` or `Name <a@b>`), lowercase.
pub(crate) fn recipient_address(bytes: &[u8]) -> Option<String> {
    let to = header(bytes, "To")?;
    let address = match (to.rfind('<'), to.rfind('>')) {
        (Some(open), Some(close)) if open < close => &to[open + 1..close],
        _ => to.as_str(),
    };
    Some(address.trim().to_lowercase())
}

fn recipient(bytes: &[u8]) -> Option<Address> {
    recipient_address(bytes)?.parse().ok()
}

/// The message with `From:` and `Message-ID:` headers in front when it lacks them.
fn with_origin(bytes: &[u8], name: &str, from: &Address) -> Vec<u8> {
    let mut added = String::new();
    if header(bytes, "From").is_none() {
        added.push_str(&format!("From: {from}\r\n"));
    }
    if header(bytes, "Message-ID").is_none() {
        let id = name.trim_end_matches(".eml");
        added.push_str(&format!("Message-ID: <{id}.explor@{}>\r\n", from.domain()));
    }
    let mut message = added.into_bytes();
    message.extend_from_slice(bytes);
    message
}

#[cfg(test)]
mod tests;
