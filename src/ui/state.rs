//! The calculator's reactive state: three signals that hold what a person chose, and memos
//! for everything derived from them. Shared through context as one `Copy` value.

use std::time::Duration;

use leptos::leptos_dom::helpers::{TimeoutHandle, set_timeout_with_handle};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsValue;

use crate::data::{Dataset, Line};
use crate::model::{Figures, Outcome, calculate};
use rust_decimal::Decimal;

use crate::pad::Path;
use crate::params::Parameters;
use crate::scenario::Scenario;
use crate::selection::Selection;
use crate::url::{self, UrlState};

#[derive(Clone, Copy)]
pub struct Calculator {
    pub data: &'static Dataset,
    /// What is being looked at.
    pub selection: RwSignal<Selection>,
    /// The 2015 inkoop of every gemeente: the one source of truth.
    pub scenario: RwSignal<Scenario>,
    pub params: RwSignal<Parameters>,
    /// The afbouwpad 2016–2018 of the selection (model.md §8).
    pub pad: RwSignal<Path>,
    /// Scenarios shown side by side with this one: (name, link query).
    pub vergelijk: RwSignal<Vec<(String, String)>>,
    /// Omgekeerd rekenen: the target for ongedekt, if one is set.
    pub doel_ongedekt: RwSignal<Option<Decimal>>,
    /// Compact layout for an iframe (`embed=1`); fixed for the page's life.
    pub embed: bool,
    /// Bumped when a preset replaces the inputs, so fields drop text being typed.
    pub epoch: RwSignal<u32>,
    pub outcome: Memo<Outcome>,
    /// The selection's figures: what the results panel shows.
    pub figures: Memo<Figures>,
    /// The same state a moment later: what the panels below the results show.
    pub later: Later,
    set_later: WriteSignal<LaterState>,
    settle_timer: Debounce,
}

/// How long the state must be still before the panels below the results follow it.
pub const SETTLE_AFTER: Duration = Duration::from_millis(100);

/// The state as the panels below the results show it: the calculator's own, once the person
/// has paused for [`SETTLE_AFTER`].
///
/// A keystroke pays only for the figures at the top, which change at once. The charts, the
/// bandbreedte and tornado, the tables and the afbouwpad redraw once when typing pauses,
/// instead of on every key: together they cost several times what the figures do. The one
/// write happens in `Calculator::settle`; the panels' own memos stop what did not change.
/// One signal with accessors rather than a memo per field (each memo type costs the wasm
/// kilobytes), except the selection: what is rebuilt or reordered when the area changes
/// must not be when only the amounts do.
#[derive(Clone, Copy)]
pub struct Later {
    state: ReadSignal<LaterState>,
    selection: Memo<Selection>,
    data: &'static Dataset,
}

/// One copy of the state and its outcome (the outcome taken from the memo, not recomputed).
#[derive(Clone)]
struct LaterState {
    selection: Selection,
    scenario: Scenario,
    params: Parameters,
    pad: Path,
    outcome: Outcome,
}

impl Later {
    pub fn selection(&self) -> Selection {
        self.selection.get()
    }

    pub fn params(&self) -> Parameters {
        self.state.with(|s| s.params.clone())
    }

    pub fn pad(&self) -> Path {
        self.state.with(|s| s.pad)
    }

    pub fn with_scenario<R>(&self, f: impl FnOnce(&Scenario) -> R) -> R {
        self.state.with(|s| f(&s.scenario))
    }

    pub fn with_outcome<R>(&self, f: impl FnOnce(&Outcome) -> R) -> R {
        self.state.with(|s| f(&s.outcome))
    }

    pub fn with_outcome_untracked<R>(&self, f: impl FnOnce(&Outcome) -> R) -> R {
        self.state.with_untracked(|s| f(&s.outcome))
    }

    /// The selection's figures.
    pub fn figures(&self) -> Figures {
        self.state.with(|s| s.outcome.selection(self.data, s.selection))
    }

    pub fn with_figures<R>(&self, f: impl FnOnce(&Figures) -> R) -> R {
        f(&self.figures())
    }
}

