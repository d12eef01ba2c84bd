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

/// A workbook larger than explor reads (sizes in MiB).
pub fn workbook_too_large(size: impl Display, file: impl Display) -> String {
    format!(
        "un classeur de {size} Mio dépasse ce que lit explor ({file} Mio) : exportez ses feuilles en fichiers CSV"
    )
}

/// An entry of a dataset folder that is not a regular file.
pub fn not_a_data_file(what: impl Display) -> String {
    format!(
        "pas un fichier ordinaire ({what}) : un dossier de données ne contient que des fichiers ordinaires et des dossiers ; rien n’a été importé"
    )
}

/// A dataset folder without data files.
pub const NO_DATA_FILE: &str = "aucun fichier .json, .jsonl ou .csv dans ce dossier (un classeur, .xlsx ou .ods, s’importe par son propre chemin)";

/// The old Excel format, not read.
pub const OLD_EXCEL: &str =
    "l’ancien format d’Excel (.xls) n’est pas lu : enregistrez-le en .xlsx (classeur Excel)";

/// A JSON key given twice in an object.
pub const KEY_TWICE: &str = "cette clé est donnée deux fois dans l’objet ; donnez-la une fois";

/// A named pipe, as a file's kind.
pub const FIFO: &str = "un tube nommé (FIFO)";

/// A character device, as a file's kind.
pub const CHAR_DEVICE: &str = "un périphérique caractère";

/// A block device, as a file's kind.
pub const BLOCK_DEVICE: &str = "un périphérique bloc";

/// A path that is not a regular file.
pub fn not_regular(what: impl Display) -> String {
    format!(
        "pas un fichier ordinaire ({what}) : explor n’importe que des fichiers ordinaires, il ne lit ni tubes, ni périphériques, ni sockets"
    )
}

/// A file that may not be read.
pub const PERMISSION_DENIED: &str = "permission refusée : impossible de le lire";

/// A loop of symbolic links.
pub const LINK_LOOP: &str =
    "une boucle de liens symboliques : elle ramène à elle-même, pas à un fichier";

/// A symbolic link to nothing.
pub const DANGLING_LINK: &str = "un lien symbolique vers rien (sa cible n’existe pas)";

/// A table without a header line.
pub const NO_HEADER: &str = "une ligne d’en-tête nommant les colonnes est nécessaire";

/// Columns left out of an import (`s` and `s2` are the plural marks).
pub fn columns_left_out(s: impl Display, s2: impl Display, listed: impl Display) -> String {
    format!(
        "colonne{s} laissée{s2} de côté : {listed} (en-tête commençant par #, donné à --ignore-columns, ou colonne de notes)"
    )
}

/// A column without a header that holds data.
pub fn unnamed_column(column: impl Display, at: impl Display, trim: impl Display) -> String {
    format!(
        "la colonne {column} n’a pas d’en-tête, pourtant la {at} y contient « {trim} » : nommez la colonne ou videz-la"
    )
}

/// A CSV row with more or fewer cells than the header.
pub fn row_width(cells: impl Display, width: impl Display) -> String {
    format!(
        "cette ligne a {cells} cellules mais l’en-tête a {width} colonnes (un texte contenant le séparateur doit être entre guillemets doubles)"
    )
}

/// Cells found where others were expected.
pub fn cells_expected(len: impl Display, expected_len: impl Display) -> String {
    format!("{len} cellules là où {expected_len} étaient attendues")
}

/// A line that is not UTF-8.
pub fn not_utf8(byte: u8) -> String {
    format!(
        "cette ligne n’est pas du texte UTF-8 (octet 0x{byte:02X}) : enregistrez le fichier en UTF-8, ou lisez-le en Windows-1252 (explor import --encoding windows-1252)"
    )
}

/// A workbook that cannot be read.
pub const BROKEN_WORKBOOK: &str = "illisible comme classeur : le fichier est endommagé";

/// A sheet's name in quotes.
pub fn quoted(s: impl Display) -> String {
    format!("« {s} »")
}

/// A workbook with several sheets, none named after the file.
pub fn sheets_none_named(others: impl Display, file_stem: impl Display) -> String {
    format!(
        "ce classeur a plusieurs feuilles ({others}) et aucune ne s’appelle « {file_stem} » : nommez ainsi la feuille des fiches à importer"
    )
}

/// The one sheet read of a workbook, and those left out.
pub fn only_sheet_read(file_stem: impl Display, others: impl Display) -> String {
    format!("seule la feuille « {file_stem} » a été lue ; laissées de côté : {others}")
}

/// A sheet whose kind of records cannot be told.
pub const SHEET_KIND_UNKNOWN: &str = "impossible de savoir quelles fiches contient cette feuille : nommez-la associations, experts, offers ou needs (ou commencez son nom par # pour la laisser de côté)";

/// A cell holding a spreadsheet error.
pub fn spreadsheet_error(e: impl Display) -> String {
    format!("la cellule contient l’erreur de tableur {e} : donnez une valeur ou videz la cellule")
}

/// Where a problem is: a sheet.
pub fn sheet(sheet: impl Display) -> String {
    format!("feuille « {sheet} »")
}

/// Where a problem is: a sheet and a place in it.
pub fn sheet_at(sheet: impl Display, at: impl Display) -> String {
    format!("feuille « {sheet} », {at}")
}

/// Where a problem is: a field.
pub fn field(field: impl Display) -> String {
    format!(" : champ « {field} »")
}

/// Where a problem is: the whole file.
pub const FILE: &str = "fichier";

/// Where a problem is: a record of a file, by its index.
pub fn record_at(i: impl Display) -> String {
    format!("fiche [{i}]")
}

/// A reference table that is not UTF-8.
pub const REFERENCE_NOT_UTF8: &str = "pas du texte UTF-8 : enregistrez-le en CSV UTF-8";

/// A file explor does not read.
pub const UNSUPPORTED_FILE: &str =
    "type de fichier non pris en charge : utilisez .json, .jsonl, .csv, .xlsx ou .ods";

/// A JSON file that is not an array of records.
pub const EXPECTED_ARRAY: &str = "attendu : un tableau JSON de fiches";

/// A socket, as a file's kind.
pub const SOCKET: &str = "une socket";

/// A folder, as a file's kind.
pub const DIRECTORY: &str = "un dossier";

/// Something that is not a file.
pub const NOT_A_FILE: &str = "pas un fichier";

/// A path that names nothing.
pub const NOT_FOUND: &str = "fichier ou dossier introuvable";

/// A file that cannot be read.
pub fn cannot_read(e: impl Display) -> String {
    format!("impossible de le lire : {e}")
}

/// A loop of symbolic links, in short.
pub const LINK_LOOP_SHORT: &str = "une boucle de liens symboliques";

/// A CSV file that is not UTF-8.
pub const NOT_UTF8: &str = "pas du texte UTF-8";

/// A line that is not CSV.
pub const BAD_CSV_LINE: &str = "la ligne est illisible en CSV";

/// A sheet that cannot be read.
pub fn unreadable_sheet(e: impl Display) -> String {
    format!("cette feuille est illisible : {e}")
}

/// A workbook whose sheets are all empty.
pub const EMPTY_WORKBOOK: &str = "aucune feuille de ce classeur ne contient quoi que ce soit";

/// A file that is not valid JSON, with what the parser said (in English: serde_json's words).
pub fn invalid_json(e: impl Display) -> String {
    format!("JSON invalide : {e}")
}
