//! The current scenario side by side with up to three others: the same figures per column,
//! differences against the current one marked, the 2015–2018 totals when any column has an
//! afbouwpad, the inputs in which the columns differ, and a chart.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::calculator::use_calculator;
use super::table::{class, col_header, data_table, num, row_header};
use crate::model::calculation::Figures;
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
    // With an afbouwpad in any column, its totals are what differ.
    let chart = move |title: &'static str, figure: fn(&Figures) -> Decimal, shown: fn(Decimal) -> String| {
        super::charts::drawn(move || {
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
    // A figure that differs from the current one's is marked (bold, and said to screen readers).
    let figure_row = move |label: String, shown: Vec<String>| {
        let first = shown[0].clone();
        view! {
            <tr class=class::ROW>
                {row_header(label)}
                {shown
                    .into_iter()
                    .map(|s| {
                        let differs = s != first;
                        view! {
                            <td class=class::NUMERIC_CELL class:verschil=differs>
                                {s}
                                {differs.then(|| view! { <span class="visually-hidden">" (anders dan de huidige berekening)"</span> })}
                            </td>
                        }
                    })
                    .collect_view()}
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
                    let values =
                        c.columns.iter().map(|col| col.path_total.as_ref().map(shown).unwrap_or_default()).collect();
                    rows.push((label.to_string(), values));
                }
            }
            let headers = c
                .columns
                .iter()
                .map(|col| {
                    let (naam, gebied) = (col.naam.clone(), col.gebied.clone());
                    col_header(true, view! { <bdi>{naam}</bdi> <br /> <span class="scenarios__date">{gebied}</span> })
                })
                .collect_view();
            let differences = (!c.differences.is_empty()).then(|| {
                let rows = c.differences.clone();
                view! {
                    <h3 id="invoer-titel" class="nl-heading nl-heading--level-3">"Invoer die verschilt"</h3>
                    {data_table("vergelijk-invoer", "invoer-titel", class::TABLE, view! {
                        <tbody class=class::BODY translate="no">
                            {rows.into_iter().map(|row| view! {
                                <tr class=class::ROW>
                                    {row_header(row.label)}
                                    {row.values.into_iter().map(|v| view! { {num(v)} }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    })}
                }
            });
            view! {
                {data_table("vergelijk-uitkomsten", "vergelijk-titel", class::TABLE, view! {
                    <thead class=class::HEAD>
                        <tr class=class::ROW>
                            {col_header(false, "Uitkomst")}
                            {headers}
                        </tr>
                    </thead>
                    <tbody class=class::BODY translate="no">
                        {rows.into_iter().map(|(label, shown)| figure_row(label, shown)).collect_view()}
                    </tbody>
                })}
                {differences}
            }
        })
    };
    view! {
        <Show when=move || comparison.with(Option::is_some)>
            <section class="compare" aria-labelledby="vergelijk-titel" data-testid="vergelijking">
                <h2 id="vergelijk-titel" class="nl-heading nl-heading--level-2" tabindex="-1">"Vergelijking"</h2>
                <p class="nl-paragraph section-intro">
                    "Vetgedrukt: anders dan de huidige berekening. Deze vergelijking staat in de link in de adresregel en kan zo worden gedeeld."
                </p>
                {body}
                <div class="compare__charts" data-testid="vergelijk-grafiek">
                    <super::charts::ChartFigure testid="vergelijk-grafiek-fk" chart=frictiekosten />
                    <super::charts::ChartFigure testid="vergelijk-grafiek-fte" chart=fte />
                </div>
                <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| calc.step(|s| s.vergelijk.clear())>
                    "Vergelijking sluiten"
                </button>
            </section>
        </Show>
    }
}
