//! The gemeenten of a jeugdregio, organisation or Nederland: 2014, 2015 (editable per
//! gemeente), change, attributed frictiekosten and fte; sortable by every column.

use std::time::Duration;

use leptos::prelude::*;

use super::browser;
use super::calculator::use_calculator;
use super::field::FieldState;
use super::field::{Keyboard, NumberField};
use super::table::{class, col_header, data_table, labelled, row_header};
use crate::model::data::{GemeenteId, Line};
use crate::model::params::Unit;
use crate::model::selection::Selection;
use crate::text::format;
use crate::text::input;
use crate::view::table::{Column, Direction, change, order};

/// How many rows follow the state, or are first drawn, in one task.
const ROWS_PER_SLICE: usize = 60;

/// Above this many gemeenten the table starts folded: it is long to scroll past, and while
/// folded its rows are not rendered, so typing stays instant for all of Nederland.
const OPEN_UP_TO: usize = 60;

// Each cell's column, for the card layout on a phone (`labelled`).
const BUDGET: &str = Column::Budget2014.label();
const INKOOP: &str = Column::Inkoop2015.label();
const WIJZIGING: &str = Column::Wijziging.label();
const FRICTIEKOSTEN: &str = Column::Frictiekosten.label();
const FTE: &str = Column::FteVerlies.label();

/// The table for every area but a single gemeente; rebuilt when the area changes.
#[component]
pub fn GemeentenTable() -> impl IntoView {
    let calc = use_calculator();
    move || match calc.later.selection() {
        Selection::Gemeente(_) => ().into_any(),
        selection => {
            let open = selection.gemeenten(calc.data).len() <= OPEN_UP_TO;
            view! { <GemeentenSection open=open /> }.into_any()
        }
    }
}

#[component]
fn GemeentenSection(open: bool) -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    let open = RwSignal::new(open);
    let line = RwSignal::new(Line::Co);
    let sort = RwSignal::new((Column::Gemeente, Direction::Oplopend));
    // The order follows the sort column's values at the moment of sorting, not while a
    // person types in a row: a row must not move away under the cursor.
    let rows = Memo::new(move |_| {
        let (column, direction) = sort.get();
        let (selection, line) = (calc.later.selection(), line.get());
        calc.epoch.track();
        let members = selection.gemeenten(data);
        calc.later.with_outcome_untracked(|o| order(o, &members, line, column, direction))
    });
    // Rows follow the panels' state in slices of ROWS_PER_SLICE, each notified in a task of
    // its own: 408 rows updated at once were a 60–75 ms task each time typing paused, and a
    // key pressed meanwhile waited for it. Between slices the browser handles input.
    let count = data.gemeenten.len().div_ceil(ROWS_PER_SLICE);
    let slices = StoredValue::new((0..count).map(|_| Trigger::new()).collect::<Vec<_>>());
    let slice_of = move |position: usize| slices.with_value(|s| s[(position / ROWS_PER_SLICE).min(count - 1)]);
    // At a moment when everything must show the state (a field left, a step), all at once.
    Effect::new(move |previous: Option<()>| {
        calc.later.track();
        if previous.is_none() {
            return;
        }
        let paused = calc.later.paused_untracked();
        for slice in slices.get_value() {
            if paused { set_timeout(move || slice.notify(), Duration::ZERO) } else { slice.notify() }
        }
    });
    // Opening the table renders its rows in the same slices, so the click that opens it is
    // no long task either.
    let shown = RwSignal::new(ROWS_PER_SLICE);
    Effect::new(move |_| {
        let (total, now) = (rows.with(Vec::len), shown.get());
        if open.get() && now < total {
            set_timeout(move || shown.set(now + ROWS_PER_SLICE), Duration::ZERO);
        }
    });
    let several_orgs = move || calc.later.selection().organisaties(data).len() > 1;
    let line_name = move || match line.get() {
        Line::Co => "cliëntondersteuning",
        Line::Ivh => "Integrale Vroeghulp",
    };
    let header = move |column: Column| {
        let aria_sort = move || match sort.get() {
            (c, d) if c == column => d.aria(),
            _ => "none",
        };
        let on_click = move |_| {
            sort.update(|(c, d)| {
                *d = if *c == column { d.flipped() } else { column.first_direction() };
                *c = column;
            })
        };
        let numeric = column != Column::Gemeente;
        view! {
            <th scope="col" class=if numeric { class::NUMERIC_COLUMN_HEADER } else { class::COLUMN_HEADER } aria-sort=aria_sort>
                <button type="button" class="sort" on:click=on_click>
                    {column.label()}
                    <span class="sort__icon" aria-hidden="true">
                        {move || match sort.get() {
                            (c, Direction::Oplopend) if c == column => "▲",
                            (c, Direction::Aflopend) if c == column => "▼",
                            _ => "↕",
                        }}
                    </span>
                </button>
            </th>
        }
    };

    let on_toggle = move |ev: leptos::ev::Event| {
        if let Some(is_open) = browser::details_open(&ev) {
            open.set(is_open);
        }
    };
    view! {
        <details class="gemeenten" open=open.get_untracked() on:toggle=on_toggle data-testid="gemeenten-sectie">
            <summary>
                <h2 id="gemeenten-titel" class="nl-heading nl-heading--level-2">
                    "Per gemeente (" <span translate="no">{move || calc.later.selection().gemeenten(data).len()}</span> ")"
                </h2>
            </summary>
                <p class="section-intro nl-paragraph">
                    "Pas de inkoop 2015 van één gemeente aan in de tabel. Frictiekosten en fte zijn het "
                    "aandeel van de gemeente in die van haar MEE-organisatie, naar rato van haar daling."
                </p>
                <fieldset class="toggle utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
                    <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">"Bedragen in de tabel"</legend>
                    <label>
                        <input type="radio" class="utrecht-radio-button utrecht-radio-button--html-input" name="tabel-lijn" prop:checked=move || line.get() == Line::Co on:change=move |_| line.set(Line::Co) />
                        "Cliëntondersteuning"
                    </label>
                    <label>
                        <input type="radio" class="utrecht-radio-button utrecht-radio-button--html-input" name="tabel-lijn" prop:checked=move || line.get() == Line::Ivh on:change=move |_| line.set(Line::Ivh) />
                        "Integrale Vroeghulp"
                    </label>
                </fieldset>
                <Show when=move || open.get()>
                {data_table("gemeenten", "gemeenten-titel", class::TABLE_GEMEENTEN, view! {
                        // The line is named once here, not in three headings that made the
                        // table wider than its column.
                        <caption class="table__caption">
                            "Budget, inkoop en wijziging: " {line_name} ". Frictiekosten en fte-verlies: "
                            "beide onderdelen samen."
                        </caption>
                        <thead class=class::HEAD>
                            <tr class=class::ROW>
                                {header(Column::Gemeente)}
                                <Show when=several_orgs>
                                    {col_header(false, "MEE-organisatie")}
                                </Show>
                                {Column::ALL[1..].iter().map(|&c| header(c)).collect_view()}
                            </tr>
                        </thead>
                        <tbody class=class::BODY translate="no">
                            <For
                                each=move || rows.with(|r| r.iter().copied().enumerate().take(shown.get()).collect::<Vec<_>>())
                                key=|(_, g)| *g
                                let((position, g))
                            >
                                <GemeenteRow g=g line=line slice=slice_of(position) several_orgs=Signal::derive(several_orgs) />
                            </For>
                        </tbody>
                        <tfoot class=class::FOOT translate="no">
                            <tr class=class::ROW>
                                {row_header("Totaal")}
                                <Show when=several_orgs>
                                    <td class=class::CELL></td>
                                </Show>
                                {labelled(true, BUDGET, Signal::derive(move || calc.later.with_figures(|f| format::euro(f.budget_2014.get(line.get())))))}
                                {labelled(true, INKOOP, Signal::derive(move || calc.later.with_figures(|f| format::euro(f.inkoop_2015.get(line.get())))))}
                                {labelled(true, WIJZIGING, move || {
                                    calc.later.with_scenario(|s| s.percent_of(data, calc.later.selection(), line.get()))
                                        .map(format::percent_change)
                                        .unwrap_or_default()
                                })}
                                {labelled(true, FRICTIEKOSTEN, Signal::derive(move || calc.later.with_figures(|f| format::euro(f.frictiekosten))))}
                                {labelled(true, FTE, Signal::derive(move || calc.later.with_figures(|f| format::fte(f.fte_verlies))))}
                            </tr>
                        </tfoot>
                })}
                </Show>
        </details>
    }
}

