//! "Eigen bedragen inlezen": the 2015 inkoop per gemeente from a CSV file or from cells
//! pasted from Excel (`crate::text::import`, `crate::view::import`). Nothing is applied until
//! the person has seen the preview; applying is one step with an undo.

use leptos::prelude::*;

use crate::text::import::{self, ImportError, Sheet};
use crate::ui::browser::{self, FileProblem};
use crate::ui::state::calculator::use_calculator;
use crate::view::import::{Choices, Preview, apply, preview_with};
use crate::view::import_words::{self as words, Question, encoding_notice};

/// A preview waiting for "toepassen": where its rows came from, what was read, the
/// suggestions the person accepted, and the preview they make.
#[derive(Clone)]
struct Pending {
    source: String,
    sheet: Sheet,
    choices: Choices,
    preview: Preview,
}

#[component]
pub fn Import() -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    let pending = RwSignal::new(None::<Pending>);
    let error = RwSignal::new(None::<String>);
    let pasted = RwSignal::new(String::new());
    // How the last file was read, when that was a guess (shown with its preview or error).
    let guessed = RwSignal::new(None::<&'static str>);
    // The chosen file's name, said in Dutch under the button.
    let chosen = RwSignal::new(None::<String>);
    // What an accepted suggestion did, for screen readers (the preview is redrawn).
    let said = RwSignal::new(String::new());

    let read = move |source: String, text: &str| match import::read(text) {
        Ok(sheet) => {
            error.set(None);
            let choices = Choices::new();
            let preview = preview_with(data, &calc.inputs_untracked(), &sheet, &choices);
            pending.set(Some(Pending { source, sheet, choices, preview }));
        }
        Err(e) => {
            if e == ImportError::Binary {
                // Not text in any encoding: how its bytes were guessed is beside the point.
                guessed.set(None);
            }
            pending.set(None);
            error.set(Some(e.to_string()));
        }
    };
    // Reads the rows again with other answers to "Bedoelt u …?", then puts focus on the
    // next question, or on the button that applies.
    let choose = move |change: &dyn Fn(&Preview, &Choices) -> Choices| {
        let mut next = "import-annuleren";
        pending.update(|p| {
            let Some(p) = p else { return };
            p.choices = change(&p.preview, &p.choices);
            p.preview = preview_with(data, &calc.inputs_untracked(), &p.sheet, &p.choices);
            said.set(words::summary(&p.preview));
            if !words::questions(data, &p.preview).is_empty() {
                next = "import-vraag";
            } else if !p.preview.changes.is_empty() {
                next = "import-toepassen";
            }
        });
        browser::after_paint(move || browser::focus(next));
    };
    let on_file = move |ev: leptos::ev::Event| {
        browser::read_chosen_file(&ev, import::MAX_BYTES, move |result| match result {
            Ok((name, text, encoding)) => {
                guessed.set(encoding_notice(encoding));
                chosen.set(Some(name.clone()));
                read(format!("‘{name}’"), &text);
            }
            Err(FileProblem::TooLarge) => {
                guessed.set(None);
                pending.set(None);
                error.set(Some(ImportError::TooLarge.to_string()));
            }
            Err(FileProblem::Unreadable) => {
                guessed.set(None);
                pending.set(None);
                error.set(Some("Dit bestand kon niet worden gelezen. Kies het opnieuw.".into()));
            }
        });
    };
    let on_paste = move |_| {
        guessed.set(None);
        let text = pasted.get_untracked();
        if let Err(e) = import::check_size(text.len()) {
            error.set(Some(e.to_string()));
            return;
        }
        read("de geplakte tekst".into(), &text);
    };
    let on_apply = move |_| {
        let Some(p) = pending.get_untracked() else { return };
        let message = words::applied(p.preview.gemeenten(), &p.source);
        // All or nothing: the preview checked every amount with the same call, and should
        // one fail after all, the inputs stay as they were.
        calc.apply_import(message, |inputs| {
            let _ = apply(data, inputs, &p.preview);
        });
        pending.set(None);
        guessed.set(None);
        pasted.set(String::new());
    };

    view! {
        <section class="import" aria-labelledby="inlezen-titel" data-testid="inlezen">
            <h2 id="inlezen-titel" class="nl-heading nl-heading--level-2">"Eigen bedragen inlezen"</h2>
            <p class="nl-paragraph section-intro">
                "Hebt u de inkoop 2015 per gemeente in Excel? Lees die hier in: een CSV-bestand (ook de CSV die u "
                "hier downloadt, met uw wijzigingen) of cellen die u uit Excel kopieert, met een kopregel "
                "(‘gemeente’ en ‘inkoop 2015’; bedragen in euro's of als wijziging in %). U ziet eerst wat er "
                "verandert. Het bestand blijft in uw browser."
            </p>
            <div class="import__sources">
                <div class="field">
                    // The browser's own file input speaks the browser's language ("No file
                    // chosen"); it is hidden but keeps the focus, and its label is the button.
                    <input id="import-bestand" class="import__file visually-hidden" type="file"
                        accept=".csv,.txt,text/csv,text/plain" aria-describedby="import-gekozen" on:change=on_file />
                    <label class="import__choose utrecht-button utrecht-button--secondary-action" for="import-bestand">
                        "Kies een CSV-bestand"
                    </label>
                    <p id="import-gekozen" class="import__chosen" data-testid="inlezen-bestand">
                        {move || words::chosen_file(chosen.get().as_deref())}
                    </p>
                </div>
                <div class="field">
                    <label class="field__label" for="import-plak">"Of plak de kolommen uit Excel (met kopregel)"</label>
                    <textarea
                        id="import-plak"
                        class="import__paste utrecht-textarea"
                        rows="4"
                        spellcheck="false"
                        prop:value=pasted
                        on:input=move |ev| pasted.set(event_target_value(&ev))
                    ></textarea>
                    <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=on_paste>
                        "Geplakte tekst lezen"
                    </button>
                </div>
            </div>
            <p class="field__error" role="alert" data-testid="inlezen-fout">{move || error.get()}</p>
            <p class="notice utrecht-alert utrecht-alert--warning" role="status" data-testid="inlezen-codering"
                hidden=move || guessed.with(Option::is_none)>
                {move || guessed.get().unwrap_or_default()}
            </p>
            <p class="visually-hidden" role="status" data-testid="inlezen-melding">{move || said.get()}</p>
            {move || pending.get().map(|p| {
                let questions = words::questions(data, &p.preview);
                let unambiguous = words::unambiguous(data, &p.preview);
                let accepted = p.preview.accepted.clone();
                view! {
                <div class="import__preview" data-testid="inlezen-voorbeeld">
                    <p class="nl-paragraph" role="status">{words::summary(&p.preview)}</p>
                    {(!accepted.is_empty()).then(move || view! {
                        <ul class="import__accepted" data-testid="inlezen-overgenomen">
                            {accepted.iter().map(|a| {
                                let line = a.line_number;
                                view! {
                                    <li>
                                        {words::accepted_text(data, a)} " "
                                        <button type="button" class="utrecht-button utrecht-button--subtle"
                                            aria-label=format!("Terugzetten: regel {line}")
                                            on:click=move |_| choose(&|_, c| { let mut c = c.clone(); c.remove(&line); c })>
                                            "Terugzetten"
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    })}
                    {(!questions.is_empty()).then(move || view! {
                        <div class="import__questions" data-testid="inlezen-voorstellen">
                            <h3 class="nl-heading nl-heading--level-3">"Namen die bijna kloppen"</h3>
                            <ul class="import__question-list">
                                {questions.into_iter().enumerate().map(|(i, q)| question(data, q, i == 0, choose)).collect_view()}
                            </ul>
                            {(unambiguous >= 2).then(|| view! {
                                <button type="button" class="utrecht-button utrecht-button--secondary-action"
                                    on:click=move |_| choose(&|p, c| words::accept_all(data, p, c))>
                                    {words::accept_all_label(unambiguous)}
                                </button>
                            })}
                        </div>
                    })}
                    <div class="import__missing-block" data-testid="inlezen-ontbrekend" inner_html=words::missing_markup(data, &p.preview)></div>
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Wat het inlezen verandert" inner_html=words::tables(&p.preview)></div>
                    <p class="import__actions">
                        {(!p.preview.changes.is_empty()).then(|| view! {
                            <button id="import-toepassen" type="button" class="utrecht-button utrecht-button--primary-action" on:click=on_apply>
                                {match p.preview.changes.len() {
                                    1 => "1 bedrag toepassen".to_string(),
                                    n => format!("{n} bedragen toepassen"),
                                }}
                            </button>
                        })}
                        <button id="import-annuleren" type="button" class="utrecht-button utrecht-button--secondary-action" on:click=move |_| { pending.set(None); guessed.set(None); }>
                            "Annuleren"
                        </button>
                    </p>
                </div>
            }})}
        </section>
    }
}

/// One name that is nearly right: the row, and a button per gemeente it may mean. The first
/// button of the first question is where focus goes after an answer.
fn question(
    data: &'static crate::model::data::Dataset,
    q: Question,
    first: bool,
    choose: impl Fn(&dyn Fn(&Preview, &Choices) -> Choices) + Copy + 'static,
) -> impl IntoView {
    let line = q.line_number;
    view! {
        <li class="import__question">
            <span>{words::question_text(&q)}</span> " "
            {q.options.iter().enumerate().map(|(i, &g)| view! {
                <button type="button" class="utrecht-button utrecht-button--secondary-action"
                    id=(first && i == 0).then_some("import-vraag")
                    aria-label=words::option_label(data, &q, g)
                    on:click=move |_| choose(&move |_, c| { let mut c = c.clone(); c.insert(line, g); c })>
                    {data.gemeente(g).naam.clone()}
                </button>
            }).collect_view()}
        </li>
    }
}
