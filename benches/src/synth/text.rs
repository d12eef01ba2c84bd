//! Small French text helpers: capitals, elision and contraction before place names,
//! lists, and ASCII slugs for ids and e-mail addresses.

/// The text with its first letter in upper case (`élodie` → `Élodie`).
pub(crate) fn cap(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Drops a leading article: `la mise en place …` → `mise en place …`.
pub(crate) fn without_article(text: &str) -> &str {
    for article in ["le ", "la ", "les ", "l'", "un ", "une "] {
        if let Some(rest) = text.strip_prefix(article) {
            return rest;
        }
    }
    text
}

fn starts_with_vowel(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| "AEIOUÉÈÊÎÔHaeiouéèêîôh".contains(c))
}

/// `à Toulouse`, `au Vigan`, `aux Cayes`.
pub(crate) fn at(city: &str) -> String {
    if let Some(rest) = city.strip_prefix("Le ") {
        format!("au {rest}")
    } else if let Some(rest) = city.strip_prefix("Les ") {
        format!("aux {rest}")
    } else {
        format!("à {city}")
    }
}

/// `de Toulouse`, `d'Albi`, `du Vigan`, `des Cayes`; also `d'apiculture`, `d'hygiène`.
pub(crate) fn of(city: &str) -> String {
    if let Some(rest) = city.strip_prefix("Le ") {
        format!("du {rest}")
    } else if let Some(rest) = city.strip_prefix("Les ") {
        format!("des {rest}")
    } else if starts_with_vowel(city) {
        format!("d'{city}")
    } else {
        format!("de {city}")
    }
}

/// `a`, `a et b`, `a, b et c`.
pub(crate) fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} et {last}", init.join(", ")),
    }
}

/// Lower-case ASCII letters and digits, other characters folded or turned into `sep`
/// (`Élec Sud` → `elec-sud`), no leading, trailing or doubled separators.
pub(crate) fn slug(text: &str, sep: char) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending = false;
    for c in text.chars() {
        let folded = fold(c);
        if folded.is_empty() {
            pending = !out.is_empty();
            continue;
        }
        if pending {
            out.push(sep);
            pending = false;
        }
        out.push_str(folded);
    }
    out
}

/// One character as lower-case ASCII letters, or empty for a separator.
fn fold(c: char) -> &'static str {
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    if c.is_ascii_alphanumeric() {
        let lower = c.to_ascii_lowercase();
        let i = LETTERS.find(lower).unwrap_or(0);
        return &LETTERS[i..=i];
    }
    match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'ạ' | 'ả' | 'ă' | 'ắ' | 'ằ' | 'ấ' | 'ầ' | 'ậ' | 'À' | 'Â'
        | 'Á' => "a",
        'ç' | 'Ç' => "c",
        'é' | 'è' | 'ê' | 'ë' | 'ệ' | 'ế' | 'ễ' | 'ể' | 'ề' | 'É' | 'È' | 'Ê' => {
            "e"
        }
        'î' | 'ï' | 'í' | 'ì' | 'ị' | 'Î' | 'Ï' => "i",
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'ơ' | 'ộ' | 'ố' | 'ồ' | 'ổ' | 'Ô' | 'Ó' | 'Õ' => {
            "o"
        }
        'ù' | 'û' | 'ü' | 'ú' | 'ũ' | 'ư' | 'ụ' | 'ứ' | 'ừ' | 'ự' | 'Ú' => "u",
        'ÿ' | 'ý' => "y",
        'ñ' => "n",
        'đ' | 'Đ' => "d",
        'œ' | 'Œ' => "oe",
        'æ' => "ae",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_places_take_the_right_preposition() {
        assert_eq!(at("Toulouse"), "à Toulouse");
        assert_eq!(at("Le Vigan"), "au Vigan");
        assert_eq!(at("Les Cayes"), "aux Cayes");
        assert_eq!(of("Albi"), "d'Albi");
        assert_eq!(of("Nîmes"), "de Nîmes");
        assert_eq!(of("Le Vigan"), "du Vigan");
    }

    #[test]
    fn slugs_are_ascii_and_tidy() {
        assert_eq!(slug("Élec Sud", '-'), "elec-sud");
        assert_eq!(slug("  Ben Salah -- Khoury ", '-'), "ben-salah-khoury");
        assert_eq!(slug("Nguyễn Thị", '.'), "nguyen.thi");
        assert_eq!(slug("Cœur d'Hérault", '-'), "coeur-d-herault");
        assert_eq!(cap("élodie"), "Élodie");
        assert_eq!(without_article("l'audit énergétique"), "audit énergétique");
        assert_eq!(list(&["a", "b", "c"]), "a, b et c");
    }
}
