//! Sections whose code is not in the first load.
//!
//! A visitor comes for the figures; the map, the tables, the analyses and the rest follow.
//! Their code is split off the main wasm into chunks (`ui::chunks`, built by
//! `scripts/build-wasm.mjs`), fetched once the figures are on screen, while the browser is
//! idle, or at once when a section is needed sooner (it scrolls into view, a link opens it,
//! its button is pressed). Until its chunk is there a section keeps its place with its
//! heading and says it is loading; when the chunk cannot be fetched (offline, a proxy that
//! blocks `.wasm`) it says so, with a button to try again, and the figures keep working.
//!
//! Why not Leptos' `#[lazy]`: it uses the same split (`leptos::wasm_split`) but without the
//! `fallible` option, so a failed fetch panics, which aborts the whole program. With
//! `fallible` the failure is a value, shown in the section it concerns.
//!
//! Building: a section is built at once when it comes within a screen of the viewport or
//! is asked for; the others are built one by one when the browser is idle, each in a task
//! of its own. A page whose sections exist only once scrolled to would hide them from
//! find-in-page, from a screen reader moving by headings without scrolling, and from the
//! browser's own print; one task per section keeps the main thread free between them.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::ui::browser;

/// What a chunk's split function gives once its chunk is loaded.
pub type Fetched<T> = Pin<Box<dyn Future<Output = Result<T, SplitLoaderError>>>>;

/// A section built by code in a chunk; called under the owner of the place it appears.
pub type Section = fn() -> AnyView;

/// How far a chunk has come.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Load<T> {
    /// Not asked for yet.
    Waiting,
    Loading,
    Ready(T),
    /// The last attempt failed; asking again tries again.
    Failed,
}

/// One value a chunk provides (a section, or a function such as the CSV writer), loaded on
/// first use and kept. `Copy`: the state is a signal.
pub struct Lazy<T: Copy + Send + Sync + 'static> {
    state: RwSignal<Load<T>>,
    /// Whether the page wants it built: it came near the viewport, or was asked for. Its
    /// code is fetched earlier, when the browser is idle; building waits for this, so the
    /// work after the first load is only what is about to be seen.
    wanted: RwSignal<bool>,
    fetch: fn() -> Fetched<T>,
    /// For the performance marks and the test ids: `laden-<name>`.
    pub name: &'static str,
}

impl<T: Copy + Send + Sync + 'static> Clone for Lazy<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Copy + Send + Sync + 'static> Copy for Lazy<T> {}

impl<T: Copy + Send + Sync + 'static> Lazy<T> {
    pub fn new(name: &'static str, fetch: fn() -> Fetched<T>) -> Lazy<T> {
        Lazy { state: RwSignal::new(Load::Waiting), wanted: RwSignal::new(false), fetch, name }
    }

    /// The state, tracked.
    pub fn state(&self) -> Load<T> {
        self.state.get()
    }

    /// The value if it is loaded, untracked.
    pub fn ready(&self) -> Option<T> {
        match self.state.get_untracked() {
            Load::Ready(value) => Some(value),
            _ => None,
        }
    }

    /// Starts loading, unless it is loaded or under way; after a failure, tries again.
    pub fn start(&self) {
        if !matches!(self.state.get_untracked(), Load::Waiting | Load::Failed) {
            return;
        }
        self.state.set(Load::Loading);
        let (state, fetch, name) = (self.state, self.fetch, self.name);
        leptos::task::spawn_local(async move {
            let result = fetch().await;
            if result.is_ok() {
                browser::mark(&format!("chunk-{name}"));
            }
            // What the section then builds gets a task of its own, not the one that
            // finished the fetch (several chunks often arrive together).
            browser::after(std::time::Duration::ZERO, move || state.set(result.map_or(Load::Failed, Load::Ready)));
        });
    }

    /// Asks for it to be built where it stands, loading it first if needed.
    pub fn want(&self) {
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        }
        self.start();
    }

    /// The value once it is loaded and wanted (tracked): what a section builds from.
    pub fn built(&self) -> Option<T> {
        match (self.state.get(), self.wanted.get()) {
            (Load::Ready(value), true) => Some(value),
            _ => None,
        }
    }

    /// Whether the last load failed (tracked).
    pub fn failed(&self) -> bool {
        self.state.with(|s| matches!(s, Load::Failed))
    }

    /// Runs `then` with the value as soon as it is loaded (at once if it is), starting the
    /// load if needed, and asks for its section to be built. A failed load runs nothing and
    /// drops `then`: its section says so, and a retry that succeeds later does only what
    /// was asked of it, not also what a press before the failure asked.
    pub fn with_ready(&self, then: impl FnOnce(T) + 'static) {
        self.want();
        if let Some(value) = self.ready() {
            return then(value);
        }
        let state = self.state;
        let mut then = Some(then);
        Effect::new(move |_| match state.get() {
            Load::Ready(value) => {
                if let Some(then) = then.take() {
                    then(value);
                }
            }
            Load::Failed => drop(then.take()),
            Load::Waiting | Load::Loading => {}
        });
    }
}

