//! "Zo is dit berekend": the calculation of docs/model.md §4 written out with the chosen
//! area's own numbers, so that a raadsvoorstel can say where its figure comes from.
//!
//! First the steps for each MEE-organisatie the area belongs to, from its budget to its
//! ongedekte frictiekosten; then, for an area smaller than an organisation, its share by its
//! daling. Budgets and inkoop are always split into cliëntondersteuning and Integrale
//! Vroeghulp: the model counts both, and a person who typed an amount for one should see
//! where the other comes in. Every figure shown is the model's own (rounded for display
//! only), so the text can never drift from the results beside it.

use rust_decimal::Decimal;

use crate::model::calculation::{Figures, Outcome};
use crate::model::data::{Amounts, Dataset, OrganisatieId};
use crate::model::params::{ParamKey, Parameters};
use crate::model::selection::Selection;
use crate::text::format;
use crate::view::html::{self, escape};

/// One line of the calculation: what is computed, from what, and the outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub label: String,
    pub sum: String,
    pub result: String,
}

/// A titled list of steps: one organisation, or one area's share of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub heading: String,
    pub steps: Vec<Step>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Worked {
    pub intro: String,
    pub parts: Vec<Part>,
    /// For Nederland: per organisation its omzetdaling, fte-verlies, frictiekosten and
    /// ongedekt, and the total; the steps of 22 organisations would be a booklet.
    pub organisaties: Vec<(String, [String; 4])>,
    /// Why the cost per fte does not change the frictiekosten, with the current value.
    pub fte_kosten: String,
}

fn step(label: impl Into<String>, sum: impl Into<String>, result: impl Into<String>) -> Step {
    Step { label: label.into(), sum: sum.into(), result: result.into() }
}

fn parts_of(a: Amounts) -> String {
    format!("cliëntondersteuning {} + Integrale Vroeghulp {}", format::euro(a.co), format::euro(a.ivh))
}

fn shown(params: &Parameters, key: ParamKey) -> String {
    format::value(params.get(key), key.spec().unit)
}

/// The lines of §4 for one organisation, with its figures.
fn organisation_steps(f: &Figures, params: &Parameters) -> Vec<Step> {
    let euro = format::euro;
    let fte = |d: Decimal| format!("{} fte", format::fte(d));
    let kosten = shown(params, ParamKey::FteKosten);
    let boventallig_euro = f.fte_boventallig * params.fraction(ParamKey::FteKosten);
    vec![
        step("Budget 2014", parts_of(f.budget_2014), euro(f.budget_2014.total())),
        step("Inkoop 2015", parts_of(f.inkoop_2015), euro(f.inkoop_2015.total())),
        step(
            "Omzetdaling",
            format!("{} − {}, niet minder dan €\u{a0}0", euro(f.budget_2014.total()), euro(f.inkoop_2015.total())),
            euro(f.omzetdaling),
        ),
        step("Formatie 2014", format!("{} ÷ {kosten} per fte", euro(f.budget_2014.total())), fte(f.formatie_2014)),
        step("Fte-verlies", format!("{} ÷ {kosten} per fte", euro(f.omzetdaling)), fte(f.fte_verlies)),
        step(
            "Gaat mee met het werk",
            format!("{} × {}", fte(f.fte_verlies), shown(params, ParamKey::MensVolgtWerk)),
            fte(f.fte_mens_volgt_werk),
        ),
        step(
            "Natuurlijk verloop",
            format!("{} × {}, hoogstens wat overblijft", fte(f.formatie_2014), shown(params, ParamKey::Verloop)),
            fte(f.fte_verloop),
        ),
        step(
            "Boventallige fte",
            format!(
                "{} − {} − {}",
                format::fte(f.fte_verlies),
                format::fte(f.fte_mens_volgt_werk),
                format::fte(f.fte_verloop)
            ),
            fte(f.fte_boventallig),
        ),
        step("Hun loonkosten per jaar", format!("{} × {kosten}", fte(f.fte_boventallig)), euro(boventallig_euro)),
        step(
            "Frictiekosten personeel",
            format!("{} × {} ÷ 12 maanden", euro(boventallig_euro), shown(params, ParamKey::MaandenPersoneel)),
            euro(f.frictiekosten_personeel),
        ),
        step(
            "Frictiekosten huisvesting",
            format!(
                "{} × {} × {} ÷ 12 maanden",
                euro(f.omzetdaling),
                shown(params, ParamKey::Huisvesting),
                shown(params, ParamKey::MaandenHuisvesting)
            ),
            euro(f.frictiekosten_huisvesting),
        ),
        step(
            "Frictiekosten",
            format!("{} + {}", euro(f.frictiekosten_personeel), euro(f.frictiekosten_huisvesting)),
            euro(f.frictiekosten),
        ),
        step(
            "Dekking uit reserves",
            format!("{} × {}", euro(f.frictiekosten), shown(params, ParamKey::Reserves)),
            euro(f.dekking_reserves),
        ),
        step("Ongedekt", format!("{} − {}", euro(f.frictiekosten), euro(f.dekking_reserves)), euro(f.ongedekt)),
    ]
}

