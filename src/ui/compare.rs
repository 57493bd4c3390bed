//! The current scenario side by side with up to three others: the same figures per column,
//! differences against the current one marked, the 2015–2018 totals when any column has an
//! afbouwpad, the inputs in which the columns differ, and a chart.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::calculator::use_calculator;
use crate::model::inputs::Inputs;
use crate::text::format;
use crate::text::url;
use crate::view::chart;
use crate::view::compare::{self, Column, InputRow};
use crate::view::figures::{PATH_ROWS, ROWS};

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
    let charts = Memo::new(move |_| {
        comparison.with(|c| {
            let Some(c) = c else { return (String::new(), String::new()) };
            // With an afbouwpad in any column, its totals are what differ.
            let shown = |col: &Column| if c.with_path { col.path_total.unwrap_or(col.figures) } else { col.figures };
            let years = if c.with_path { " 2015–2018" } else { "" };
            let money: Vec<(String, Decimal)> =
                c.columns.iter().map(|col| (col.naam.clone(), shown(col).frictiekosten)).collect();
            let fte: Vec<(String, Decimal)> =
                c.columns.iter().map(|col| (col.naam.clone(), shown(col).fte_verlies)).collect();
            let a = chart::bars("vergelijk-fk", &format!("Frictiekosten{years} per scenario"), &money, format::euro);
            let b = chart::bars("vergelijk-fte", &format!("Fte-verlies{years} per scenario"), &fte, format::fte);
            (format!("{}{}", a.svg, b.svg), format!("{}{}", a.table, b.table))
        })
    });
    let cell = |shown: String, first: &str| {
        if shown == first {
            view! { <td class="utrecht-table__cell utrecht-table__cell--numeric-data num">{shown}</td> }.into_any()
        } else {
            view! {
                <td class="utrecht-table__cell utrecht-table__cell--numeric-data num verschil">
                    <strong>{shown}</strong>
                    <span class="visually-hidden">" (anders dan de huidige berekening)"</span>
                </td>
            }
            .into_any()
        }
    };
    let figure_row = move |label: String, shown: Vec<String>| {
        let first = shown[0].clone();
        view! {
            <tr class="utrecht-table__row">
                <th scope="row" class="utrecht-table__header-cell">{label}</th>
                {shown.into_iter().map(|s| cell(s, &first)).collect_view()}
            </tr>
        }
    };
    let body = move || {
        comparison.get().map(|c| {
            let mut rows: Vec<(String, Vec<String>)> = ROWS
                .iter()
                .map(|row| (row.label.to_string(), c.columns.iter().map(|col| (row.shown)(&col.figures)).collect()))
                .collect();
            if c.with_path {
                for (label, shown) in PATH_ROWS {
                    let values = c.columns.iter().map(|col| col.path_total.as_ref().map(shown).unwrap_or_default()).collect();
                    rows.push((label.to_string(), values));
                }
            }
            let headers = c.columns.iter().map(|col| view! {
                <th scope="col" class="utrecht-table__header-cell num">
                    <bdi>{col.naam.clone()}</bdi> <br /> <span class="scenarios__date">{col.gebied.clone()}</span>
                </th>
            }).collect_view();
            let differences = (!c.differences.is_empty()).then(|| view! {
                <h3 class="nl-heading nl-heading--level-3">"Invoer die verschilt"</h3>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Invoer die verschilt">
                    <table class="utrecht-table utrecht-table--html-table table" data-testid="vergelijk-invoer">
                        <tbody class="utrecht-table__body" translate="no">
                            {c.differences.iter().map(|row| view! {
                                <tr class="utrecht-table__row">
                                    <th scope="row" class="utrecht-table__header-cell">{row.label.clone()}</th>
                                    {row.values.iter().map(|v| view! { <td class="utrecht-table__cell utrecht-table__cell--numeric-data num">{v.clone()}</td> }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            });
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="vergelijk-titel">
                    <table class="utrecht-table utrecht-table--html-table table" data-testid="vergelijk-uitkomsten">
                        <thead class="utrecht-table__header">
                            <tr class="utrecht-table__row">
                                <th scope="col" class="utrecht-table__header-cell">"Uitkomst"</th>
                                {headers}
                            </tr>
                        </thead>
                        <tbody class="utrecht-table__body" translate="no">
                            {rows.into_iter().map(|(label, shown)| figure_row(label, shown)).collect_view()}
                        </tbody>
                    </table>
                </div>
                {differences}
            }
        })
    };
    view! {
        <Show when=move || comparison.with(Option::is_some)>
            <section class="compare" aria-labelledby="vergelijk-titel" data-testid="vergelijking">
                <h2 id="vergelijk-titel" class="nl-heading nl-heading--level-2">"Vergelijking"</h2>
                <p class="nl-paragraph section-intro">
                    "Vetgedrukt: anders dan de huidige berekening. Deze vergelijking staat in de link in de adresregel en kan zo worden gedeeld."
                </p>
                {body}
                <super::charts::ChartFigure testid="vergelijk-grafiek" chart=charts />
                <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| calc.step(|s| s.vergelijk.clear())>
                    "Vergelijking sluiten"
                </button>
            </section>
        </Show>
    }
}
