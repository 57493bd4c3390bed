//! The gemeenten of a jeugdregio, organisation or Nederland: 2014, 2015 (editable per
//! gemeente), change, attributed frictiekosten (also as % of the 2014 budget) and fte;
//! sortable by every column, filtered by name, grouped by MEE-organisatie if asked.

use std::time::Duration;

use leptos::prelude::*;

use super::browser;
use super::calculator::use_calculator;
use super::field::FieldState;
use super::field::{Keyboard, NumberField};
use super::table::{class, data_table, labelled, row_header, sort_header};
use crate::model::calculation::Figures;
use crate::model::data::{GemeenteId, Line, OrganisatieId};
use crate::model::params::Unit;
use crate::model::selection::Selection;
use crate::text::format;
use crate::text::input;
use crate::view::html as markup;
use crate::view::ranking::Sort;
use crate::view::table::{Column, Direction, aandeel, blocks, change, filter, filter_status, order};

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
const AANDEEL: &str = Column::FrictiekostenAandeel.label();
const FTE: &str = Column::FteVerlies.label();
const FOOT_LABELS: [&str; 7] = ["", BUDGET, INKOOP, WIJZIGING, FRICTIEKOSTEN, AANDEEL, FTE];

/// The table for every area but a single gemeente; rebuilt when the area changes.
#[component]
pub fn GemeentenTable() -> impl IntoView {
    let calc = use_calculator();
    move || match calc.later.selection() {
        Selection::Gemeente(_) => ().into_any(),
        selection => {
            let open = selection.gemeenten(calc.data).len() <= OPEN_UP_TO;
            view! { <GemeentenSection open=open selection=selection /> }.into_any()
        }
    }
}

