//! The current scenario side by side with up to three others: the same figures per column,
//! differences against the current one marked, the 2015–2018 totals when any column has an
//! afbouwpad, the inputs in which the columns differ, and a chart.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::model::calculation::Figures;
use crate::model::inputs::Inputs;
use crate::text::format;
use crate::text::url;
use crate::ui::state::calculator::use_calculator;
use crate::view::chart;
use crate::view::compare::{self, Column, InputRow};

/// Everything the comparison shows, computed once per change of what it compares.
#[derive(Clone, PartialEq)]
struct Comparison {
    columns: Vec<Column>,
    with_path: bool,
    differences: Vec<InputRow>,
}

#[component]
pub fn Compare() -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    // The compared scenarios, read from their links when the panels follow the state; a
    // memo, so the figures below are recomputed only when these or the current inputs change.
    let others = Memo::new(move |_| {
        calc.later.with_session(|s| {
            s.vergelijk
                .iter()
                .map(|c| (c.naam.clone(), url::decode(data, &c.query).0.inputs))
                .collect::<Vec<(String, Inputs)>>()
        })
    });
    let comparison = Memo::new(move |_| {
        if others.with(Vec::is_empty) {
            return None;
        }
        let current = calc.later.with_inputs(Clone::clone);
        others.with(|others| {
            let all: Vec<(&str, &Inputs)> = std::iter::once(("Huidige berekening", &current))
                .chain(others.iter().map(|(n, i)| (n.as_str(), i)))
                .collect();
            let inputs: Vec<&Inputs> = all.iter().map(|(_, i)| *i).collect();
            Some(Comparison {
                columns: all.iter().map(|(naam, i)| compare::column(data, naam, i)).collect(),
                with_path: compare::any_path(&inputs),
                differences: compare::input_differences(data, &inputs),
            })
        })
    });
    // With an afbouwpad in any column, its totals are what differ.
    let chart = move |title: &'static str, figure: fn(&Figures) -> Decimal, shown: fn(Decimal) -> String| {
        crate::ui::widgets::charts::drawn(move || {
            comparison.with(|c| {
                let Some(c) = c else { return chart::Chart::default() };
                let years = if c.with_path { " 2015–2018" } else { "" };
                let rows: Vec<(String, Decimal)> = c
                    .columns
                    .iter()
                    .map(|col| {
                        let f = if c.with_path { col.path_total.unwrap_or(col.figures) } else { col.figures };
                        (col.naam.clone(), figure(&f))
                    })
                    .collect();
                chart::bars(&format!("{title}{years} per scenario"), &rows, shown)
            })
        })
    };
    let frictiekosten = chart("Frictiekosten", |f| f.frictiekosten, format::euro);
    let fte = chart("Fte-verlies", |f| f.fte_verlies, format::fte);
    // Read-only figures, written by the view layer as markup (every name escaped there).
    let tables = move || {
        comparison.with(|c| {
            c.as_ref()
                .map(|c| {
                    compare::results_markup(&c.columns, c.with_path) + &compare::differences_markup(&c.differences)
                })
                .unwrap_or_default()
        })
    };
    view! {
        <Show when=move || comparison.with(Option::is_some)>
            <section class="compare" aria-labelledby="vergelijk-titel" data-testid="vergelijking">
                <h2 id="vergelijk-titel" class="nl-heading nl-heading--level-2" tabindex="-1">"Vergelijking"</h2>
                <p class="nl-paragraph section-intro">
                    "Vetgedrukt: anders dan de huidige berekening. Deze vergelijking staat in de link in de adresregel en kan zo worden gedeeld."
                </p>
                <div inner_html=tables></div>
                <div class="compare__charts" data-testid="vergelijk-grafiek">
                    <crate::ui::widgets::charts::ChartFigure testid="vergelijk-grafiek-fk" file="vergelijking-frictiekosten" chart=frictiekosten />
                    <crate::ui::widgets::charts::ChartFigure testid="vergelijk-grafiek-fte" file="vergelijking-fte" chart=fte />
                </div>
                <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| calc.step(|s| s.vergelijk.clear())>
                    "Vergelijking sluiten"
                </button>
            </section>
        </Show>
    }
}
