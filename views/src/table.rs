//! A table as data: a header and rows of text cells, written once by a view and drawn
//! by each front end (a terminal table, an HTML table, CSV).

use std::borrow::Cow;

use explor_engine::schema::neutralise_formula;
use serde::Serialize;

/// Rows of text under a header; every row has as many cells as the header.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Table {
    /// Column titles.
    pub header: Vec<String>,
    /// The rows, cell by cell.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// An empty table with these column titles.
    pub fn new<S: AsRef<str>>(header: &[S]) -> Self {
        Self {
            header: header.iter().map(|h| h.as_ref().to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row (cut or padded with empty cells to the header's width).
    pub fn push(&mut self, mut row: Vec<String>) {
        row.resize(self.header.len(), String::new());
        self.rows.push(row);
    }

    /// No rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table as CSV with a header line (`,`-separated, quoted as needed).
    ///
    /// A text cell that a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`)
    /// is written with a leading `'` ([`neutralise_formula`]); the import drops it
    /// again, so `explor list --format csv` still reimports exactly.
    pub fn to_csv(&self) -> Result<String, csv::Error> {
        self.to_csv_as(CsvDialect::Plain)
    }

    /// The table as CSV in `dialect`; both neutralise formulas as [`Table::to_csv`]
    /// says.
    pub fn to_csv_as(&self, dialect: CsvDialect) -> Result<String, csv::Error> {
        let excel = dialect == CsvDialect::Excel;
        let mut w = csv::WriterBuilder::new()
            .delimiter(if excel { b';' } else { b',' })
            .from_writer(Vec::new());
        let cell = |c: &String| {
            let c = if excel {
                decimal_comma(c)
            } else {
                Cow::Borrowed(c.as_str())
            };
            neutralise_formula(&c).into_owned()
        };
        w.write_record(self.header.iter().map(cell))?;
        for row in &self.rows {
            w.write_record(row.iter().map(cell))?;
        }
        let bytes = w.into_inner().map_err(csv::IntoInnerError::into_error)?;
        let text = String::from_utf8_lossy(&bytes);
        Ok(if excel {
            format!("{BOM}{text}")
        } else {
            text.into_owned()
        })
    }
}

/// The byte order mark that tells Excel a CSV file is UTF-8 (without it, Excel reads
/// `é` as `Ã©`).
const BOM: char = '\u{feff}';

/// How a CSV file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvDialect {
    /// For scripts: `,` between cells, decimal point, no byte order mark.
    #[default]
    Plain,
    /// For a French Excel (`--format csv-fr`): `;` between cells, UTF-8 with a byte
    /// order mark, decimal comma in numbers (`93,4`).
    Excel,
}

/// A plain decimal number (`93.4`, `-0.25`) with a decimal comma (`93,4`); any other
/// text (dates, ids, `1.2.3`, `fr:C2`) as it is.
fn decimal_comma(cell: &str) -> Cow<'_, str> {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    match digits.split_once('.') {
        Some((whole, fraction))
            if !whole.is_empty()
                && !fraction.is_empty()
                && whole.bytes().all(|b| b.is_ascii_digit())
                && fraction.bytes().all(|b| b.is_ascii_digit()) =>
        {
            Cow::Owned(cell.replacen('.', ",", 1))
        }
        _ => Cow::Borrowed(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_take_the_header_width_and_csv_quotes_what_needs_it() {
        let mut t = Table::new(&["id", "name"]);
        t.push(vec!["a".into()]);
        t.push(vec!["b".into(), "x, \"y\"".into(), "dropped".into()]);
        assert_eq!(t.rows[0], vec!["a".to_owned(), String::new()]);
        assert_eq!(t.rows[1].len(), 2);
        assert_eq!(t.to_csv().unwrap(), "id,name\na,\nb,\"x, \"\"y\"\"\"\n");
    }

    #[test]
    fn csv_cells_that_start_a_formula_are_quoted_numbers_are_not() {
        let mut t = Table::new(&["name", "amount"]);
        t.push(vec!["=1+1".into(), "-12.5".into()]);
        t.push(vec!["@SUM(A1)".into(), "-3".into()]);
        t.push(vec!["-x".into(), "+33 6 00".into()]);
        assert_eq!(
            t.to_csv().unwrap(),
            "name,amount\n'=1+1,-12.5\n'@SUM(A1),-3\n'-x,'+33 6 00\n"
        );
    }

    #[test]
    fn excel_csv_has_a_bom_semicolons_decimal_commas_and_still_neutralises_formulas() {
        let mut t = Table::new(&["id", "score", "when", "note"]);
        t.push(vec![
            "exp-0007".into(),
            "93.4".into(),
            "2027-03-01".into(),
            "=HYPERLINK(\"x\")".into(),
        ]);
        t.push(vec![
            "a;b".into(),
            "-0.25".into(),
            "1.2.3".into(),
            "-x".into(),
        ]);
        assert_eq!(
            t.to_csv_as(CsvDialect::Excel).unwrap(),
            "\u{feff}id;score;when;note\n\
             exp-0007;93,4;2027-03-01;\"'=HYPERLINK(\"\"x\"\")\"\n\
             \"a;b\";-0,25;1.2.3;'-x\n"
        );
        // Scripts keep the plain dialect.
        assert!(
            t.to_csv()
                .unwrap()
                .starts_with("id,score,when,note\nexp-0007,93.4,")
        );
    }
}
