//! What the import preview says (`crate::view::import` decides what an import does): the
//! summary, the tables, the names it can read once the person accepts a suggestion, the
//! gemeenten of the area the file leaves out, the chosen file and how it was read.
//! Every text a file supplies is escaped here or shown as text by the page.

use crate::model::data::{Dataset, GemeenteId, Line, compact};
use crate::model::selection::{Kind, Selection};
use crate::text::encoding::Encoding;
use crate::text::format;
use crate::text::untrusted;
use crate::view::html::{self, escape};
use crate::view::import::{Accepted, Choices, Preview, Reason};

/// An unknown name with the gemeenten it may mean: what the preview offers to accept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub line_number: usize,
    /// The name as written, one line, safe to show.
    pub written: String,
    /// One typo away, in alphabetical order (at most three).
    pub options: Vec<GemeenteId>,
}

/// The unknown names with suggestions, in the order of the file.
pub fn questions(data: &Dataset, p: &Preview) -> Vec<Question> {
    p.problems
        .iter()
        .filter_map(|problem| match &problem.reason {
            Reason::UnknownGemeente { naam, suggestions } if !suggestions.is_empty() => Some(Question {
                line_number: problem.line_number,
                written: naam.clone(),
                options: suggestions.iter().filter_map(|s| data.find_gemeente(&compact(s))).collect(),
            }),
            _ => None,
        })
        .collect()
}

/// `choices` with every question that has one option answered with it ("alle voorstellen
/// overnemen"); a name that may mean two gemeenten is left to the person.
pub fn accept_all(data: &Dataset, p: &Preview, choices: &Choices) -> Choices {
    let mut all = choices.clone();
    for q in questions(data, p) {
        if let [only] = q.options[..] {
            all.insert(q.line_number, only);
        }
    }
    all
}

/// How many questions "alle voorstellen overnemen" answers; the button is offered from two
/// on (one has its own button beside it).
pub fn unambiguous(data: &Dataset, p: &Preview) -> usize {
    questions(data, p).iter().filter(|q| q.options.len() == 1).count()
}

/// "Alle 3 voorstellen overnemen".
pub fn accept_all_label(n: usize) -> String {
    format!("Alle {n} voorstellen overnemen")
}

/// Above a question's buttons: "Regel 3: ‘Asen’. Bedoelt u:".
pub fn question_text(q: &Question) -> String {
    format!("Regel {}: ‘{}’. Bedoelt u:", q.line_number, q.written)
}

/// The accessible name of a suggestion's button, which shows the gemeente's name: what
/// pressing it does, for someone who hears only the button.
pub fn option_label(data: &Dataset, q: &Question, g: GemeenteId) -> String {
    format!("{} gebruiken voor ‘{}’ op regel {}", data.gemeente(g).naam, q.written, q.line_number)
}

/// "Regel 3: ‘Asen’ wordt gelezen als Assen."
pub fn accepted_text(data: &Dataset, a: &Accepted) -> String {
    format!("Regel {}: ‘{}’ wordt gelezen als {}.", a.line_number, a.written, data.gemeente(a.gemeente).naam)
}

/// The line under the file button, in Dutch whatever the browser's language (its own file
/// input would say "No file chosen" after a file is read).
pub fn chosen_file(name: Option<&str>) -> String {
    match name.and_then(|n| untrusted::one_line(n, 80)).filter(|n| !n.trim().is_empty()) {
        Some(name) => format!("Gekozen bestand: {name}"),
        None => "Nog geen bestand gekozen.".to_string(),
    }
}

/// What the preview says about how a file was read, when the reading was a guess: bytes
/// that are not UTF-8 are read as Windows-1252 (`crate::text::encoding`), which gives
/// every byte a letter, so a UTF-8 file with one bad byte would otherwise show its
/// accented names wrong, or miss its columns, without a word.
pub fn encoding_notice(encoding: Encoding) -> Option<&'static str> {
    match encoding {
        Encoding::Windows1252 => Some(
            "Dit bestand is gelezen als Windows-1252 (geen geldige UTF-8); controleer of namen met accenten kloppen. \
             Bewaar het in Excel als ‘CSV UTF-8’ als dat niet zo is.",
        ),
        Encoding::Utf8 | Encoding::Utf16Le | Encoding::Utf16Be => None,
    }
}

/// "2 gemeenten krijgen een ander bedrag; 1 regel wordt niet gebruikt; 10 ongewijzigd."
pub fn summary(p: &Preview) -> String {
    let mut parts = vec![match p.gemeenten() {
        0 => "Geen gemeente krijgt een ander bedrag".to_string(),
        1 => "1 gemeente krijgt een ander bedrag".to_string(),
        n => format!("{n} gemeenten krijgen een ander bedrag"),
    }];
    match p.problems.len() {
        0 => {}
        1 => parts.push("1 regel wordt niet gebruikt (zie hieronder)".into()),
        n => parts.push(format!("{n} regels worden niet gebruikt (zie hieronder)")),
    }
    if p.unchanged > 0 {
        parts.push(format!("{} ongewijzigd", p.unchanged));
    }
    parts.join("; ") + "."
}

/// More names than this are folded away under a summary that counts them.
pub const MISSING_SHOWN: usize = 30;

