//! Running the server: bind, serve with client addresses (for the sign-in throttle),
//! stop gracefully on Ctrl-C or SIGTERM.

use std::net::SocketAddr;

use crate::auth::throttle;
use crate::config::{ServeConfig, Settings};
use crate::error::{InternalError, Result};
use crate::routes::router;
use crate::state::AppState;

/// Installs a `tracing` subscriber that writes to standard error, filtered by
/// `RUST_LOG` (default `info`). Does nothing if one is already installed.
pub fn init_tracing() {
    use std::io::IsTerminal;
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
}

/// Serves the application until Ctrl-C or SIGTERM; requests in flight are finished.
/// `ready` is called once the socket listens, with its address.
pub async fn serve(config: ServeConfig, ready: impl FnOnce(SocketAddr)) -> Result<()> {
    let settings = Settings::from_config(&config)?;
    let state = AppState::open(&config.workspace, settings)?;
    let throttle = throttle::config(state.settings().behind_proxy);
    throttle::spawn_cleanup(&throttle);
    crate::reminders::spawn(state.clone());
    if let Some(smtp) = state.settings().smtp.clone() {
        tracing::info!(from = %smtp.from(), "outbox sent through SMTP");
        crate::relay::spawn(state.root().to_owned(), smtp, state.settings().relay_every);
    }
    let app = router(state, &throttle);
    let listener = tokio::net::TcpListener::bind(config.bind)
        .await
        .map_err(InternalError::Io)?;
    let addr = listener.local_addr().map_err(InternalError::Io)?;
    tracing::info!(%addr, "listening");
    ready(addr);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown())
    .await
    .map_err(InternalError::Io)?;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}