thread_local! {
    /// Sections whose code is there but that no one has come near yet, in page order; and
    /// whether an idle callback is already waiting to build the first of them.
    static IDLE_BUILDS: RefCell<(VecDeque<Lazy<Section>>, bool)> = const { RefCell::new((VecDeque::new(), false)) };
}

/// Builds `part` when the browser is next idle, after the sections queued before it.
fn build_when_idle(part: Lazy<Section>) {
    let schedule = IDLE_BUILDS.with_borrow_mut(|(queue, scheduled)| {
        queue.push_back(part);
        !std::mem::replace(scheduled, true)
    });
    if schedule {
        browser::when_idle(build_next);
    }
}

/// Builds one queued section, the next one waiting for the next idle period.
fn build_next() {
    let (next, more) = IDLE_BUILDS.with_borrow_mut(|(queue, scheduled)| {
        let next = queue.pop_front();
        *scheduled = !queue.is_empty();
        (next, *scheduled)
    });
    if more {
        browser::when_idle(build_next);
    }
    if let Some(part) = next {
        part.want();
    }
}

/// Builds at once every section whose code is there but that is still waiting for an idle
/// moment: the page is about to be printed (`beforeprint`), and the paper should hold what
/// the button's report holds. A section whose chunk has not arrived keeps its stand-in.
pub fn build_waiting_now() {
    let waiting = IDLE_BUILDS.with_borrow_mut(|(queue, _)| std::mem::take(queue));
    for part in waiting {
        part.want();
    }
}

/// Where a lazily built section stands on the page: its heading while the chunk loads (so
/// nothing moves when it arrives), the section once it is there, a Dutch message with a
/// retry button when it could not be fetched.
///
/// `heading` is the section's own (none: the stand-in is empty); `id` is given to the
/// stand-in so that links to the section work before it is there; `class` reserves the
/// section's height in `style/main.css`.
pub fn section(part: Lazy<Section>, heading: &'static str, id: Option<&'static str>, class: &'static str) -> AnyView {
    // Built once its code is there and it comes within a screen of the viewport; until then
    // the stand-in, which says whether the code is loading or could not be fetched. A
    // memo, so that loading → ready → wanted rebuilds only when what is shown changes.
    let built = Memo::new(move |_| part.built());
    let stand_in = NodeRef::<leptos::html::Div>::new();
    let mut queued = false;
    Effect::new(move |_| {
        if !queued && matches!(part.state(), Load::Ready(_)) {
            queued = true;
            build_when_idle(part);
        }
    });
    Effect::new(move |_| {
        if let Some(element) = stand_in.get() {
            browser::when_near_view(&element, move || part.want());
        }
    });
    (move || match built.get() {
        Some(build) => build(),
        None if heading.is_empty() => {
            view! { <div class=class id=id data-testid=format!("laden-{}", part.name) node_ref=stand_in></div> }.into_any()
        }
        None => view! {
            <div class=format!("lazy {class}") id=id data-testid=format!("laden-{}", part.name) node_ref=stand_in aria-busy=move || (!part.failed()).to_string()>
                <h2 class="nl-heading nl-heading--level-2">{heading}</h2>
                <p class="lazy__status">
                    {move || if part.failed() {
                        "Dit onderdeel kon niet worden geladen. Controleer de verbinding en probeer het opnieuw; de uitkomsten hierboven werken gewoon."
                    } else {
                        "Wordt geladen…"
                    }}
                </p>
                <button type="button" class="utrecht-button utrecht-button--secondary-action" hidden=move || !part.failed() on:click=move |_| part.start()>
                    "Opnieuw proberen"
                </button>
            </div>
        }
        .into_any(),
    })
    .into_any()
}
