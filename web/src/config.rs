//! Serving configuration: what the command line gives ([`ServeConfig`]) and what the
//! application uses once it is checked ([`Settings`]).

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::error::{Result, UserError};
use crate::relay::SmtpConfig;

/// How `explor serve` was asked to run. Its `Debug` hides the SMTP server's address,
/// which may hold a password.
#[derive(Clone)]
pub struct ServeConfig {
    /// The workspace directory.
    pub workspace: PathBuf,
    /// Address and port to listen on.
    pub bind: SocketAddr,
    /// The public address of the site (`https://explor.example.org`), used in
    /// invitation links and to check the `Origin` of state-changing requests; default
    /// `http://<bind>`.
    pub base_url: Option<String>,
    /// Mark cookies `Secure` with the `__Host-` prefix; default on, unless `bind` is a
    /// loopback address.
    pub secure_cookies: Option<bool>,
    /// A reverse proxy on this machine forwards the requests: count sign-in attempts
    /// under the client address it appends to `X-Forwarded-For`.
    pub behind_proxy: bool,
    /// Days a proposal may wait for an answer before it is flagged and its parties
    /// reminded (default 7).
    pub answer_delay_days: Option<u32>,
    /// The SMTP server the outbox is sent through (`smtp://host:port`,
    /// `smtp://user:pass@host?tls=required`, `smtps://user:pass@host`); none: the
    /// e-mails wait in `<workspace>/outbox/`. Goes with `mail_from`.
    pub smtp_url: Option<String>,
    /// The sender's address of the e-mails sent through `smtp_url`.
    pub mail_from: Option<String>,
}

impl fmt::Debug for ServeConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServeConfig")
            .field("workspace", &self.workspace)
            .field("bind", &self.bind)
            .field("base_url", &self.base_url)
            .field("secure_cookies", &self.secure_cookies)
            .field("behind_proxy", &self.behind_proxy)
            .field("answer_delay_days", &self.answer_delay_days)
            .field(
                "smtp_url",
                &self
                    .smtp_url
                    .as_ref()
                    .map(|_| explor_engine::fr::web::HIDDEN),
            )
            .field("mail_from", &self.mail_from)
            .finish()
    }
}

/// The checked settings the application runs with.
#[derive(Debug, Clone)]
pub struct Settings {
    base_url: String,
    origin: String,
    /// `Secure` cookies with the `__Host-` prefix.
    pub secure_cookies: bool,
    /// A session unused this long is signed out.
    pub idle_timeout: Duration,
    /// A session is signed out this long after sign-in, however active.
    pub absolute_timeout: Duration,
    /// Failed sign-ins in a row that lock an account.
    pub max_failures: u32,
    /// How long a locked account stays locked.
    pub lock_duration: Duration,
    /// How long an invitation link works.
    pub invitation_ttl: Duration,
    /// Requests come through a reverse proxy on this machine (see [`ServeConfig`]).
    pub behind_proxy: bool,
    /// Days a proposal may wait for an answer before it is flagged on the dashboard
    /// and each party that has not answered is reminded, once.
    pub answer_delay_days: i64,
    /// The SMTP server the outbox is sent through, if any.
    pub smtp: Option<SmtpConfig>,
    /// How often the outbox is sent when a server is configured.
    pub relay_every: Duration,
}

impl Settings {
    /// Settings for a site at `base_url`, with the default timeouts: 8 hours idle,
    /// 7 days absolute, 5 failures lock an account for 15 minutes, invitations last
    /// 7 days.
    pub fn new(base_url: &str, secure_cookies: bool) -> Result<Self> {
        let (base_url, origin) = parse_base_url(base_url)?;
        Ok(Self {
            base_url,
            origin,
            secure_cookies,
            idle_timeout: Duration::from_secs(8 * 3600),
            absolute_timeout: Duration::from_secs(7 * 24 * 3600),
            max_failures: 5,
            lock_duration: Duration::from_secs(15 * 60),
            invitation_ttl: Duration::from_secs(7 * 24 * 3600),
            behind_proxy: false,
            answer_delay_days: 7,
            smtp: None,
            relay_every: Duration::from_secs(30),
        })
    }