/// The area's share of one organisation's figures: by its daling against that of all the
/// organisation's gemeenten.
fn share_steps(data: &Dataset, outcome: &Outcome, selection: Selection, o: OrganisatieId, area: &Figures) -> Vec<Step> {
    let euro = format::euro;
    let daling = |g| {
        let f = outcome.gemeente(g);
        (f.budget_2014.total() - f.inkoop_2015.total()).max(Decimal::ZERO)
    };
    let members = &data.organisatie(o).gemeenten;
    let all: Decimal = members.iter().map(|&g| daling(g)).sum();
    let ours: Vec<_> = members.iter().copied().filter(|&g| selection.contains(data, g)).collect();
    let own: Decimal = ours.iter().map(|&g| daling(g)).sum();
    let naam = data.organisatie(o).naam.as_str();
    let own_sum = match ours.as_slice() {
        [g] => {
            let f = outcome.gemeente(*g);
            format!("{} − {}, niet minder dan €\u{a0}0", euro(f.budget_2014.total()), euro(f.inkoop_2015.total()))
        }
        _ => format!("per gemeente budget 2014 − inkoop 2015, opgeteld over {} gemeenten", ours.len()),
    };
    let org = outcome.organisatie(o);
    let of = |total: Decimal| {
        if all.is_zero() {
            "geen gemeente koopt minder in".to_string()
        } else {
            format!("{} × {} ÷ {}", euro(total), euro(own), euro(all))
        }
    };
    // Without any daling there is nothing to share: "€ 0 ÷ € 0 = 0%" would be no sum at all.
    let aandeel = if all.is_zero() {
        step("Aandeel", format!("geen daling bij {naam}, dus niets te verdelen"), "geen")
    } else {
        step("Aandeel", format!("{} ÷ {}", euro(own), euro(all)), format::percent(own / all * Decimal::ONE_HUNDRED))
    };
    vec![
        step("Daling hier", own_sum, euro(own)),
        step(format!("Daling alle gemeenten van {naam}"), "gemeenten die meer inkopen tellen als €\u{a0}0", euro(all)),
        aandeel,
        step("Frictiekosten", of(org.frictiekosten), euro(area.frictiekosten)),
        step("Ongedekt", of(org.ongedekt), euro(area.ongedekt)),
        step(
            "Fte-verlies",
            if all.is_zero() {
                of(Decimal::ZERO)
            } else {
                format!("{} fte × {} ÷ {}", format::fte(org.fte_verlies), euro(own), euro(all))
            },
            format!("{} fte", format::fte(area.fte_verlies)),
        ),
    ]
}

