//! Timers and performance marks. Leptos' own timer helpers are called here only, so that
//! `tests/layers.rs` can hold every use of the browser to this folder.

use std::time::Duration;

use leptos::leptos_dom::helpers::{TimeoutHandle, request_animation_frame, set_timeout, set_timeout_with_handle};
use leptos::web_sys;

/// Runs `f` after `delay`.
pub fn after(delay: Duration, f: impl FnOnce() + 'static) {
    set_timeout(f, delay);
}

/// A pending [`timer`], which can be called off.
#[derive(Clone, Copy)]
pub struct Timer(TimeoutHandle);

impl Timer {
    pub fn cancel(self) {
        self.0.clear();
    }
}

/// Runs `f` after `delay` unless the timer is cancelled first; `None` where the browser
/// would not schedule it.
pub fn timer(delay: Duration, f: impl FnOnce() + 'static) -> Option<Timer> {
    set_timeout_with_handle(f, delay).ok().map(Timer)
}

/// Runs `f` once the browser has painted the page as it is now: a timeout scheduled from an
/// animation frame runs after that frame is painted.
pub fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}

/// Runs `f` when the browser is idle, and at the latest after [`IDLE_DEADLINE`] (as
/// `requestIdleCallback`'s `timeout` would): a page that is never idle, such as a frame on
/// a busy host page, still gets its turn. Where there is no `requestIdleCallback` (Safari),
/// after a moment.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let once = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let run = {
        let once = once.clone();
        move || {
            if let Some(f) = once.take() {
                f();
            }
        }
    };
    let deadline = if leptos::leptos_dom::helpers::request_idle_callback_with_handle(run).is_ok() {
        IDLE_DEADLINE
    } else {
        Duration::from_millis(50)
    };
    set_timeout(move || once.take().map_or((), |f| f()), deadline);
}

/// How long [`when_idle`] waits for the browser to be idle.
const IDLE_DEADLINE: Duration = Duration::from_millis(1500);

/// A performance mark named `name`, for `scripts/bench.mjs` and the browser tests.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Runs `f` between two performance marks and measures it as `name`, for
/// `scripts/bench.mjs` to read (`performance.getEntriesByName`). Costs nothing to look at.
pub fn measured<R>(name: &str, f: impl FnOnce() -> R) -> R {
    let performance = web_sys::window().and_then(|w| w.performance());
    let (start, end) = (format!("{name}-start"), format!("{name}-end"));
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let result = f();
    if let Some(p) = &performance {
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
        p.clear_marks_with_mark_name(&start);
        p.clear_marks_with_mark_name(&end);
    }
    result
}
