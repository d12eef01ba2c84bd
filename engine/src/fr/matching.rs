//! A need's candidates, as `explor match` and a need's page say them.

/// The need in one line: `id — title (city, country), 10 jours entre … et …`.
pub fn heading(id: &str, title: &str, place: &str, days: u32, window: &str) -> String {
    format!("{id} — {title} ({place}), {days} jours dans la période {window}")
}
/// Places already staffed by missions.
pub fn staffed(people: u32, wanted: u32, missions: &str) -> String {
    format!("{people} des {wanted} expert(s) souhaité(s) partent déjà, avec {missions}")
}