/// The worked calculation for `selection`.
pub fn worked(data: &Dataset, outcome: &Outcome, params: &Parameters, selection: Selection) -> Worked {
    let kosten = shown(params, ParamKey::FteKosten);
    let fte_kosten = format!(
        "Waarom de kosten per fte ({kosten}) de frictiekosten niet veranderen: ze bepalen hoeveel fte een \
         bedrag is, niet wat het kost. Het fte-verlies is de omzetdaling gedeeld door de kosten per fte, en \
         de loonkosten van de boventallige fte zijn dat aantal maal dezelfde kosten per fte; ze vallen tegen \
         elkaar weg. Andere kosten per fte veranderen dus de fte-cijfers, niet de bedragen."
    );
    let naam = selection.naam(data);
    let org_part =
        |o: OrganisatieId, heading: String| Part { heading, steps: organisation_steps(outcome.organisatie(o), params) };
    match selection {
        Selection::Nederland => {
            let mut rows: Vec<(String, [String; 4])> = data
                .organisatie_ids()
                .map(|o| {
                    let f = outcome.organisatie(o);
                    (data.organisatie(o).naam.clone(), key_figures(f))
                })
                .collect();
            rows.push(("Nederland".into(), key_figures(&outcome.selection(data, selection))));
            Worked {
                intro: "Frictiekosten ontstaan per MEE-organisatie: een daling bij de ene gemeente wordt verrekend met een \
                        stijging bij een andere gemeente van dezelfde organisatie. Nederland is de som van de 22 \
                        organisaties. Kies een MEE-organisatie, jeugdregio of gemeente om de stappen met haar eigen \
                        cijfers te zien."
                    .into(),
                parts: Vec::new(),
                organisaties: rows,
                fte_kosten,
            }
        }
        Selection::Organisatie(o) => Worked {
            intro: format!(
                "Frictiekosten ontstaan per MEE-organisatie. Zo rekent de rekenhulp ze uit voor {naam}, met de \
                 aannames zoals ze nu staan. Bedragen zijn afgerond op hele euro's; gerekend wordt met de \
                 onafgeronde bedragen."
            ),
            parts: vec![org_part(o, format!("{naam}: de hele organisatie"))],
            organisaties: Vec::new(),
            fte_kosten,
        },
        _ => {
            let mut parts = Vec::new();
            let split = outcome.split_per_organisatie(data, selection);
            for (o, area) in &split {
                let org = data.organisatie(*o).naam.as_str();
                parts.push(org_part(*o, format!("Stap 1: {org}, de hele organisatie")));
                parts.push(Part {
                    heading: format!("Stap 2: het deel van {naam} bij {org}, naar rato van de daling"),
                    steps: share_steps(data, outcome, selection, *o, area),
                });
            }
            if split.len() > 1 {
                let sum = |pick: fn(&Figures) -> Decimal| {
                    split.iter().map(|(_, f)| format::euro(pick(f))).collect::<Vec<_>>().join(" + ")
                };
                let total = outcome.selection(data, selection);
                parts.push(Part {
                    heading: format!("Stap 3: {naam} bij alle organisaties samen"),
                    steps: vec![
                        step("Frictiekosten", sum(|f| f.frictiekosten), format::euro(total.frictiekosten)),
                        step("Ongedekt", sum(|f| f.ongedekt), format::euro(total.ongedekt)),
                    ],
                });
            }
            Worked {
                intro: format!(
                    "Frictiekosten ontstaan per MEE-organisatie, en worden daarna over haar gemeenten verdeeld naar \
                     rato van hoeveel elk minder inkoopt dan in 2014 (de daling). Zo komt {naam} aan haar \
                     cijfers, met de aannames zoals ze nu staan. Bedragen zijn afgerond op hele euro's; gerekend \
                     wordt met de onafgeronde bedragen."
                ),
                parts,
                organisaties: Vec::new(),
                fte_kosten,
            }
        }
    }
}

fn key_figures(f: &Figures) -> [String; 4] {
    [format::euro(f.omzetdaling), format::fte(f.fte_verlies), format::euro(f.frictiekosten), format::euro(f.ongedekt)]
}

impl Worked {
    /// The calculation as markup, on the page: see [`Worked::markup_in`].
    pub fn markup(&self) -> String {
        self.markup_in("berekening")
    }

