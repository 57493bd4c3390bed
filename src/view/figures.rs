//! The selection's figures as the page lists them (and the comparison repeats them): the
//! test id of docs/model.md §7, the Dutch label and one line of explanation, and how each is
//! shown (§5).

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::model::calculation::Figures;
use crate::model::data::Amounts;
use crate::text::format;
use crate::view::html::escape;

/// One line of the results: its test id, Dutch label and explanation, and which figure it
/// shows in which unit. The one list of the eleven figures: the results, the comparison,
/// the report and the message to a host page all read it.
pub struct Row {
    pub testid: &'static str,
    pub label: &'static str,
    pub uitleg: &'static str,
    /// What the figure is made of, after the explanation: budget and inkoop count
    /// cliëntondersteuning and Integrale Vroeghulp together, and say so with the amounts.
    pub parts: Option<Shown>,
    pub value: fn(&Figures) -> Decimal,
    pub unit: Unit,
    pub emphasis: bool,
}

/// What a figure counts, and so how it is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Whole euros: `€ 162.019`.
    Euro,
    /// Fte to one decimal: `3,9`.
    Fte,
}

impl Unit {
    /// The decimals a figure in this unit is shown with.
    pub fn decimals(self) -> u32 {
        match self {
            Unit::Euro => 0,
            Unit::Fte => 1,
        }
    }
}

impl Row {
    /// The figure as the page shows it.
    pub fn shown(&self, f: &Figures) -> String {
        let value = (self.value)(f);
        match self.unit {
            Unit::Euro => format::euro(value),
            Unit::Fte => format::fte(value),
        }
    }
}

pub const ROWS: [Row; 11] = [
    Row {
        testid: "budget-2014",
        label: "Budget 2014 totaal",
        uitleg: "Wat MEE in 2014 voor dit gebied ontving:",
        parts: Some(|f| parts(f.budget_2014)),
        value: |f| f.budget_2014.total(),
        unit: Unit::Euro,
        emphasis: false,
    },
    Row {
        testid: "inkoop-2015",
        label: "Inkoop 2015 totaal",
        uitleg: "Wat de gemeenten in 2015 bij MEE inkopen, volgens uw invoer:",
        parts: Some(|f| parts(f.inkoop_2015)),
        value: |f| f.inkoop_2015.total(),
        unit: Unit::Euro,
        emphasis: false,
    },
    Row {
        testid: "formatie-2014",
        label: "Formatie 2014 (fte)",
        uitleg: "Geschatte personeelsomvang: budget 2014 gedeeld door de kosten per fte.",
        parts: None,
        value: |f| f.formatie_2014,
        unit: Unit::Fte,
        emphasis: false,
    },
    Row {
        testid: "omzetdaling",
        label: "Omzetdaling",
        uitleg: "De daling die MEE treft, na verrekening met stijgingen bij andere gemeenten van dezelfde MEE-organisatie.",
        parts: None,
        value: |f| f.omzetdaling,
        unit: Unit::Euro,
        emphasis: false,
    },
    Row {
        testid: "fte-verlies",
        label: "Fte-verlies",
        uitleg: "Formatie die MEE niet meer kan betalen: omzetdaling gedeeld door de kosten per fte.",
        parts: None,
        value: |f| f.fte_verlies,
        unit: Unit::Fte,
        emphasis: false,
    },
    Row {
        testid: "fte-boventallig",
        label: "Boventallige fte",
        uitleg: "Vervallen fte die niet met het werk meegaan en niet door natuurlijk verloop vertrekken.",
        parts: None,
        value: |f| f.fte_boventallig,
        unit: Unit::Fte,
        emphasis: false,
    },
    Row {
        testid: "frictiekosten-personeel",
        label: "Frictiekosten personeel",
        uitleg: "Loonkosten van boventallige medewerkers: opzegtermijn, wachtgeld, ontslagvergoeding.",
        parts: None,
        value: |f| f.frictiekosten_personeel,
        unit: Unit::Euro,
        emphasis: false,
    },
    Row {
        testid: "frictiekosten-huisvesting",
        label: "Frictiekosten huisvesting",
        uitleg: "Doorlopende kosten van gebouwen, inventaris en ICT die MEE niet meer nodig heeft.",
        parts: None,
        value: |f| f.frictiekosten_huisvesting,
        unit: Unit::Euro,
        emphasis: false,
    },
    Row {
        testid: "frictiekosten",
        label: "Frictiekosten totaal",
        uitleg: "Personeel plus huisvesting: wat de overgang MEE kost.",
        parts: None,
        value: |f| f.frictiekosten,
        unit: Unit::Euro,
        emphasis: true,
    },
    Row {
        testid: "dekking-reserves",
        label: "Dekking uit reserves",
        uitleg: "Het deel van de frictiekosten dat MEE uit eigen reserves kan betalen.",
        parts: None,
        value: |f| f.dekking_reserves,
        unit: Unit::Euro,
        emphasis: false,
    },
    Row {
        testid: "frictiekosten-ongedekt",
        label: "Ongedekt",
        uitleg: "Frictiekosten waarvoor nog geen dekking is.",
        parts: None,
        value: |f| f.ongedekt,
        unit: Unit::Euro,
        emphasis: true,
    },
];

