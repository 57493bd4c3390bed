//! The chosen area described above the fields: its name and kind, its gemeenten and
//! MEE-organisaties, its 2014 budgets and formation; for a gemeente formed after 2013, which
//! gemeenten of 2013 count for it and why.

use std::fmt::Write as _;

use crate::model::calculation::Figures;
use crate::model::data::herindeling::Part;
use crate::model::data::{Dataset, LaterId};
use crate::model::selection::Selection;
use crate::text::format;
use crate::view::html::escape;

/// The area's heading: "Heel Nederland", or its name and kind.
pub fn heading(data: &Dataset, selection: Selection) -> String {
    match selection {
        Selection::Nederland => "Heel Nederland".to_string(),
        other => other.described(data),
    }
}

/// "12 gemeenten · MEE-organisaties: …": how many gemeenten (none said for one) and which
/// organisations (named up to four).
pub fn meta(data: &Dataset, selection: Selection) -> String {
    let gemeenten = match selection.gemeenten(data).len() {
        1 => String::new(),
        n => format!("{n} gemeenten · "),
    };
    let names: Vec<&str> = selection.organisaties(data).iter().map(|&o| data.organisatie(o).naam.as_str()).collect();
    let organisaties = match names.len() {
        1 => format!("MEE-organisatie: {}", names[0]),
        n if n <= 4 => format!("MEE-organisaties: {}", names.join(", ")),
        n => format!("{n} MEE-organisaties"),
    };
    gemeenten + &organisaties
}

/// "A, B en C".
fn listed(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [only] => only.to_string(),
        [first @ .., last] => format!("{} en {last}", first.join(", ")),
    }
}

/// A part's share of its 2013 gemeente's area, rounded: "5%", "minder dan 1%".
fn share(part: &Part) -> String {
    let percent = format::round(part.share * rust_decimal::Decimal::ONE_HUNDRED, 0);
    if percent.is_zero() { "minder dan 1%".to_string() } else { format::percent(percent) }
}

/// What a gemeente formed after 2013 means here, in sentences: that the table has the
/// gemeenten of 1 January 2013, which of them count for it, which parts of others went to
/// it and do not count, and the rule (more than half of a 2013 gemeente's area).
pub fn herindeling(data: &Dataset, id: LaterId) -> String {
    let l = data.later(id);
    let naam = l.naam.as_str();
    let existed = data.gemeenten.iter().any(|g| g.compact == crate::model::data::compact(naam));
    let mut text = if existed {
        format!("{naam} is na 1 januari 2013 heringedeeld")
    } else {
        format!("{naam} bestond op 1 januari 2013 nog niet")
    };
    let members: Vec<&str> = l.gemeenten.iter().map(|&g| data.gemeente(g).naam.as_str()).collect();
    let _ = write!(
        text,
        ", en de budgettabel van 2014 (Bijlage 5) gaat uit van de 408 gemeenten van die datum. Daarom telt hier \
         {naam} ({}) als de som van de {} gemeenten van 2013 waaruit het is gevormd: {}.",
        l.label(),
        members.len(),
        listed(&members)
    );
    for part in &l.parts_in {
        let van = &data.gemeente(part.gemeente).naam;
        let _ = write!(text, " Van {van} ging een deel ({}) naar {naam}; dat deel telt hier niet mee.", share(part));
    }
    for (part, elsewhere) in &l.parts_out {
        let van = &data.gemeente(part.gemeente).naam;
        let _ = write!(
            text,
            " Van {van} ging een deel ({}) naar {elsewhere}; {van} telt hier toch helemaal mee.",
            share(part)
        );
    }
    text += " De regel: een gemeente van 2013 telt helemaal mee bij de latere gemeente die meer dan de helft van \
             haar oppervlakte kreeg, en bij geen andere; de tabel heeft één budget per gemeente van 2013.";
    let renamed = data.later.iter().filter(|o| o.gemeenten == l.gemeenten && o.naam != l.naam);
    for other in renamed {
        let verb = if other.years.last() == Some(&2025) { "heten" } else { "heetten" };
        let period = other.period();
        let when = if period.starts_with("sinds") { period } else { format!("in {period}") };
        let _ = write!(text, " Dezelfde gemeenten van 2013 {verb} {when} {}.", other.naam);
    }
    text
}

/// The summary's heading, meta line and budgets, as markup (`summary_markup`'s `<dl>` has
/// the test ids the browser tests read).
pub fn summary_markup(data: &Dataset, selection: Selection, f: &Figures) -> String {
    let mut html = format!(
        r#"<h2 id="gebied-titel" class="nl-heading nl-heading--level-2" translate="no">{}</h2><p class="summary__meta" translate="no">{}</p><dl class="summary__budget">"#,
        escape(&heading(data, selection)),
        escape(&meta(data, selection))
    );
    for (label, value) in [
        ("Budget 2014 cliëntondersteuning", format::euro(f.budget_2014.co)),
        ("Budget 2014 Integrale Vroeghulp", format::euro(f.budget_2014.ivh)),
        ("Budget 2014 totaal", format::euro(f.budget_2014.total())),
        ("Geschatte formatie 2014", format!("{} fte", format::fte(f.formatie_2014))),
    ] {
        let _ = write!(html, r#"<div><dt>{label}</dt><dd translate="no">{}</dd></div>"#, escape(&value));
    }
    html += "</dl>";
    if let Selection::Later(id) = selection {
        let _ = write!(
            html,
            r#"<p class="summary__herindeling nl-paragraph" data-testid="herindeling">{}</p>"#,
            escape(&herindeling(data, id))
        );
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::find::later_named;
    use crate::model::testing::data;

    fn sentence(naam: &str, year: u16) -> String {
        herindeling(data(), later_named(data(), naam, Some(year)).expect(naam))
    }

    #[test]
    fn a_merged_gemeente_says_what_counts_for_it_and_the_rule() {
        let dfm = sentence("De Friese Meren", 2014);
        assert!(dfm.starts_with("De Friese Meren bestond op 1 januari 2013 nog niet"), "{dfm}");
        assert!(dfm.contains("gevormd: Gaasterlân-Sleat, Lemsterland en Skarsterlân."), "{dfm}");
        assert!(dfm.contains("Van Boarnsterhim ging een deel (5%) naar De Friese Meren; dat deel telt hier niet mee."));
        assert!(dfm.contains("meer dan de helft van haar oppervlakte"), "{dfm}");
        assert!(dfm.contains("Dezelfde gemeenten van 2013 heten sinds 2016 De Fryske Marren."), "{dfm}");
        assert!(sentence("Alkmaar", 2015).starts_with("Alkmaar is na 1 januari 2013 heringedeeld"));
        let Selection::Later(id) = Selection::Later(later_named(data(), "Krimpenerwaard", None).unwrap()) else {
            unreachable!()
        };
        let html = summary_markup(data(), Selection::Later(id), &Figures::default());
        assert!(html.contains(r#"data-testid="herindeling""#) && html.contains("Krimpenerwaard (gemeente sinds 2015)"));
    }
}