    /// The calculation as markup: the intro, a table of steps per part, the organisations'
    /// table (Nederland), and the note on the cost per fte; every text escaped. Each part's
    /// heading names its table (`aria-labelledby`, ids `{prefix}-stap-{i}`): a caption
    /// repeating it would be read twice.
    pub fn markup_in(&self, prefix: &str) -> String {
        let mut out = format!(r#"<p class="nl-paragraph">{}</p>"#, escape(&self.intro));
        let head: Vec<(bool, String)> =
            ["Stap", "Berekening", "Uitkomst"].iter().enumerate().map(|(i, h)| (i == 2, escape(h))).collect();
        for (i, part) in self.parts.iter().enumerate() {
            let id = escape(&format!("{prefix}-stap-{i}"));
            let rows: Vec<(String, Vec<String>)> =
                part.steps.iter().map(|s| (s.label.clone(), vec![s.sum.clone(), s.result.clone()])).collect();
            out.push_str(&format!(
                r#"<h3 id="{id}" class="nl-heading nl-heading--level-3">{}</h3><table class="{}" aria-labelledby="{id}">{}<tbody class="{}" translate="no">{}</tbody></table>"#,
                escape(&part.heading),
                html::class::TABLE,
                html::head(&head),
                html::class::BODY,
                html::body(&[false, true], &rows)
            ));
        }
        if !self.organisaties.is_empty() {
            out.push_str(&html::table(
                "Per MEE-organisatie",
                &["MEE-organisatie", "Omzetdaling", "Fte-verlies", "Frictiekosten", "Ongedekt"],
                &[true; 4],
                &self.organisaties.iter().map(|(n, f)| (n.clone(), f.to_vec())).collect::<Vec<_>>(),
            ));
        }
        out + &format!(r#"<p class="nl-paragraph worked__fte">{}</p>"#, escape(&self.fte_kosten))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calculation::calculate;
    use crate::model::data::Line;
    use crate::model::scenario::{Change, Scenario};
    use crate::model::selection::Kind;
    use crate::model::testing::data;
    use rust_decimal_macros::dec;

    /// All of MEE Groningen at −13% (docs/model.md §6), seen from `kind` `naam`.
    fn groningen_minus_13(kind: Kind, naam: &str) -> (Outcome, Selection) {
        let organisation = Selection::find(data(), Kind::Organisatie, "MEE Groningen").unwrap();
        let mut s = Scenario::status_quo(data());
        s.apply(data(), organisation, Line::Co, Change::Percent(dec!(-13))).unwrap();
        (calculate(data(), &s, &Parameters::default()), Selection::find(data(), kind, naam).unwrap())
    }

    fn result<'a>(part: &'a Part, label: &str) -> &'a str {
        &part.steps.iter().find(|s| s.label == label).unwrap_or_else(|| panic!("no step {label}")).result
    }

    #[test]
    fn a_gemeente_goes_from_its_organisation_to_its_share() {
        // The worked example of docs/model.md §6: Groningen's share of its organisation.
        let (outcome, selection) = groningen_minus_13(Kind::Gemeente, "Groningen");
        let w = worked(data(), &outcome, &Parameters::default(), selection);
        let (org, share) = (&w.parts[0], &w.parts[1]);
        assert!(org.heading.contains("MEE Groningen"));
        assert_eq!(result(org, "Frictiekosten"), "€\u{a0}471.034");
        assert_eq!(result(share, "Daling hier"), "€\u{a0}249.260");
        assert_eq!(result(share, "Daling alle gemeenten van MEE Groningen"), "€\u{a0}724.668");
        assert_eq!(result(share, "Aandeel"), "34,4%");
        assert_eq!(result(share, "Frictiekosten"), "€\u{a0}162.019");
        assert_eq!(result(share, "Ongedekt"), "€\u{a0}121.514");
        assert_eq!(result(share, "Fte-verlies"), "3,9 fte");
        // Where the 2014 budget comes from, both lines named.
        assert!(
            org.steps[0].sum.starts_with("cliëntondersteuning €\u{a0}")
                && org.steps[0].sum.contains("Integrale Vroeghulp")
        );
    }

    #[test]
    fn personnel_costs_follow_from_the_lost_salaries() {
        // With no one moving with the work and no attrition, the boventallige fte cost
        // exactly the omzetdaling in salaries a year: the cost per fte cancels.
        let (outcome, selection) = groningen_minus_13(Kind::Organisatie, "MEE Groningen");
        let w = worked(data(), &outcome, &Parameters::default(), selection);
        let org = &w.parts[0];
        assert_eq!(w.parts.len(), 1, "a whole organisation has no share step");
        assert_eq!(result(org, "Hun loonkosten per jaar"), result(org, "Omzetdaling"));
        assert_eq!(result(org, "Omzetdaling"), "€\u{a0}724.668");
        assert_eq!(result(org, "Formatie 2014"), "87,5 fte");
        assert!(w.fte_kosten.contains("€\u{a0}64.454"));
    }

    #[test]
    fn a_region_across_two_organisations_adds_up_its_parts() {
        let selection = Selection::find(data(), Kind::Jeugdregio, "West-Brabant-Oost").unwrap();
        let mut s = Scenario::status_quo(data());
        s.apply(data(), selection, Line::Co, Change::Percent(dec!(-20))).unwrap();
        let outcome = calculate(data(), &s, &Parameters::default());
        let w = worked(data(), &outcome, &Parameters::default(), selection);
        assert_eq!(w.parts.len(), 5, "two organisations, two shares, one sum");
        let total = outcome.selection(data(), selection);
        assert_eq!(result(&w.parts[4], "Frictiekosten"), format::euro(total.frictiekosten));
        assert_eq!(w.parts[4].steps[0].sum.matches(" + ").count(), 1);
    }

    #[test]
    fn nederland_lists_the_organisations() {
        let w = worked(
            data(),
            &calculate(data(), &Scenario::status_quo(data()), &Parameters::default()),
            &Parameters::default(),
            Selection::Nederland,
        );
        assert!(w.parts.is_empty());
        assert_eq!(w.organisaties.len(), 23);
        assert_eq!(w.organisaties[22].1[2], "€\u{a0}0");
    }

    #[test]
    fn a_gemeente_that_buys_more_gets_no_share() {
        let selection = Selection::find(data(), Kind::Gemeente, "Groningen").unwrap();
        let mut s = Scenario::status_quo(data());
        s.apply(data(), selection, Line::Co, Change::Percent(dec!(10))).unwrap();
        let outcome = calculate(data(), &s, &Parameters::default());
        let w = worked(data(), &outcome, &Parameters::default(), selection);
        assert_eq!(result(&w.parts[1], "Daling hier"), "€\u{a0}0");
        assert_eq!(result(&w.parts[1], "Frictiekosten"), "€\u{a0}0");
        assert_eq!(w.parts[1].steps[3].sum, "geen gemeente koopt minder in");
        // No "€ 0 ÷ € 0 = 0%".
        let aandeel = &w.parts[1].steps[2];
        assert_eq!(aandeel.sum, "geen daling bij MEE Groningen, dus niets te verdelen");
        assert_eq!(aandeel.result, "geen");
        assert!(!w.markup().contains("€\u{a0}0 ÷ €\u{a0}0"));
    }

    /// Each part's heading is said once: it names its table, and no caption repeats it.
    #[test]
    fn each_heading_names_its_table_once() {
        let (outcome, selection) = groningen_minus_13(Kind::Gemeente, "Groningen");
        let w = worked(data(), &outcome, &Parameters::default(), selection);
        for (prefix, markup) in [("berekening", w.markup()), ("verslag", w.markup_in("verslag"))] {
            for (i, part) in w.parts.iter().enumerate() {
                assert_eq!(markup.matches(&escape(&part.heading)).count(), 1, "{}", part.heading);
                assert!(markup.contains(&format!(
                    r#"<h3 id="{prefix}-stap-{i}" class="nl-heading nl-heading--level-3">{}</h3><table class="{}" aria-labelledby="{prefix}-stap-{i}">"#,
                    escape(&part.heading),
                    html::class::TABLE
                )));
            }
        }
    }
}