#[component]
fn GemeentenSection(open: bool, selection: Selection) -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    let members = StoredValue::new(selection.gemeenten(data));
    let total = members.with_value(Vec::len);
    let several_orgs = selection.organisaties(data).len() > 1;
    let open = RwSignal::new(open);
    let line = RwSignal::new(Line::Co);
    let sort = RwSignal::new(Sort { column: Column::Gemeente, direction: Direction::Oplopend });
    let query = RwSignal::new(String::new());
    let by_organisatie = RwSignal::new(false);
    // The order follows the sort column's values at the moment of sorting, not while a
    // person types in a row: a row must not move away under the cursor.
    let sorted = Memo::new(move |_| {
        let (Sort { column, direction }, line) = (sort.get(), line.get());
        calc.epoch.track();
        members.with_value(|m| calc.later.with_outcome_untracked(|o| order(o, m, line, column, direction)))
    });
    let rows = Memo::new(move |_| sorted.with(|r| query.with(|q| filter(data, r, q))));
    // Not a memo: grouping is cheap, and a memo of its own type costs the wasm more.
    let blocks = move || rows.with(|r| blocks(data, r, by_organisatie.get()));
    let group_keys = move || blocks().into_iter().map(|b| b.0).collect::<Vec<_>>();
    let group =
        move |key: Option<OrganisatieId>| blocks().into_iter().find(|b| b.0 == key).map(|b| b.1).unwrap_or_default();
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
    // no long task either; so do a filter made wider and a change of grouping.
    let shown = RwSignal::new(ROWS_PER_SLICE);
    Effect::new(move |_| {
        let (total, now) = (rows.with(Vec::len), shown.get());
        if open.get() && now < total {
            set_timeout(move || shown.set(now + ROWS_PER_SLICE), Duration::ZERO);
        }
    });
    // The rows of a body drawn so far (see `shown`).
    let group_rows = move |key: Option<OrganisatieId>| {
        let limit = shown.get();
        group(key).into_iter().filter(|(p, _)| *p < limit).collect::<Vec<_>>()
    };
    let on_filter = move |ev: leptos::ev::Event| {
        // Rows already drawn stay; at most a slice of new ones is drawn in this task.
        shown.set(rows.with_untracked(Vec::len).min(shown.get_untracked()) + ROWS_PER_SLICE);
        query.set(event_target_value(&ev));
    };
    let on_group = move |_| {
        // Every row moves into another body: drawn again, a slice at a time.
        shown.set(ROWS_PER_SLICE);
        by_organisatie.update(|b| *b = !*b);
    };
    let filtering = move || query.with(|q| !q.trim().is_empty());
    let show_org = move || several_orgs && !by_organisatie.get();
    let line_name = move || match line.get() {
        Line::Co => "cliëntondersteuning",
        Line::Ivh => "Integrale Vroeghulp",
    };
    let header = move |column: Column| {
        let state = Signal::derive(move || {
            let s = sort.get();
            (s.aria(column), s.icon(column))
        });
        let on_click = move || sort.update(|s| *s = s.clicked(column, column.first_direction()));
        sort_header(column != Column::Gemeente, column.label(), state, on_click)
    };
    // The totals: the area's, and while a filter is on first those of the rows it shows,
    // each said in its row's header. Written as markup: read-only, redrawn as a whole.
    let foot = move || {
        let line = line.get();
        // An empty first cell under the organisation column, where there is one.
        let skip = usize::from(!several_orgs || by_organisatie.get());
        let row = |header: String, f: &Figures, wijziging: String| {
            let cells = [
                String::new(),
                format::euro(f.budget_2014.get(line)),
                format::euro(f.inkoop_2015.get(line)),
                wijziging,
                format::euro(f.frictiekosten),
                format::percent(aandeel(f)),
                format::fte(f.fte_verlies),
            ];
            markup::labelled_row(&header, &FOOT_LABELS[skip..], &cells[skip..])
        };
        let area = calc.later.figures();
        let area_change = calc.later.with_scenario(|s| s.percent_of(data, selection, line)).map(format::percent_change);
        let mut html = String::new();
        let shown = rows.with(|r| {
            filtering()
                .then(|| (r.len(), calc.later.with_outcome(|o| r.iter().map(|&g| *o.gemeente(g)).sum::<Figures>())))
        });
        if let Some((n, f)) = shown {
            html += &row(format!("Getoond: {n}"), &f, format::percent_change(change(&f, line)));
        }
        let header = if shown.is_some() { format!("Totaal alle {total}") } else { "Totaal".to_string() };
        html + &row(header, &area, area_change.unwrap_or_default())
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
                    "Per gemeente (" <span translate="no">{total}</span> ")"
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
                <div class="gemeenten__zoek">
                    <div class="gemeenten__filter">
                        <label for="gemeenten-filter" class="utrecht-form-label">"Filter op naam"</label>
                        <input
                            id="gemeenten-filter"
                            type="search"
                            class="utrecht-textbox utrecht-textbox--html-input"
                            autocomplete="off"
                            spellcheck="false"
                            aria-describedby="gemeenten-gevonden"
                            prop:value=move || query.get()
                            on:input=on_filter
                        />
                    </div>
                    {several_orgs.then(|| view! {
                        <label class="gemeenten__groeperen">
                            <input type="checkbox" prop:checked=move || by_organisatie.get() on:change=on_group />
                            "Groeperen per MEE-organisatie"
                        </label>
                    })}
                </div>
                <p id="gemeenten-gevonden" class="gemeenten__gevonden" role="status" data-testid="gemeenten-gevonden">
                    {move || rows.with(|r| query.with(|q| filter_status(q, r.len(), total)))}
                </p>
                <Show when=move || open.get()>
                {data_table("gemeenten", "gemeenten-titel", class::TABLE_GEMEENTEN, view! {
                        // The line is named once here, not in three headings that made the
                        // table wider than its column.
                        <caption class="table__caption">
                            "Budget, inkoop en wijziging: " {line_name} ". Frictiekosten, hun % van het budget 2014 "
                            "en fte-verlies: beide onderdelen samen."
                        </caption>
                        <thead class=class::HEAD>
                            <tr class=class::ROW>
                                {header(Column::Gemeente)}
                                {move || show_org().then(|| view! { <th scope="col" class=class::COLUMN_HEADER>"MEE-organisatie"</th> })}
                                {Column::ALL[1..].iter().map(|&c| header(c)).collect_view()}
                            </tr>
                        </thead>
                        <For
                            each=group_keys
                            key=|o| *o
                            let(o)
                        >
                            <tbody class=class::BODY translate="no">
                                {o.map(|o| view! {
                                    <tr class="utrecht-table__row gemeenten__groep">
                                        <th scope="rowgroup" colspan=Column::ALL.len() class=class::ROW_HEADER>
                                            {data.organisatie(o).naam.clone()}
                                            <span class="gemeenten__aantal">
                                                {move || {
                                                    let n = group(Some(o)).len();
                                                    if n == 1 { " (1 gemeente)".to_string() } else { format!(" ({n} gemeenten)") }
                                                }}
                                            </span>
                                        </th>
                                    </tr>
                                })}
                                <For
                                    each=move || group_rows(o)
                                    key=|(_, g)| *g
                                    let((position, g))
                                >
                                    <GemeenteRow g=g line=line slice=slice_of(position) show_org=several_orgs && o.is_none() />
                                </For>
                            </tbody>
                        </For>
                        <tfoot class=class::FOOT translate="no" inner_html=foot></tfoot>
                })}
                </Show>
        </details>
    }
}

#[component]
fn GemeenteRow(g: GemeenteId, line: RwSignal<Line>, slice: Trigger, show_org: bool) -> impl IntoView {
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
            {show_org.then(|| labelled(false, "MEE-organisatie", data.organisatie(gemeente.organisatie).naam.clone()))}
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
            {labelled(true, AANDEEL, Signal::derive(move || figures.with(|f| format::percent(aandeel(f)))))}
            {labelled(true, FTE, Signal::derive(move || figures.with(|f| format::fte(f.fte_verlies))))}
        </tr>
    }
}
