//! The two charts (see `crate::view::chart`), redrawn when the figures settle.

use leptos::prelude::*;

use super::images::{ImageDownloads, bron_vandaag, file_stem};
use crate::model::selection::Selection;
use crate::ui::split::parts::Writers;
use crate::ui::state::calculator::use_calculator;
use crate::view::chart::{self, Chart, Pair};

#[component]
pub fn Charts() -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    let bars = drawn(move || {
        let selection = calc.later.selection();
        calc.later.with_outcome(|o| {
            // Nederland has 408 gemeenten: one pair of bars each would be unreadable.
            let (title, pairs): (String, Vec<Pair>) = match selection {
                Selection::Nederland => (
                    "Budget 2014 en inkoop 2015 per MEE-organisatie".into(),
                    data.organisatie_ids()
                        .map(|id| {
                            let f = o.organisatie(id);
                            Pair {
                                naam: data.organisatie(id).naam.clone(),
                                budget_2014: f.budget_2014.total(),
                                inkoop_2015: f.inkoop_2015.total(),
                            }
                        })
                        .collect(),
                ),
                other => (
                    format!("Budget 2014 en inkoop 2015 per gemeente, {}", other.naam(data)),
                    other
                        .gemeenten(data)
                        .into_iter()
                        .map(|g| {
                            let f = o.gemeente(g);
                            Pair {
                                naam: data.gemeente(g).naam.clone(),
                                budget_2014: f.budget_2014.total(),
                                inkoop_2015: f.inkoop_2015.total(),
                            }
                        })
                        .collect(),
                ),
            };
            chart::budget_vs_inkoop(&title, &pairs)
        })
    });
    let composition = drawn(move || {
        let naam = calc.later.selection().naam(data).to_string();
        calc.later.with_figures(|f| chart::composition(&format!("Samenstelling frictiekosten, {naam}"), f))
    });
    view! {
        <section class="charts" aria-labelledby="grafieken-titel">
            <h2 id="grafieken-titel" class="nl-heading nl-heading--level-2">"In beeld"</h2>
            <div class="charts__grid">
                <ChartFigure testid="grafiek-samenstelling" file="samenstelling" chart=composition />
                <ChartFigure testid="grafiek-inkoop" file="inkoop" chart=bars />
            </div>
        </section>
    }
}

/// A chart drawn: the chart itself (for its image, written when downloaded), its drawing and
/// its table as markup.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(in crate::ui) struct Drawn {
    chart: Chart,
    drawing: String,
    table: String,
}

/// A chart drawn, in a memo, so the page is only written when the markup differs.
///
/// Markup through `inner_html`, not typed views: a typed SVG view per mark cost the wasm
/// 5,7 KB brotli more (BENCHMARKS.md), and these drawings are read-only.
pub(in crate::ui) fn drawn(chart: impl Fn() -> Chart + Send + Sync + 'static) -> Memo<Drawn> {
    Memo::new(move |_| {
        let chart = chart();
        Drawn { drawing: chart.drawing_markup(), table: chart.table_markup(), chart }
    })
}

/// A chart, the buttons that download it as an image (`file`: what the file's name says
/// it shows, before the area's name) and, folded under it, its table. The fold is not
/// redrawn with the figures, so it stays open while the reader changes them.
#[component]
pub(in crate::ui) fn ChartFigure(testid: &'static str, file: &'static str, chart: Memo<Drawn>) -> impl IntoView {
    let calc = use_calculator();
    let make = move |writers: Writers| {
        let gebied = calc.later.with_session_untracked(|s| s.inputs.selection.naam(calc.data).to_string());
        let image = chart.with_untracked(|d| (writers.chart)(&d.chart, &bron_vandaag()));
        (file_stem(file, &gebied), image)
    };
    let described = Signal::derive(move || chart.with(|d| format!("de grafiek {}", d.chart.title)));
    view! {
        <figure class="chart" data-testid=testid>
            <div class="chart__image" inner_html=move || chart.with(|d| d.drawing.clone())></div>
            <ImageDownloads described=described make=make />
            <details class="chart__table">
                <summary>"Toon als tabel"</summary>
                // Amounts do not break, so a narrow column scrolls the table, not the page.
                <div class="table-scroll" tabindex="0" role="region" aria-label="Tabel bij de grafiek" inner_html=move || chart.with(|d| d.table.clone())></div>
            </details>
        </figure>
    }
}
