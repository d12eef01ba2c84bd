//! Long writes give way to readers: an import or a rebuild of the index can keep every
//! core busy for minutes, while people read pages of the same workspace. The thread
//! that runs such a write lowers its CPU priority first; the threads it starts
//! afterwards (the search index's indexing and merging threads) inherit it. A lowered
//! priority costs nothing when the machine is otherwise idle.

/// The `nice` value a long write runs at (0 is the default, 19 the lowest).
pub const WRITE_NICENESS: i32 = 10;

/// Lowers the calling thread's CPU priority to [`WRITE_NICENESS`] (never raises it).
/// Threads started from it afterwards inherit the priority. Call it on a thread that
/// does nothing else afterwards, or from a process that only writes (the command
/// line's `import`): a lowered priority cannot be raised again without privileges.
///
/// Returns whether the priority is now at least that low (Linux; elsewhere `false`).
pub fn lower_thread_priority() -> bool {
    #[cfg(target_os = "linux")]
    {
        // On Linux a priority is a thread's own: set for this thread's id, it changes
        // neither the process's other threads nor the caller's later ones.
        let me = Some(rustix::thread::gettid());
        match rustix::process::getpriority_process(me) {
            Ok(now) if now >= WRITE_NICENESS => true,
            _ => rustix::process::setpriority_process(me, WRITE_NICENESS).is_ok(),
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    fn niceness() -> i32 {
        rustix::process::getpriority_process(Some(rustix::thread::gettid())).unwrap()
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_lowered_thread_and_the_threads_it_starts_run_at_the_write_priority() {
        let before = niceness();
        let (own, started) = std::thread::spawn(|| {
            assert!(lower_thread_priority());
            assert!(lower_thread_priority(), "a second call changes nothing");
            (niceness(), std::thread::spawn(niceness).join().unwrap())
        })
        .join()
        .unwrap();
        assert!(own >= WRITE_NICENESS, "{own}");
        assert!(started >= WRITE_NICENESS, "{started}");
        assert_eq!(
            niceness(),
            before,
            "the caller's other threads are untouched"
        );
    }
}
