//! A timer that starts again on every restart: its action runs once the restarts have
//! stopped for the delay.

use std::time::Duration;

use leptos::prelude::*;

use crate::ui::browser::{self, Timer};

#[derive(Clone, Copy)]
pub struct Debounce {
    pending: StoredValue<Option<Timer>>,
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
        self.pending.set_value(browser::timer(self.delay, run));
    }

    /// Drops a pending action; whether there was one.
    pub fn cancel(&self) -> bool {
        match self.pending.get_value() {
            Some(handle) => {
                handle.cancel();
                self.pending.set_value(None);
                true
            }
            None => false,
        }
    }
}
