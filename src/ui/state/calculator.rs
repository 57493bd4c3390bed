//! The calculator's state: one signal holding the [`Session`] (what the person chose), and
//! memos for everything derived from it. Shared through context as one `Copy` value.
//!
//! Every change goes through a method here (what the page shows through
//! [`Calculator::show`]), so the three things that must follow a change cannot be
//! forgotten: the session history (a discrete step is a new entry, typing replaces it), the
//! undo offer of a step that overwrote earlier work, and the copy the panels and the
//! address bar follow once typing pauses ([`Later`]).

use std::time::Duration;

use leptos::prelude::*;

use super::debounce::Debounce;
use super::later::{Later, LaterState};
use crate::model::calculation::{Figures, Outcome, calculate};
use crate::model::data::{Dataset, GemeenteId, Line};
use crate::model::inputs::{Inputs, PageMode, Session};
use crate::model::pad;
use crate::model::params::Parameters;
use crate::model::scenario::{Change, Scenario};
use crate::model::selection::Selection;
use crate::model::weergave::Weergave;
use crate::text::url::{self, MAX_LINK, Notice, Written};
use crate::ui::browser;
use crate::view::presets::Preset;
use crate::view::undo;

/// How long the state must be still before the panels below the results follow it.
pub const SETTLE_AFTER: Duration = Duration::from_millis(100);

/// A step that overwrote earlier work, and the session from before it.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    pub message: String,
    before: Session,
}

#[derive(Clone, Copy)]
pub struct Calculator {
    pub data: &'static Dataset,
    /// Everything the person chose: the one source of truth.
    session: RwSignal<Session>,
    /// The page's layout (`embed=1`, `kaart=1`), read from the link that opened it.
    pub mode: PageMode,
    pub selection: Memo<Selection>,
    /// What the model computes from: changes of the area alone do not recompute it.
    model: Memo<(Scenario, Parameters)>,
    pub outcome: Memo<Outcome>,
    /// The selection's figures: what the results panel shows.
    pub figures: Memo<Figures>,
    /// The same state a moment later: what the panels below the results show.
    pub later: Later,
    /// With an afbouwpad set, the selection's figures over 2015–2018 (following `later`:
    /// four years are four calculations, not redone for every key).
    pub path_total: Memo<Option<Figures>>,
    set_later: WriteSignal<LaterState>,
    settle_timer: Debounce,
    /// Bumped when the inputs are replaced as a whole (a preset, a saved scenario, Back),
    /// so fields drop text being typed.
    pub epoch: RwSignal<u32>,
    /// The last step that overwrote earlier work, while it can still be undone.
    pub undo: RwSignal<Option<Undo>>,
    /// The next address-bar write starts a new history entry.
    push_next: StoredValue<bool>,
}

impl Calculator {
    /// The state a link describes, and the notices about what it had that could not be used.
    pub fn from_link(data: &'static Dataset, query: &str) -> (Calculator, Vec<Notice>) {
        let (session, mode, notices) = url::decode_page(data, query);
        let session = RwSignal::new(session);
        let selection = Memo::new(move |_| session.with(|s| s.inputs.selection));
        let model = Memo::new(move |_| session.with(|s| (s.inputs.scenario.clone(), s.inputs.params.clone())));
        let outcome = Memo::new(move |_| model.with(|(s, p)| calculate(data, s, p)));
        let figures = Memo::new(move |_| outcome.with(|o| o.selection(data, selection.get())));
        let first = LaterState {
            session: session.get_untracked(),
            outcome: outcome.get_untracked(),
            written: Written { query: String::new(), left_out_gemeenten: 0, left_out_vergelijk: 0 },
            paused: false,
        };
        let (later_state, set_later) = signal(first);
        let later = Later::new(later_state, data);
        let path_total = Memo::new(move |_| {
            let path = later.pad();
            if path.iter().all(Option::is_none) {
                return None;
            }
            let (selection, params) = (later.selection(), later.params());
            later.with_scenario(|s| pad::total(data, s, selection, &path, &params)).ok()
        });
        let calculator = Calculator {
            data,
            session,
            mode,
            selection,
            model,
            outcome,
            figures,
            later,
            path_total,
            set_later,
            settle_timer: Debounce::new(SETTLE_AFTER),
            epoch: RwSignal::new(0),
            undo: RwSignal::new(None),
            push_next: StoredValue::new(false),
        };
        calculator.follow_later();
        (calculator, notices)
    }

