//! The relay against a small SMTP server on the loopback that speaks just enough of the
//! protocol and keeps what it receives.
//!
//! Properties checked:
//! 1. A message is delivered with its recipient, subject and text, and a `From:` the
//!    configured sender; it ends in `envoyes/` (`a_message_is_delivered_and_filed_as_sent`).
//! 2. A 550 answer files it in `refuses/` with the server's answer in
//!    `<name>.motif.txt`; nothing else is tried again (`a_refused_message_is_filed_with_the_reason`).
//! 3. With the server down the message stays in `outbox/`; it is sent once the server
//!    is up, by a pass and by the running relay, exactly once (`…_waits_for_the_server`).
//! 4. A message left being sent by a stopped server goes back to the outbox (`recover`).
//! 5. Bad settings are refused with the flag's name, and never repeat the password.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::*;
use crate::error::WebError;

/// What the fake server received: one (recipients, data) per accepted message.
type Inbox = Arc<Mutex<Vec<(Vec<String>, String)>>>;

/// Starts a fake SMTP server on `listener`; it answers the end of DATA with `answer`.
fn fake_smtp(listener: TcpListener, answer: &'static str) -> Inbox {
    let inbox: Inbox = Arc::default();
    let kept = inbox.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let kept = kept.clone();
            std::thread::spawn(move || {
                let _ = session(stream, answer, &kept);
            });
        }
    });
    inbox
}

fn session(stream: TcpStream, answer: &str, inbox: &Inbox) -> std::io::Result<()> {
    let mut out = stream.try_clone()?;
    let mut lines = BufReader::new(stream);
    out.write_all(b"220 faux.example ESMTP\r\n")?;
    let mut rcpt = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_ascii_uppercase();
        let reply: &str = if command.starts_with("EHLO") || command.starts_with("HELO") {
            "250-faux.example\r\n250 8BITMIME\r\n"
        } else if command.starts_with("MAIL") || command.starts_with("RSET") {
            rcpt.clear();
            "250 ok\r\n"
        } else if command.starts_with("RCPT") {
            rcpt.push(line.trim_end()["RCPT TO:".len()..].to_owned());
            "250 ok\r\n"
        } else if command == "DATA" {
            out.write_all(b"354 go on\r\n")?;
            let mut data = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line)? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" {
                    break;
                }
                data.push_str(&line);
            }
            if answer.starts_with('2') {
                inbox
                    .lock()
                    .unwrap()
                    .push((std::mem::take(&mut rcpt), data));
            }
            answer
        } else if command == "QUIT" {
            out.write_all(b"221 bye\r\n")?;
            return Ok(());
        } else {
            "250 ok\r\n"
        };
        out.write_all(reply.as_bytes())?;
    }
}

/// A workspace folder with one message in its outbox, as `notify` writes them.
fn outbox_with_one() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let outbox = dir.path().join(OUTBOX_DIR);
    std::fs::create_dir_all(&outbox).unwrap();
    let name = "1800000000-0000.eml".to_owned();
    std::fs::write(
        outbox.join(&name),
        "To: marie.curie@example.org\r\nSubject: Une proposition attend votre réponse\r\n\
         MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
         Rappel : la mission attend votre réponse.\r\n.point en tête de ligne\r\n",
    )
    .unwrap();
    (dir, name)
}

fn smtp_at(addr: SocketAddr) -> SmtpConfig {
    SmtpConfig::new(&format!("smtp://{addr}"), "explor@occitanie.example").unwrap()
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.file_type().unwrap().is_file())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_message_is_delivered_and_filed_as_sent() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let smtp = smtp_at(listener.local_addr().unwrap());
    let inbox = fake_smtp(listener, "250 queued\r\n");
    let (dir, name) = outbox_with_one();
    let pass = relay_once(dir.path(), &smtp).unwrap();
    assert_eq!(
        pass,
        Pass {
            sent: 1,
            refused: 0,
            waiting: 0
        }
    );
    let outbox = dir.path().join(OUTBOX_DIR);
    assert!(files(&outbox).is_empty());
    assert!(files(&outbox.join(SENDING_DIR)).is_empty());
    assert_eq!(files(&outbox.join(SENT_DIR)), vec![name]);
    let inbox = inbox.lock().unwrap();
    assert_eq!(inbox.len(), 1);
    let (rcpt, data) = &inbox[0];
    assert_eq!(rcpt, &vec!["<marie.curie@example.org>".to_owned()]);
    assert!(data.contains("To: marie.curie@example.org\r\n"), "{data}");
    assert!(data.contains("Subject: Une proposition attend votre réponse\r\n"));
    assert!(
        data.contains("From: explor@occitanie.example\r\n"),
        "{data}"
    );
    assert!(data.contains("Message-ID: <1800000000-0000.explor@occitanie.example>"));
    assert!(data.contains("Rappel : la mission attend votre réponse."));
    // A line starting with a dot arrives as written (dot-stuffed on the wire).
    assert!(data.contains("\r\n..point en tête de ligne"), "{data}");
    // Nothing is sent twice.
    drop(inbox);
    assert_eq!(relay_once(dir.path(), &smtp).unwrap(), Pass::default());
}