fn parts(a: Amounts) -> String {
    format!("cliëntondersteuning {} plus Integrale Vroeghulp {}.", format::euro(a.co), format::euro(a.ivh))
}

/// A figure as a row of the comparison shows it.
pub type Shown = fn(&Figures) -> String;

/// The sums over an afbouwpad, for the comparison: (label, figure). Only the flows add up
/// over years; budget and formatie do not.
pub const PATH_ROWS: [(&str, Shown); 4] = [
    ("Omzetdaling 2015–2018", |f| format::euro(f.omzetdaling)),
    ("Fte-verlies 2015–2018", |f| format::fte(f.fte_verlies)),
    ("Frictiekosten 2015–2018", |f| format::euro(f.frictiekosten)),
    ("Ongedekt 2015–2018", |f| format::euro(f.ongedekt)),
];

/// The results list, the content of its `<dl>`: every row's label, figure (with its test
/// id) and explanation. Redrawn as a whole on every keystroke: a few dozen elements.
pub fn list_markup(f: &Figures) -> String {
    let mut html = String::new();
    for row in &ROWS {
        let emphasis = if row.emphasis { " result--emphasis" } else { "" };
        let _ = write!(
            html,
            r#"<div class="result{emphasis}"><dt class="result__label">{}</dt><dd class="result__value" data-testid="{}" translate="no">{}</dd><dd class="result__uitleg">{}"#,
            escape(row.label),
            row.testid,
            escape(&row.shown(f)),
            escape(row.uitleg),
        );
        if let Some(parts) = row.parts {
            let _ = write!(html, r#" <span translate="no">{}</span>"#, escape(&parts(f)));
        }
        if let Some(note) = (row.testid == "omzetdaling").then(|| geen_daling(f)).flatten() {
            let _ = write!(html, r#" <strong data-testid="geen-omzetdaling">{}</strong>"#, escape(&note));
        }
        html.push_str("</dd></div>");
    }
    html
}

/// When the area buys more than its 2014 budget and nothing of it falls: that a rise is no
/// omzetdaling, and so costs no frictiekosten. Said in words, because "€ 0" beside a rise
/// reads as a mistake.
pub fn geen_daling(f: &Figures) -> Option<String> {
    let (budget, inkoop) = (f.budget_2014.total(), f.inkoop_2015.total());
    if inkoop <= budget || !f.omzetdaling.is_zero() {
        return None;
    }
    let change = if budget.is_zero() {
        String::new()
    } else {
        format!(" ({})", format::percent_change((inkoop / budget - Decimal::ONE) * Decimal::ONE_HUNDRED))
    };
    Some(format!(
        "De inkoop 2015 is hoger dan het budget 2014{change}: er is geen omzetdaling, en dus zijn er geen frictiekosten."
    ))
}

/// The three figures people look for first (frictiekosten, ongedekt, fte-verlies); with
/// `over_path`, labelled as the totals over an afbouwpad 2015–2018.
pub fn key_markup(f: &Figures, over_path: bool) -> String {
    let years = if over_path { " 2015–2018" } else { "" };
    let mut html = String::new();
    for (label, value) in [
        ("Frictiekosten", format::euro(f.frictiekosten)),
        ("Ongedekt", format::euro(f.ongedekt)),
        ("Fte-verlies", format::fte(f.fte_verlies)),
    ] {
        let _ = write!(
            html,
            r#"<div class="key-figures__item"><span class="key-figures__label">{label}{years}</span><span class="key-figures__value" translate="no">{}</span></div>"#,
            escape(&value)
        );
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calculation::calculate;
    use crate::model::data::Line;
    use crate::model::params::Parameters;
    use crate::model::scenario::{Change, Scenario};
    use crate::model::selection::{Kind, Selection};
    use crate::model::testing::{data, find};
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;

    fn figures(selection: Selection, p: Decimal) -> Figures {
        let mut s = Scenario::status_quo(data());
        s.apply(data(), selection, Line::Co, Change::Percent(p)).unwrap();
        calculate(data(), &s, &Parameters::default()).selection(data(), selection)
    }

    /// A rise showed "€ 0" omzetdaling without a word.
    #[test]
    fn a_rise_says_there_is_no_omzetdaling_and_so_no_frictiekosten() {
        let groningen = find(Kind::Gemeente, "Groningen");
        let up = figures(groningen, dec!(20));
        let note = geen_daling(&up).unwrap();
        assert!(note.starts_with("De inkoop 2015 is hoger dan het budget 2014 (+"), "{note}");
        assert!(note.ends_with("er is geen omzetdaling, en dus zijn er geen frictiekosten."), "{note}");
        assert!(list_markup(&up).contains(r#"<strong data-testid="geen-omzetdaling">De inkoop 2015 is hoger"#));
        assert_eq!(geen_daling(&figures(groningen, dec!(-10))), None);
        assert_eq!(geen_daling(&figures(groningen, dec!(0))), None);
        assert!(!list_markup(&figures(groningen, dec!(-10))).contains("geen-omzetdaling"));
    }
}
