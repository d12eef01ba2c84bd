//! Imports: reading files, sheets, columns and records, and what an import says.

use std::fmt::Display;

/// A problem placed on its field.
pub fn on_field(field: &str, message: &str) -> String {
    format!("champ « {field} » : {message}")
}
/// A column the kind of records does not have.
pub fn unknown_column(kind: &str) -> String {
    format!("colonne inconnue pour les fiches {kind}")
}
/// Added to an unknown column: the column probably meant.
pub fn did_you_mean(column: &str) -> String {
    format!(" ; vouliez-vous dire `{column}` ?")
}
/// Added to an unknown column without a close one: the known columns.
pub fn known_columns(columns: &str) -> String {
    format!(
        " ; les colonnes sont : {columns} ; pour garder une colonne à vous, commencez son en-tête par #"
    )
}
/// A column given twice in the header.
pub fn column_twice(column: &str) -> String {
    format!("la colonne `{column}` est donnée deux fois dans l’en-tête ; donnez-la une fois")
}
/// A cell under a column given twice.
pub const CELL_COLUMN_TWICE: &str = "cette colonne est donnée deux fois dans l’en-tête";
/// An id given twice in the import (`first` is where it first appears).
pub fn id_twice(id: &str, first: &str) -> String {
    format!("l’identifiant « {id} » est aussi celui de {first}")
}
/// An id already taken by a stored record of another kind.
pub fn id_taken(id: &str, kind: impl Display) -> String {
    format!(
        "l’identifiant « {id} » appartient déjà à une fiche {kind} enregistrée ; chaque identifiant est unique, tous types confondus"
    )
}
/// A need's association that does not exist.
pub fn unknown_association(id: &str) -> String {
    format!("aucune association n’a l’identifiant « {id} »")
}
/// An offer's expert that does not exist.
pub fn unknown_expert(id: &str) -> String {
    format!("aucun expert n’a l’identifiant « {id} »")
}
