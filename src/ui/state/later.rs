//! The state as the panels below the results show it: the calculator's own, once the person
//! has paused (see `Calculator::settle_now`).
//!
//! A keystroke pays only for the figures at the top, which change at once. The charts, the
//! bandbreedte and tornado, the tables, the afbouwpad, the comparison and the link redraw
//! once when typing pauses, instead of on every key: together they cost several times what
//! the figures do. The one write happens in `Calculator::write_later`; the panels' own memos
//! stop what did not change. One signal with accessors rather than a memo per field (each
//! memo type costs the wasm kilobytes), except the selection: what is rebuilt or reordered
//! when the area changes must not be when only the amounts do.

use leptos::prelude::*;

use crate::model::calculation::{Figures, Outcome};
use crate::model::data::Dataset;
use crate::model::inputs::{Inputs, Session};
use crate::model::pad::Path;
use crate::model::params::Parameters;
use crate::model::scenario::Scenario;
use crate::model::selection::Selection;
use crate::text::url::Written;

/// One copy of the session, its outcome (taken from the memo, not recomputed) and its link.
#[derive(Clone)]
pub struct LaterState {
    pub session: Session,
    pub outcome: Outcome,
    /// The link to this state, as the address bar holds it.
    pub written: Written,
    /// Taken because typing paused (what follows may follow in slices), not at a moment
    /// when everything must show it at once (a field left, a step, printing).
    pub paused: bool,
}

#[derive(Clone, Copy)]
pub struct Later {
    state: ReadSignal<LaterState>,
    selection: Memo<Selection>,
    data: &'static Dataset,
}

impl Later {
    pub fn new(state: ReadSignal<LaterState>, data: &'static Dataset) -> Later {
        Later { state, selection: Memo::new(move |_| state.with(|s| s.session.inputs.selection)), data }
    }

    /// Subscribes to every change of the state (for what follows it in its own way).
    pub fn track(&self) {
        self.state.track();
    }

    pub fn selection(&self) -> Selection {
        self.selection.get()
    }

    pub fn params(&self) -> Parameters {
        self.state.with(|s| s.session.inputs.params.clone())
    }

    pub fn pad(&self) -> Path {
        self.state.with(|s| s.session.inputs.pad)
    }

    pub fn with_session<R>(&self, f: impl FnOnce(&Session) -> R) -> R {
        self.state.with(|s| f(&s.session))
    }

    pub fn with_session_untracked<R>(&self, f: impl FnOnce(&Session) -> R) -> R {
        self.state.with_untracked(|s| f(&s.session))
    }

    pub fn with_inputs<R>(&self, f: impl FnOnce(&Inputs) -> R) -> R {
        self.state.with(|s| f(&s.session.inputs))
    }

    pub fn with_scenario<R>(&self, f: impl FnOnce(&Scenario) -> R) -> R {
        self.state.with(|s| f(&s.session.inputs.scenario))
    }

    pub fn with_outcome<R>(&self, f: impl FnOnce(&Outcome) -> R) -> R {
        self.state.with(|s| f(&s.outcome))
    }

    pub fn with_outcome_untracked<R>(&self, f: impl FnOnce(&Outcome) -> R) -> R {
        self.state.with_untracked(|s| f(&s.outcome))
    }

    /// The selection's figures.
    pub fn figures(&self) -> Figures {
        self.state.with(|s| s.outcome.selection(self.data, s.session.inputs.selection))
    }

    pub fn with_figures<R>(&self, f: impl FnOnce(&Figures) -> R) -> R {
        f(&self.figures())
    }

    /// The link to this state (as the address bar holds it), and what it had to leave out.
    pub fn written(&self) -> Written {
        self.state.with(|s| s.written.clone())
    }

    /// Whether this copy was taken because typing paused (see [`LaterState::paused`]).
    pub fn paused_untracked(&self) -> bool {
        self.state.with_untracked(|s| s.paused)
    }

    pub fn written_untracked(&self) -> Written {
        self.state.with_untracked(|s| s.written.clone())
    }
}