impl Calculator {
    /// The state a link describes. Returns the notices about what the link had that could
    /// not be used.
    pub fn from_link(data: &'static Dataset, query: &str) -> (Calculator, Vec<String>) {
        let (state, notices) = url::decode(data, query);
        let selection = RwSignal::new(state.selection);
        let scenario = RwSignal::new(state.scenario);
        let params = RwSignal::new(state.params);
        let pad = RwSignal::new(state.pad);
        let vergelijk = RwSignal::new(state.vergelijk);
        let doel_ongedekt = RwSignal::new(state.doel_ongedekt);
        let embed = state.embed;
        let outcome = Memo::new(move |_| scenario.with(|s| params.with(|p| calculate(data, s, p))));
        let figures = Memo::new(move |_| outcome.with(|o| o.selection(data, selection.get())));
        let (later_state, set_later) = signal(LaterState {
            selection: state.selection,
            scenario: scenario.get_untracked(),
            params: params.get_untracked(),
            pad: state.pad,
            outcome: outcome.get_untracked(),
        });
        let calculator = Calculator {
            data,
            selection,
            scenario,
            params,
            pad,
            vergelijk,
            doel_ongedekt,
            embed,
            epoch: RwSignal::new(0),
            outcome,
            figures,
            later: Later { state: later_state, selection: Memo::new(move |_| later_state.with(|s| s.selection)), data },
            set_later,
            settle_timer: Debounce::new(SETTLE_AFTER),
        };
        calculator.follow_later();
        (calculator, notices)
    }

    /// Brings [`Calculator::later`] up to date now if it is behind: when a field is left (so
    /// it never shows the amount from before for a moment) and before printing (so paper
    /// never shows panels behind the figures).
    pub fn settle_now(&self) {
        let behind = self.later.state.with_untracked(|s| {
            s.selection != self.selection.get_untracked()
                || self.scenario.with_untracked(|now| s.scenario != *now)
                || self.params.with_untracked(|now| s.params != *now)
                || s.pad != self.pad.get_untracked()
        });
        if behind {
            self.settle_timer.cancel();
            self.settle();
        }
    }

    fn settle(&self) {
        self.set_later.set(LaterState {
            selection: self.selection.get_untracked(),
            scenario: self.scenario.get_untracked(),
            params: self.params.get_untracked(),
            pad: self.pad.get_untracked(),
            outcome: self.outcome.get_untracked(),
        });
    }

    /// Settles once the state has been still for [`SETTLE_AFTER`].
    fn follow_later(&self) {
        let calc = *self;
        Effect::new(move |previous: Option<()>| {
            calc.selection.track();
            calc.scenario.track();
            calc.params.track();
            calc.pad.track();
            if previous.is_some() {
                calc.settle_timer.restart(move || calc.settle());
            }
        });
    }

    /// Changes the scenario for the current selection; `Err` is the Dutch message.
    pub fn change(&self, line: Line, change: crate::scenario::Change) -> Result<(), String> {
        let (data, selection) = (self.data, self.selection.get_untracked());
        let mut result = Ok(());
        self.scenario.update(|s| result = s.apply(data, selection, line, change));
        result.map_err(|e| e.to_string())
    }

    /// The query string for the current state (without `?`).
    pub fn link_query(&self) -> String {
        let state = UrlState {
            selection: self.selection.get_untracked(),
            scenario: self.scenario.get_untracked(),
            params: self.params.get_untracked(),
            embed: self.embed,
            pad: self.pad.get_untracked(),
            vergelijk: self.vergelijk.get_untracked(),
            doel_ongedekt: self.doel_ongedekt.get_untracked(),
        };
        url::encode(self.data, &state)
    }

    /// The link of the scenario alone, as it is saved or compared: without a comparison of
    /// its own and without the embedded layout.
    pub fn scenario_query(&self) -> String {
        let state = UrlState {
            selection: self.selection.get_untracked(),
            scenario: self.scenario.get_untracked(),
            params: self.params.get_untracked(),
            embed: false,
            pad: self.pad.get_untracked(),
            vergelijk: Vec::new(),
            doel_ongedekt: None,
        };
        url::encode(self.data, &state)
    }

    /// Replaces the scenario by the one a link describes (its comparison aside).
    pub fn open_link(&self, query: &str) {
        let (state, _) = url::decode(self.data, query);
        self.selection.set(state.selection);
        self.scenario.set(state.scenario);
        self.params.set(state.params);
        self.pad.set(state.pad);
        self.epoch.update(|e| *e += 1);
    }

    /// Keeps the address bar equal to the state, without adding history entries. Written a
    /// moment after the last change rather than on every keystroke (encoding 408 gemeenten
    /// has no place between a key and its figures), and at once when the page is hidden, so
    /// a reload or a closed tab never loses the last change.
    pub fn sync_address_bar(&self) {
        let calc = *self;
        let timer = Debounce::new(Duration::from_millis(150));
        let flush = move || {
            if timer.cancel() {
                replace_query(&calc.link_query());
            }
        };
        Effect::new(move |previous: Option<()>| {
            calc.selection.track();
            calc.scenario.track();
            calc.params.track();
            calc.pad.track();
            calc.vergelijk.track();
            calc.doel_ongedekt.track();
            if previous.is_none() {
                // The link as opened may be written differently (case, order): normalise it.
                replace_query(&calc.link_query());
                return;
            }
            timer.restart(move || replace_query(&calc.link_query()));
        });
        let _ = window_event_listener(leptos::ev::pagehide, move |_| flush());
    }
}