    /// Resolves a [`ServeConfig`]'s defaults.
    pub fn from_config(config: &ServeConfig) -> Result<Self> {
        let base = config
            .base_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", config.bind));
        let secure = config
            .secure_cookies
            .unwrap_or(!config.bind.ip().is_loopback());
        let mut settings = Self::new(&base, secure)?;
        settings.behind_proxy = config.behind_proxy;
        if let Some(days) = config.answer_delay_days {
            settings.answer_delay_days = i64::from(days);
        }
        settings.smtp = match (&config.smtp_url, &config.mail_from) {
            (None, None) => None,
            (Some(url), Some(from)) => Some(SmtpConfig::new(url, from)?),
            _ => return Err(UserError::SmtpHalfConfigured.into()),
        };
        Ok(settings)
    }

    /// The site's address, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The site's origin (`scheme://host[:port]`), as browsers send it in `Origin`.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The session cookie's name: `__Host-` prefixed when cookies are secure.
    pub fn cookie_name(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-explor"
        } else {
            "explor"
        }
    }
}

/// Checks a base URL; returns it without a trailing slash, and its origin (lowercase,
/// without the scheme's default port).
pub(crate) fn parse_base_url(url: &str) -> Result<(String, String)> {
    let bad = || UserError::BadBaseUrl(url.to_owned());
    let trimmed = url.trim().trim_end_matches('/');
    let (scheme, rest) = trimmed.split_once("://").ok_or_else(bad)?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => ":80",
        "https" => ":443",
        _ => return Err(bad().into()),
    };
    let authority = rest
        .split('/')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let valid = !authority.is_empty()
        && !authority.contains(['@', '?', '#', ' '])
        && authority
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c));
    if !valid {
        return Err(bad().into());
    }
    let host = authority.strip_suffix(default_port).unwrap_or(&authority);
    Ok((trimmed.to_owned(), format!("{scheme}://{host}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_drop_paths_default_ports_and_case() {
        let origin = |u| parse_base_url(u).unwrap().1;
        assert_eq!(
            origin("https://Explor.Example.org/"),
            "https://explor.example.org"
        );
        assert_eq!(origin("https://x.org:443/app"), "https://x.org");
        assert_eq!(origin("http://127.0.0.1:8080"), "http://127.0.0.1:8080");
        assert_eq!(parse_base_url("http://h:8080/").unwrap().0, "http://h:8080");
        for bad in [
            "ftp://x",
            "x.org",
            "https://",
            "https://u@x.org",
            "http://a b",
        ] {
            assert!(parse_base_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn cookies_are_secure_by_default_except_on_loopback() {
        let config = |bind: &str| ServeConfig {
            workspace: PathBuf::new(),
            bind: bind.parse().unwrap(),
            base_url: None,
            secure_cookies: None,
            behind_proxy: false,
            answer_delay_days: None,
            smtp_url: None,
            mail_from: None,
        };
        let local = Settings::from_config(&config("127.0.0.1:8080")).unwrap();
        assert!(!local.secure_cookies);
        assert_eq!(local.cookie_name(), "explor");
        assert_eq!(local.base_url(), "http://127.0.0.1:8080");
        let public = Settings::from_config(&config("0.0.0.0:8080")).unwrap();
        assert!(public.secure_cookies);
        assert_eq!(public.cookie_name(), "__Host-explor");
    }

    #[test]
    fn smtp_needs_both_its_settings_and_is_never_shown() {
        let config = |url: Option<&str>, from: Option<&str>| ServeConfig {
            workspace: PathBuf::new(),
            bind: "127.0.0.1:8080".parse().unwrap(),
            base_url: None,
            secure_cookies: None,
            behind_proxy: false,
            answer_delay_days: None,
            smtp_url: url.map(str::to_owned),
            mail_from: from.map(str::to_owned),
        };
        assert!(
            Settings::from_config(&config(None, None))
                .unwrap()
                .smtp
                .is_none()
        );
        let url = Some("smtps://relais:mot-secret@smtp.example.org");
        let full = config(url, Some("explor@example.org"));
        let settings = Settings::from_config(&full).unwrap();
        assert!(settings.smtp.is_some());
        assert!(!format!("{full:?}").contains("mot-secret"));
        assert!(!format!("{settings:?}").contains("mot-secret"));
        for half in [config(url, None), config(None, Some("explor@example.org"))] {
            let message = Settings::from_config(&half).unwrap_err().to_string();
            assert!(message.contains("--smtp-url et --mail-from"), "{message}");
            assert!(!message.contains("mot-secret"));
        }
    }
}
