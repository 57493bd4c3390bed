//! The two charts (see `crate::view::chart`), redrawn when the figures settle.

use std::fmt::Write as _;

use leptos::prelude::*;

use super::calculator::use_calculator;
use crate::model::selection::Selection;
use crate::view::chart::{self, Chart, Pair, Share};
use crate::view::html::{self as markup, escape};

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
                <ChartFigure testid="grafiek-samenstelling" chart=composition />
                <ChartFigure testid="grafiek-inkoop" chart=bars />
            </div>
        </section>
    }
}

/// A chart drawn: its SVG and its table as markup, in a memo, so the page is only written
/// when the markup differs.
///
/// Markup through `inner_html`, not typed views: a typed SVG view per mark cost the wasm
/// 5,7 KB brotli more (BENCHMARKS.md), and these drawings are read-only.
pub(super) fn drawn(chart: impl Fn() -> Chart + Send + Sync + 'static) -> Memo<(String, String)> {
    Memo::new(move |_| {
        let c = chart();
        (drawing(&c), table(&c))
    })
}

/// A chart and, folded under it, its table. The fold is not redrawn with the figures, so it
/// stays open while the reader changes them.
#[component]
pub(super) fn ChartFigure(testid: &'static str, chart: Memo<(String, String)>) -> impl IntoView {
    view! {
        <figure class="chart" data-testid=testid>
            <div class="chart__image" inner_html=move || chart.with(|c| c.0.clone())></div>
            <details class="chart__table">
                <summary>"Toon als tabel"</summary>
                // Amounts do not break, so a narrow column scrolls the table, not the page.
                <div class="table-scroll" tabindex="0" role="region" aria-label="Tabel bij de grafiek" inner_html=move || chart.with(|c| c.1.clone())></div>
            </details>
        </figure>
    }
}

/// The chart: its title and legend as text, then per row the name, the bars as a drawing
/// that stretches with the width (percentages, so no script measures anything), and the
/// value or notes as text. The rows together are one image with a description; a screen
/// reader reads that and the table, not every bar.
fn drawing(c: &Chart) -> String {
    let mut html = format!(r#"<p class="chart__caption">{}</p>"#, escape(&c.title));
    if !c.legend.is_empty() {
        html.push_str(r#"<ul class="chart__legend" aria-hidden="true">"#);
        for (fill, name) in &c.legend {
            let _ = write!(
                html,
                r#"<li><svg class="chart__key"><rect class="{}" width="100%" height="100%"/></svg>{name}</li>"#,
                fill.class()
            );
        }
        html.push_str("</ul>");
    }
    let _ = write!(html, r#"<div class="chart__plot" role="img" aria-label="{}">"#, escape(&c.description));
    for row in &c.rows {
        let lanes = row.lanes.max(1);
        // Written out whole, so the stylesheet pruning finds the class.
        let track = if lanes > 1 { "chart__track chart__track--2" } else { "chart__track" };
        let _ = write!(
            html,
            r#"<div class="chart__row"><span class="chart__label">{}</span><svg class="{track}" aria-hidden="true">"#,
            escape(&row.label)
        );
        // Each lane takes its part of the track's height, less a gap between lanes.
        let lane_height = Share(Share::WHOLE.0 / u16::from(lanes));
        for b in &row.bars {
            let y = Share(lane_height.0 * u16::from(b.lane));
            let height = if lanes > 1 { Share(lane_height.0 * 9 / 10) } else { lane_height };
            let _ = write!(
                html,
                r#"<rect class="{}" x="{}" y="{y}" width="{}" height="{height}"/>"#,
                b.fill.class(),
                b.start,
                b.length
            );
        }
        if let Some(x) = c.rule {
            let _ = write!(html, r#"<line class="chart__point" x1="{x}" x2="{x}" y1="0" y2="100%"/>"#);
        }
        html.push_str("</svg>");
        if let Some(v) = &row.value {
            let _ = write!(html, r#"<span class="chart__value">{}</span>"#, escape(v));
        }
        if let Some((left, right)) = &row.notes {
            let _ = write!(
                html,
                r#"<span class="chart__notes"><span>{}</span><span>{}</span></span>"#,
                escape(left),
                escape(right)
            );
        }
        html.push_str("</div>");
    }
    html + "</div>"
}

/// The chart's figures as a table: names, then numbers.
fn table(c: &Chart) -> String {
    let numeric = vec![true; c.table.headers.len().saturating_sub(1)];
    markup::table(&c.title, &c.table.headers, &numeric, &c.table.rows)
}