    /// Reads the session, tracked.
    pub fn with<R>(&self, f: impl FnOnce(&Session) -> R) -> R {
        self.session.with(f)
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&Session) -> R) -> R {
        self.session.with_untracked(f)
    }

    pub fn inputs_untracked(&self) -> Inputs {
        self.session.with_untracked(|s| s.inputs.clone())
    }

    /// Keeps the address bar and the session history in step with the state (not in an
    /// iframe, whose address nobody sees): the page as opened is written back normalised,
    /// Back and Forward restore the entry they reach, and a hidden page writes at once.
    pub fn follow_history(&self) {
        let calc = *self;
        if !self.mode.embed {
            browser::on_history_move(move |query| calc.restore(&query));
            browser::on_page_hide(move || calc.settle_now());
        }
        // The link is written once the figures are painted: nothing on the first screen
        // needs it sooner, and the first paint should not wait for it.
        browser::after_paint(move || calc.write_later(true, false));
    }

    // ---- Changes ----

    /// Starts a new step: what typing before it changed is written to its own history
    /// entry, and the next write is a new entry. Ends the undo offer of the step before.
    pub fn begin_step(&self) {
        self.settle_now();
        self.push_next.set_value(true);
        self.undo.set(None);
    }

    /// A discrete step (another area, a table edit applied, …): a new history entry at once.
    pub fn step(&self, change: impl FnOnce(&mut Session)) {
        self.begin_step();
        self.session.update(change);
        self.settle_now();
    }

    /// A change within the step under way (each keystroke of a field).
    pub fn update(&self, change: impl FnOnce(&mut Session)) {
        self.session.update(change);
    }

    /// Replaces the inputs as a whole, as a step; fields drop what was typed in them.
    fn replace(&self, change: impl FnOnce(&mut Session)) {
        self.step(change);
        self.epoch.update(|e| *e += 1);
    }

    /// Offers to undo the step under way, which overwrote earlier work.
    fn offer_undo(&self, message: String, before: Session) {
        self.undo.set(Some(Undo { message, before }));
    }

    /// "Ongedaan maken": back to the session from before the last overwriting step, with
    /// the view as it is now (a sort or an open section is no work to undo).
    pub fn undo_last(&self) {
        if let Some(undo) = self.undo.get_untracked() {
            self.replace(|s| *s = Session { weergave: std::mem::take(&mut s.weergave), ..undo.before });
        }
    }

    /// Changes what the page shows (the map's measure, a table's order, a section opened or
    /// shut): no step of its own and nothing to undo; the address bar follows as it follows
    /// typing, in the history entry of the step under way.
    pub fn show(&self, change: impl FnOnce(&mut Weergave)) {
        let mut weergave = self.session.with_untracked(|s| s.weergave.clone());
        change(&mut weergave);
        if self.session.with_untracked(|s| s.weergave != weergave) {
            self.session.update(|s| s.weergave = weergave);
        }
    }

    /// A part of the view as a memo, so that what follows it is not redone for every key
    /// typed in the inputs.
    pub fn shown<T: Clone + PartialEq + Send + Sync + 'static>(&self, part: fn(&Weergave) -> T) -> Memo<T> {
        let session = self.session;
        Memo::new(move |_| session.with(|s| part(&s.weergave)))
    }

    /// Changes a line of the whole area (typing in the area's fields, within the step
    /// the field began); `Err` is the Dutch message. Replacing amounts of individual
    /// gemeenten is offered for undo.
    pub fn change_area(&self, line: Line, change: Change) -> Result<(), String> {
        let data = self.data;
        let before = self.session.get_untracked();
        let own = before.inputs.own_amounts_in_area(data, line);
        let mut result = Ok(());
        self.update(|s| result = s.inputs.scenario.apply(data, s.inputs.selection, line, change));
        result.map_err(|e| e.to_string())?;
        if self.undo.with_untracked(Option::is_none)
            && let Some(message) = undo::own_amounts_replaced(own, before.inputs.selection.naam(data))
        {
            self.offer_undo(message, before);
        }
        Ok(())
    }

    /// Sets one gemeente's inkoop (a table cell, within the step the field began).
    pub fn set_gemeente(&self, g: GemeenteId, line: Line, amount: rust_decimal::Decimal) -> Result<(), String> {
        let data = self.data;
        let mut result = Ok(());
        self.update(|s| result = s.inputs.scenario.set_gemeente(data, g, line, amount));
        result.map_err(|e| e.to_string())
    }

    /// Chooses what to look at. Edits elsewhere stay, and are listed ("Ook gewijzigd").
    pub fn choose(&self, selection: Selection) {
        if self.selection.get_untracked() != selection {
            self.step(|s| s.inputs.selection = selection);
        }
    }

    /// Applies a preset; says what it replaced, with an undo.
    pub fn apply_preset(&self, preset: Preset) {
        let data = self.data;
        let before = self.session.get_untracked();
        self.replace(|s| preset.apply(data, &mut s.inputs));
        if let Some(message) = undo::preset_applied(data, preset, &before.inputs, &self.inputs_untracked()) {
            self.offer_undo(message, before);
        }
    }

    /// Opens a saved scenario (its comparison and goal aside, the current ones stay).
    pub fn open_saved(&self, naam: &str, query: &str) {
        let (opened, _) = url::decode(self.data, query);
        let before = self.session.get_untracked();
        if opened.inputs == before.inputs {
            return;
        }
        self.replace(|s| s.inputs = opened.inputs);
        self.offer_undo(undo::saved_opened(naam), before);
    }

    /// Amounts read from a file or pasted: one step, said and undone as one.
    pub fn apply_import(&self, message: String, change: impl FnOnce(&mut Inputs)) {
        let before = self.session.get_untracked();
        self.replace(|s| change(&mut s.inputs));
        self.offer_undo(message, before);
    }

    /// Puts every gemeente outside the area back at its 2014 budget.
    pub fn clear_outside(&self) {
        let data = self.data;
        let before = self.session.get_untracked();
        let count = before.inputs.edited_outside(data).len();
        self.replace(|s| s.inputs.clear_outside(data));
        let message = undo::outside_cleared(count, before.inputs.selection.naam(data));
        self.offer_undo(message, before);
    }

    /// Back or Forward reached an entry: its state, as it was.
    fn restore(&self, query: &str) {
        let (session, _) = url::decode(self.data, query);
        self.settle_timer.cancel();
        self.push_next.set_value(false);
        self.undo.set(None);
        self.session.set(session);
        self.epoch.update(|e| *e += 1);
        self.write_later(false, false);
    }

    // ---- Links ----

    /// The inputs alone as a link's query: what is saved and compared.
    pub fn scenario_query(&self) -> String {
        url::encode(self.data, &Session::of(self.inputs_untracked()))
    }

    // ---- Following the state a moment later ----

    /// Brings [`Calculator::later`] and the address bar up to date now if they are behind:
    /// when a field is left (so it never shows the amount from before for a moment), when a
    /// step begins or ends, before printing and when the page is hidden.
    pub fn settle_now(&self) {
        self.settle_timer.cancel();
        self.settle(false);
    }

    /// `paused`: settled because typing paused, so what follows may follow in slices; else
    /// at a moment when everything must show the state at once.
    fn settle(&self, paused: bool) {
        let behind = self.later.with_session_untracked(|s| self.session.with_untracked(|now| s != now));
        if behind {
            self.write_later(false, paused);
        }
    }

    /// Takes the copy the panels follow, and writes the address bar from it.
    fn write_later(&self, first: bool, paused: bool) {
        let data = self.data;
        let session = self.session.get_untracked();
        let budget = MAX_LINK.saturating_sub(browser::page_base().len() + 1);
        let written = url::encode_within(data, &session, budget);
        if !self.mode.embed {
            let full = (!written.complete()).then(|| url::encode(data, &session));
            let push = self.push_next.get_value() && !first;
            if browser::write_history(&written.query, full.as_deref(), push) && push {
                self.push_next.set_value(false);
            }
        }
        self.set_later.set(LaterState { session, outcome: self.outcome.get_untracked(), written, paused });
    }

    /// Settles once the state has been still for [`SETTLE_AFTER`].
    fn follow_later(&self) {
        let calc = *self;
        Effect::new(move |previous: Option<()>| {
            calc.session.track();
            if previous.is_some() {
                calc.settle_timer.restart(move || calc.settle(true));
            }
        });
    }
}

pub fn use_calculator() -> Calculator {
    super::provided::<Calculator>()
}

impl Calculator {
    /// The scenario and the parameters, tracked only for changes of those.
    pub fn with_model<R>(&self, f: impl FnOnce(&Scenario, &Parameters) -> R) -> R {
        self.model.with(|(s, p)| f(s, p))
    }
}
