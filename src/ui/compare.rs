//! The current scenario side by side with up to three others: the same figures per column,
//! differences against the current one marked, and a chart of frictiekosten and fte.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::results::ROWS;
use super::state::use_calculator;
use crate::chart;
use crate::format;
use crate::model::{Figures, calculate};
use crate::url::decode;

#[derive(Clone, PartialEq)]
struct Column {
    naam: String,
    gebied: String,
    figures: Figures,
}

#[component]
pub fn Compare() -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    // The compared scenarios are computed when the list changes, not with every change of
    // the current one.
    let others = Memo::new(move |_| {
        calc.vergelijk.with(|list| {
            list.iter()
                .map(|(naam, query)| {
                    let (state, _) = decode(data, query);
                    let figures = calculate(data, &state.scenario, &state.params).selection(data, state.selection);
                    Column { naam: naam.clone(), gebied: state.selection.naam(data).to_string(), figures }
                })
                .collect::<Vec<_>>()
        })
    });
    let columns = Memo::new(move |_| {
        let current = Column {
            naam: "Huidige berekening".into(),
            gebied: calc.later.selection().naam(data).to_string(),
            figures: calc.later.figures(),
        };
        std::iter::once(current).chain(others.get()).collect::<Vec<_>>()
    });
    let charts = Memo::new(move |_| {
        columns.with(|cols| {
            let money: Vec<(String, Decimal)> =
                cols.iter().map(|c| (c.naam.clone(), c.figures.frictiekosten)).collect();
            let fte: Vec<(String, Decimal)> = cols.iter().map(|c| (c.naam.clone(), c.figures.fte_verlies)).collect();
            let a = chart::bars("vergelijk-fk", "Frictiekosten per scenario", &money, format::euro);
            let b = chart::bars("vergelijk-fte", "Fte-verlies per scenario", &fte, format::fte);
            (format!("{}{}", a.svg, b.svg), format!("{}{}", a.table, b.table))
        })
    });
    let cell = move |row: usize, col: usize| {
        columns.with(|cols| {
            let shown = (ROWS[row].shown)(&cols[col].figures);
            if col == 0 || shown == (ROWS[row].shown)(&cols[0].figures) {
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
        })
    };
    view! {
        <Show when=move || !calc.vergelijk.with(Vec::is_empty)>
            <section class="compare" aria-labelledby="vergelijk-titel" data-testid="vergelijking">
                <h2 id="vergelijk-titel" class="nl-heading nl-heading--level-2">"Vergelijking"</h2>
                <p class="nl-paragraph section-intro">
                    "Vetgedrukt: anders dan de huidige berekening. Deze vergelijking staat in de link in de adresregel en kan zo worden gedeeld."
                </p>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="vergelijk-titel">
                    <table class="utrecht-table utrecht-table--html-table table">
                        <thead class="utrecht-table__header">
                            <tr class="utrecht-table__row">
                                <th scope="col" class="utrecht-table__header-cell">"Uitkomst"</th>
                                {move || {
                                    columns
                                        .get()
                                        .into_iter()
                                        .map(|c| view! {
                                            <th scope="col" class="utrecht-table__header-cell num">
                                                {c.naam} <br /> <span class="scenarios__date">{c.gebied}</span>
                                            </th>
                                        })
                                        .collect_view()
                                }}
                            </tr>
                        </thead>
                        <tbody class="utrecht-table__body">
                            {(0..ROWS.len())
                                .map(|r| view! {
                                    <tr class="utrecht-table__row">
                                        <th scope="row" class="utrecht-table__header-cell">{ROWS[r].label}</th>
                                        {move || (0..columns.with(Vec::len)).map(|c| cell(r, c)).collect_view()}
                                    </tr>
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
                <super::charts::ChartFigure testid="vergelijk-grafiek" chart=charts />
                <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| calc.vergelijk.set(Vec::new())>
                    "Vergelijking sluiten"
                </button>
            </section>
        </Show>
    }
}
