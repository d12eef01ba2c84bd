//! A table as data: a header and rows of text cells, written once by a view and drawn
//! by each front end (a terminal table, an HTML table, CSV).

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
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(
            self.header
                .iter()
                .map(|c| neutralise_formula(c).into_owned()),
        )?;
        for row in &self.rows {
            w.write_record(row.iter().map(|c| neutralise_formula(c).into_owned()))?;
        }
        let bytes = w.into_inner().map_err(csv::IntoInnerError::into_error)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
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
}