/// A timer that starts again on every [`Debounce::restart`]: its action runs once the
/// restarts have stopped for the delay.
#[derive(Clone, Copy)]
pub struct Debounce {
    pending: StoredValue<Option<TimeoutHandle>>,
    delay: Duration,
}

impl Debounce {
    pub fn new(delay: Duration) -> Debounce {
        Debounce { pending: StoredValue::new(None), delay }
    }

    /// Drops a pending action, if any, and schedules this one.
    pub fn restart(&self, action: impl FnOnce() + 'static) {
        self.cancel();
        let pending = self.pending;
        let run = move || {
            pending.set_value(None);
            action();
        };
        self.pending.set_value(set_timeout_with_handle(run, self.delay).ok());
    }

    /// Drops a pending action; whether there was one.
    pub fn cancel(&self) -> bool {
        match self.pending.get_value() {
            Some(handle) => {
                handle.clear();
                self.pending.set_value(None);
                true
            }
            None => false,
        }
    }
}

/// The query string of the page as it was opened.
pub fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

fn replace_query(query: &str) {
    let window = window();
    let location = window.location();
    let wanted = if query.is_empty() { String::new() } else { format!("?{query}") };
    if location.search().unwrap_or_default() == wanted {
        return;
    }
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{wanted}{hash}")));
    }
}

/// What the figures depend on, as it was before an edit began.
#[derive(Clone)]
pub struct Snapshot {
    scenario: Scenario,
    params: Parameters,
}

impl Calculator {
    pub fn snapshot(&self) -> Snapshot {
        Snapshot { scenario: self.scenario.get_untracked(), params: self.params.get_untracked() }
    }

    pub fn restore(&self, snapshot: Snapshot) {
        self.scenario.set(snapshot.scenario);
        self.params.set(snapshot.params);
    }
}

/// What a number field shows while a person is typing in it, and what is wrong with it.
///
/// A field normally shows a value derived from the state. While it is being edited it shows
/// exactly what was typed. Valid text is applied at once; invalid text gets its message and
/// puts the state back as it was when the edit began, so no figure ever shows a half-typed
/// number ("1,5" on the way to "1,5 mln"). Leaving the field returns it to the derived
/// value unless the text is invalid (then it stays, to be corrected); Escape cancels the
/// edit and restores the state from before it.
#[derive(Clone, Copy)]
pub struct FieldState {
    text: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
    before: StoredValue<Option<Snapshot>>,
}

impl FieldState {
    pub fn new() -> FieldState {
        FieldState { text: RwSignal::new(None), error: RwSignal::new(None), before: StoredValue::new(None) }
    }

    /// The typed text, if the field is being edited.
    pub fn text(&self) -> Option<String> {
        self.text.get()
    }

    pub fn error(&self) -> Option<String> {
        self.error.get()
    }

    /// Records typed text and applies it; a refusal becomes the field's message.
    pub fn edit(&self, calc: &Calculator, text: String, apply: impl FnOnce(&str) -> Result<(), String>) {
        if self.before.with_value(Option::is_none) {
            self.before.set_value(Some(calc.snapshot()));
        }
        let result = apply(&text);
        if let (Err(_), Some(before)) = (&result, self.before.get_value()) {
            calc.restore(before);
        }
        self.error.set(result.err());
        self.text.set(Some(text));
    }

    /// The person left the field: show the derived value again if what they typed was used.
    pub fn commit(&self) {
        // `None` when the field was removed while it had focus: the blur comes after its
        // state is gone, and there is nothing left to show.
        if let Some(None) = self.error.try_get_untracked() {
            self.clear();
        }
    }

    /// Escape: back to the state from before the edit.
    pub fn cancel(&self, calc: &Calculator) {
        if let Some(before) = self.before.get_value() {
            calc.restore(before);
        }
        self.clear();
    }

    /// Drops whatever was typed, keeping the state as it is (another field set it).
    pub fn clear(&self) {
        self.text.set(None);
        self.error.set(None);
        self.before.set_value(None);
    }
}

impl Default for FieldState {
    fn default() -> Self {
        FieldState::new()
    }
}

pub fn use_calculator() -> Calculator {
    expect_context::<Calculator>()
}