#[component]
fn GemeenteRow(g: GemeenteId, line: RwSignal<Line>, slice: Trigger, several_orgs: Signal<bool>) -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    let gemeente = data.gemeente(g);
    let naam = gemeente.naam.clone();
    // Follows its slice (see GemeentenSection), not every change of the state at once.
    let figures = Memo::new(move |_| {
        slice.track();
        calc.later.with_outcome_untracked(|o| *o.gemeente(g))
    });
    let inkoop_text =
        Signal::derive(move || format::for_input(figures.with(|f| f.inkoop_2015.get(line.get())), Unit::Euro));
    // An amount, or a change against 2014 with its %-sign ("-10%"), as in `gemeenten=` links.
    let apply = move |text: String| {
        let line = line.get_untracked();
        let amount = input::gemeente_amount(&text, gemeente.budget_2014.get(line)).map_err(|e| e.to_string())?;
        calc.set_gemeente(g, line, amount)
    };
    let label = {
        let naam = naam.clone();
        move || match line.get() {
            Line::Co => format!("Inkoop cliëntondersteuning 2015 {naam}"),
            Line::Ivh => format!("Inkoop Integrale Vroeghulp 2015 {naam}"),
        }
    };
    view! {
        <tr class=class::ROW>
            {row_header(naam)}
            <Show when=move || several_orgs.get()>
                {labelled(false, "MEE-organisatie", data.organisatie(gemeente.organisatie).naam.clone())}
            </Show>
            {labelled(true, BUDGET, Signal::derive(move || format::euro(gemeente.budget_2014.get(line.get()))))}
            <td class=class::NUMERIC_CELL class:cell-input=true data-label=INKOOP>
                // Rebuilt when the line changes, so text typed for one line is not kept for the other.
                {move || {
                    line.track();
                    let field = FieldState::new();
                    view! {
                        <NumberField
                            id=format!("tabel-inkoop-{}", g.index())
                            label=label()
                            value=inkoop_text
                            state=field
                            apply=apply
                            prefix=Some("€")
                            hidden_label=true
                            keyboard=Some(Keyboard::Text)
                        />
                    }
                }}
            </td>
            {labelled(true, WIJZIGING, Signal::derive(move || figures.with(|f| format::percent_change(change(f, line.get())))))}
            {labelled(true, FRICTIEKOSTEN, Signal::derive(move || figures.with(|f| format::euro(f.frictiekosten))))}
            {labelled(true, FTE, Signal::derive(move || figures.with(|f| format::fte(f.fte_verlies))))}
        </tr>
    }
}
