//! Serving configuration: what the command line gives ([`ServeConfig`]) and what the
//! application uses once it is checked ([`Settings`]).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::error::{Result, UserError};

/// How `explor serve` was asked to run.
#[derive(Debug, Clone)]
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
        };
        let local = Settings::from_config(&config("127.0.0.1:8080")).unwrap();
        assert!(!local.secure_cookies);
        assert_eq!(local.cookie_name(), "explor");
        assert_eq!(local.base_url(), "http://127.0.0.1:8080");
        let public = Settings::from_config(&config("0.0.0.0:8080")).unwrap();
        assert!(public.secure_cookies);
        assert_eq!(public.cookie_name(), "__Host-explor");
    }
}