#[test]
fn a_refused_message_is_filed_with_the_reason() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let smtp = smtp_at(listener.local_addr().unwrap());
    let inbox = fake_smtp(listener, "550 5.1.1 boite inconnue\r\n");
    let (dir, name) = outbox_with_one();
    let pass = relay_once(dir.path(), &smtp).unwrap();
    assert_eq!(pass.refused, 1);
    assert_eq!(pass.sent + pass.waiting, 0);
    let outbox = dir.path().join(OUTBOX_DIR);
    let refused = outbox.join(REFUSED_DIR);
    assert_eq!(
        files(&refused),
        vec![name.clone(), format!("{name}.motif.txt")]
    );
    let motif = std::fs::read_to_string(refused.join(format!("{name}.motif.txt"))).unwrap();
    assert!(motif.contains("550"), "{motif}");
    assert!(motif.contains("boite inconnue"), "{motif}");
    assert!(files(&outbox).is_empty());
    assert!(inbox.lock().unwrap().is_empty());
    assert_eq!(relay_once(dir.path(), &smtp).unwrap(), Pass::default());
}

/// A free port of the loopback, with nothing listening on it.
fn closed_port() -> SocketAddr {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
}

#[test]
fn with_the_server_down_a_message_waits_for_the_server() {
    let addr = closed_port();
    let smtp = smtp_at(addr);
    let (dir, name) = outbox_with_one();
    let pass = relay_once(dir.path(), &smtp).unwrap();
    assert_eq!(pass.waiting, 1);
    assert_eq!(pass.sent + pass.refused, 0);
    let outbox = dir.path().join(OUTBOX_DIR);
    assert_eq!(files(&outbox), vec![name.clone()]);
    assert!(files(&outbox.join(SENDING_DIR)).is_empty());
    let inbox = fake_smtp(TcpListener::bind(addr).unwrap(), "250 queued\r\n");
    assert_eq!(relay_once(dir.path(), &smtp).unwrap().sent, 1);
    assert_eq!(files(&outbox.join(SENT_DIR)), vec![name]);
    assert_eq!(inbox.lock().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_running_relay_sends_once_the_server_is_up() {
    let addr = closed_port();
    let (dir, name) = outbox_with_one();
    spawn(
        dir.path().to_owned(),
        smtp_at(addr),
        Duration::from_millis(20),
    );
    // Let it fail at least once against the closed port.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let outbox = dir.path().join(OUTBOX_DIR);
    assert_eq!(files(&outbox), vec![name.clone()]);
    let inbox = fake_smtp(TcpListener::bind(addr).unwrap(), "250 queued\r\n");
    let sent = outbox.join(SENT_DIR);
    for _ in 0..600 {
        if !files(&sent).is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(files(&sent), vec![name]);
    assert_eq!(inbox.lock().unwrap().len(), 1);
}

#[test]
fn a_message_left_being_sent_goes_back_to_the_outbox() {
    let (dir, name) = outbox_with_one();
    let outbox = dir.path().join(OUTBOX_DIR);
    std::fs::create_dir_all(outbox.join(SENDING_DIR)).unwrap();
    std::fs::rename(outbox.join(&name), outbox.join(SENDING_DIR).join(&name)).unwrap();
    assert_eq!(recover(dir.path()).unwrap(), 1);
    assert_eq!(files(&outbox), vec![name]);
    assert_eq!(recover(dir.path()).unwrap(), 0);
}

#[test]
fn a_message_without_a_recipient_is_refused_before_sending() {
    let dir = tempfile::tempdir().unwrap();
    let outbox = dir.path().join(OUTBOX_DIR);
    std::fs::create_dir_all(&outbox).unwrap();
    std::fs::write(outbox.join("1-0000.eml"), "Subject: rien\r\n\r\ntexte\r\n").unwrap();
    // No server is needed: nothing is sent.
    let pass = relay_once(dir.path(), &smtp_at(closed_port())).unwrap();
    assert_eq!(pass.refused, 1);
    let motif =
        std::fs::read_to_string(outbox.join(REFUSED_DIR).join("1-0000.eml.motif.txt")).unwrap();
    assert!(motif.contains("To:"), "{motif}");
}

#[test]
fn bad_settings_name_the_flag_and_never_the_password() {
    let err = |url: &str, from: &str| match SmtpConfig::new(url, from) {
        Err(WebError::User(e)) => e.to_string(),
        other => panic!("{other:?}"),
    };
    for url in [
        "http://u:secret-pw@host",
        "smtp//host",
        "smtp://u:secret-pw@host?tls=peut-etre",
    ] {
        let message = err(url, "a@b.example");
        assert!(message.starts_with("--smtp-url"), "{message}");
        assert!(!message.contains("secret-pw"), "{message}");
    }
    assert!(err("smtp://host:25", "pas une adresse").starts_with("--mail-from"));
    let ok = SmtpConfig::new("smtps://u:secret-pw@smtp.example.org", "a@b.example").unwrap();
    assert!(!format!("{ok:?}").contains("secret-pw"));
    assert!(
        SmtpConfig::new(
            "smtp://u:pw@smtp.example.org:587?tls=required",
            "a@b.example"
        )
        .is_ok()
    );
}

#[test]
fn recipients_are_read_from_the_to_header() {
    assert_eq!(
        recipient_address(b"Subject: x\r\nto:  Marie <Marie@Example.org>\r\n\r\nTo: b@c.d\r\n")
            .as_deref(),
        Some("marie@example.org")
    );
    assert_eq!(recipient_address(b"Subject: x\r\n\r\nTo: b@c.d\r\n"), None);
}
