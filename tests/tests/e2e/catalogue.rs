//! The French catalogue stays the only place for French text (issue #17 item 6):
//! outside `engine/src/fr/`, no string literal of the crates' Rust sources holds a
//! French letter or French punctuation. Test code (files named `tests.rs`, folders
//! named `tests`, and everything from a file's first `#[cfg(test)]` or
//! `#[cfg(all(test, …))]` line on) and
//! comments are not looked at; character literals (accent folding) are not text.

use std::path::{Path, PathBuf};

use explor_tests::repo_root;

/// The letters and signs that mark a literal as French.
const FRENCH: &[char] = &[
    'é', 'è', 'à', 'ê', 'ù', 'ô', 'ç', 'É', 'î', 'ï', 'û', 'â', 'œ', '’', '«', '»',
];

/// Sources allowed to hold such literals, each with its reason.
const EXCEPTIONS: &[&str] = &[];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if name != "tests" {
                rust_files(&path, out);
            }
        } else if name.ends_with(".rs") && name != "tests.rs" {
            out.push(path);
        }
    }
}

/// The string literals of `source` (normal, raw and byte strings) with the line each
/// starts on; comments and character literals are skipped.
fn string_literals(source: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = source.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let (mut i, mut line, mut found) = (0, 1, Vec::new());
    while i < chars.len() {
        let c = chars[i];
        let word_before = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && at(i + 1) == '/') {
                line += usize::from(chars[i] == '\n');
                i += 1;
            }
            i += 2;
        } else if !word_before && (c == 'r' || (c == 'b' && at(i + 1) == 'r')) && {
            let mut j = i + if c == 'b' { 2 } else { 1 };
            while at(j) == '#' {
                j += 1;
            }
            at(j) == '"'
        } {
            let mut j = i + if c == 'b' { 2 } else { 1 };
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            let start = j + 1;
            let mut end = start;
            while end < chars.len()
                && !(chars[end] == '"' && (1..=hashes).all(|h| at(end + h) == '#'))
            {
                end += 1;
            }
            let text: String = chars[start..end.min(chars.len())].iter().collect();
            found.push((line, text.clone()));
            line += text.matches('\n').count();
            i = end + 1 + hashes;
        } else if c == '"' {
            let mut end = i + 1;
            while end < chars.len() && chars[end] != '"' {
                end += if chars[end] == '\\' { 2 } else { 1 };
            }
            let text: String = chars[i + 1..end.min(chars.len())].iter().collect();
            found.push((line, text.clone()));
            line += text.matches('\n').count();
            i = end + 1;
        } else if c == '\'' && at(i + 1) == '\\' {
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
        } else if c == '\'' && at(i + 2) == '\'' {
            i += 3;
        } else {
            i += 1;
        }
    }
    found
}

#[test]
fn french_text_lives_only_in_the_catalogue() {
    let root = repo_root();
    let mut files = Vec::new();
    for krate in ["engine", "indexer", "cli", "web", "views"] {
        rust_files(&root.join(krate).join("src"), &mut files);
    }
    let catalogue = root.join("engine").join("src").join("fr");
    let mut outside = Vec::new();
    for file in files.iter().filter(|f| !f.starts_with(&catalogue)) {
        let relative = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if EXCEPTIONS.contains(&relative.as_str()) {
            continue;
        }
        let source = std::fs::read_to_string(file).unwrap();
        let code: String = source
            .lines()
            .take_while(|l| {
                !l.trim_start().starts_with("#[cfg(test)]")
                    && !l.trim_start().starts_with("#[cfg(all(test")
            })
            .map(|l| format!("{l}\n"))
            .collect();
        for (line, text) in string_literals(&code) {
            if text.contains(FRENCH) {
                outside.push(format!("{relative}:{line}: {text:?}"));
            }
        }
    }
    assert!(
        outside.is_empty(),
        "{} French literals outside engine/src/fr/ (move them into the catalogue):\n{}",
        outside.len(),
        outside.join("\n")
    );
}
