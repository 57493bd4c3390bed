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
        };
        (calculator, notices)
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
        let pending = StoredValue::new(None::<TimeoutHandle>);
        let flush = move || {
            if let Some(handle) = pending.get_value() {
                handle.clear();
                pending.set_value(None);
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
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            let write = move || {
                pending.set_value(None);
                replace_query(&calc.link_query());
            };
            pending.set_value(set_timeout_with_handle(write, Duration::from_millis(150)).ok());
        });
        let _ = window_event_listener(leptos::ev::pagehide, move |_| flush());
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
        if self.error.get_untracked().is_none() {
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
