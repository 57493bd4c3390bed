//! A timer that starts again on every restart: its action runs once the restarts have
//! stopped for the delay.

use std::time::Duration;

use leptos::leptos_dom::helpers::{TimeoutHandle, set_timeout_with_handle};
use leptos::prelude::*;

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