/// The area as in a sentence: "jeugdregio Drenthe", "MEE Drenthe", "Nederland".
fn area(data: &Dataset, s: Selection) -> String {
    match s.kind() {
        Kind::Jeugdregio => format!("jeugdregio {}", s.naam(data)),
        Kind::Gemeente => format!("gemeente {}", s.naam(data)),
        _ => s.naam(data).to_string(),
    }
}

/// "A, B en C".
fn listed(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} en {last}", rest.join(", ")),
    }
}

/// The gemeenten of the chosen area that the file does not name, which keep their
/// amounts, as markup: a sentence, and the names (folded away when there are many).
pub fn missing_markup(data: &Dataset, p: &Preview) -> String {
    let all = p.gebied.gemeenten(data).len();
    let m = p.missing.len();
    let gebied = area(data, p.gebied);
    let sentence = match (m, all) {
        (0, 1) => format!("De {gebied} staat in het bestand."),
        (0, n) => format!("Alle {n} gemeenten van {gebied} staan in het bestand."),
        (1, 1) => format!("De {gebied} staat niet in het bestand en houdt haar huidige bedrag."),
        (m, n) if m == n => {
            format!("Geen van de {n} gemeenten van {gebied} staat in het bestand; ze houden hun huidige bedrag.")
        }
        (1, n) => {
            format!("1 van de {n} gemeenten van {gebied} staat niet in het bestand en houdt haar huidige bedrag:")
        }
        (m, n) => {
            format!("{m} van de {n} gemeenten van {gebied} staan niet in het bestand en houden hun huidige bedrag:")
        }
    };
    let mut out = format!(r#"<p class="nl-paragraph import__missing">{}"#, escape(&sentence));
    if m == 0 || m == all {
        return out + "</p>";
    }
    let names: Vec<&str> = p.missing.iter().map(|&g| data.gemeente(g).naam.as_str()).collect();
    let names = escape(&(listed(&names) + "."));
    if m > MISSING_SHOWN {
        out.push_str(&format!(
            r#"</p><details class="import__missing-list"><summary>Toon de {m} gemeenten</summary><p class="nl-paragraph">{names}</p></details>"#
        ));
    } else {
        out.push_str(&format!(" {names}</p>"));
    }
    out
}

/// The preview's tables, with a caption above each for everyone: what changes, and the rows
/// that are not used with their reasons.
pub fn tables(p: &Preview) -> String {
    let mut out = String::new();
    if !p.changes.is_empty() {
        let rows: Vec<(String, Vec<String>)> = p
            .changes
            .iter()
            .map(|c| {
                let line = match c.line {
                    Line::Co => "cliëntondersteuning",
                    Line::Ivh => "Integrale Vroeghulp",
                };
                // "€ +1.234" beside "€ −1.234".
                let difference = if c.difference.is_sign_positive() {
                    format!("€{}+{}", format::NBSP, format::number(c.difference, 0))
                } else {
                    format::euro(c.difference)
                };
                let cells = vec![
                    line.into(),
                    format::euro(c.budget_2014),
                    format::euro(c.current),
                    format::euro(c.new),
                    difference,
                ];
                (c.naam.clone(), cells)
            })
            .collect();
        out.push_str(&visible_caption(html::table(
            "Wat verandert",
            &["Gemeente", "Onderdeel", "Budget 2014", "Nu", "Nieuw", "Verschil"],
            &[false, true, true, true, true],
            &rows,
        )));
    }
    if !p.problems.is_empty() {
        let rows: Vec<(String, Vec<String>)> = p
            .problems
            .iter()
            .map(|b| (b.line_number.to_string(), vec![b.text.clone(), b.reason.to_string()]))
            .collect();
        out.push_str(&visible_caption(html::table(
            "Regels die niet worden gebruikt",
            &["Regel", "Inhoud", "Reden"],
            &[false, false],
            &rows,
        )));
    }
    out
}

fn visible_caption(table: String) -> String {
    table.replacen(r#"<caption class="visually-hidden">"#, r#"<caption class="import__caption">"#, 1)
}

/// What the undo line says once an import is applied: how many gemeenten, from where (a
/// file's name in quotes, or "de geplakte tekst").
pub fn applied(gemeenten: usize, source: &str) -> String {
    match gemeenten {
        1 => format!("Bedrag van 1 gemeente ingelezen uit {source}."),
        n => format!("Bedragen van {n} gemeenten ingelezen uit {source}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_applied_import_says_how_many_and_from_where() {
        assert_eq!(applied(1, "de geplakte tekst"), "Bedrag van 1 gemeente ingelezen uit de geplakte tekst.");
        assert_eq!(applied(12, "‘inkoop.csv’"), "Bedragen van 12 gemeenten ingelezen uit ‘inkoop.csv’.");
    }

    #[test]
    fn a_guessed_encoding_is_said_and_a_known_one_is_not() {
        let notice = encoding_notice(Encoding::Windows1252).unwrap();
        assert!(notice.starts_with("Dit bestand is gelezen als Windows-1252 (geen geldige UTF-8)"), "{notice}");
        for known in [Encoding::Utf8, Encoding::Utf16Le, Encoding::Utf16Be] {
            assert_eq!(encoding_notice(known), None);
        }
    }

    #[test]
    fn names_are_listed_as_dutch_writes_them() {
        assert_eq!(listed(&[]), "");
        assert_eq!(listed(&["Assen"]), "Assen");
        assert_eq!(listed(&["Assen", "Emmen", "Tynaarlo"]), "Assen, Emmen en Tynaarlo");
    }
}
