//! "Eigen bedragen inlezen": the 2015 inkoop per gemeente from a CSV file or from cells
//! pasted from Excel (`crate::text::import`, `crate::view::import`). Nothing is applied until
//! the person has seen the preview; applying is one step with an undo.

use leptos::prelude::*;

use super::browser::{self, FileProblem};
use super::calculator::use_calculator;
use crate::model::data::Line;
use crate::text::format;
use crate::text::import::{self, ImportError};
use crate::view::html as markup;
use crate::view::import::{Preview, apply, encoding_notice, preview};

/// A preview waiting for "toepassen", and where its rows came from.
#[derive(Clone)]
struct Pending {
    source: String,
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

    let read = move |source: String, text: &str| match import::read(text) {
        Ok(sheet) => {
            error.set(None);
            let preview = preview(data, &calc.inputs_untracked(), &sheet);
            pending.set(Some(Pending { source, preview }));
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
    let on_file = move |ev: leptos::ev::Event| {
        browser::read_chosen_file(&ev, import::MAX_BYTES, move |result| match result {
            Ok((name, text, encoding)) => {
                guessed.set(encoding_notice(encoding));
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
        let message = match p.preview.gemeenten() {
            1 => format!("Bedrag van 1 gemeente ingelezen uit {}.", p.source),
            n => format!("Bedragen van {n} gemeenten ingelezen uit {}.", p.source),
        };
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
                    <label class="field__label" for="import-bestand">"Kies een CSV-bestand"</label>
                    <input id="import-bestand" class="import__file" type="file" accept=".csv,.txt,text/csv,text/plain" on:change=on_file />
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
            {move || pending.get().map(|p| view! {
                <div class="import__preview" data-testid="inlezen-voorbeeld">
                    <p class="nl-paragraph" role="status">{summary(&p.preview)}</p>
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Wat het inlezen verandert" inner_html=tables(&p.preview)></div>
                    <p class="import__actions">
                        {(!p.preview.changes.is_empty()).then(|| view! {
                            <button type="button" class="utrecht-button utrecht-button--primary-action" on:click=on_apply>
                                {match p.preview.changes.len() {
                                    1 => "1 bedrag toepassen".to_string(),
                                    n => format!("{n} bedragen toepassen"),
                                }}
                            </button>
                        })}
                        <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=move |_| { pending.set(None); guessed.set(None); }>
                            "Annuleren"
                        </button>
                    </p>
                </div>
            })}
        </section>
    }
}

/// "2 gemeenten krijgen een ander bedrag; 1 regel wordt niet gebruikt; 10 ongewijzigd."
fn summary(p: &Preview) -> String {
    let mut parts = vec![match p.gemeenten() {
        0 => "Geen gemeente krijgt een ander bedrag".to_string(),
        1 => "1 gemeente krijgt een ander bedrag".to_string(),
        n => format!("{n} gemeenten krijgen een ander bedrag"),
    }];
    match p.problems.len() {
        0 => {}
        1 => parts.push("1 regel wordt niet gebruikt (zie hieronder)".into()),
        n => parts.push(format!("{n} regels worden niet gebruikt (zie hieronder)")),
    }
    if p.unchanged > 0 {
        parts.push(format!("{} ongewijzigd", p.unchanged));
    }
    parts.join("; ") + "."
}

fn tables(p: &Preview) -> String {
    let mut html = String::new();
    if !p.changes.is_empty() {
        let rows: Vec<(String, Vec<String>)> = p
            .changes
            .iter()
            .map(|c| {
                let line = match c.line {
                    Line::Co => "cliëntondersteuning",
                    Line::Ivh => "Integrale Vroeghulp",
                };
                // "€ +1.234" beside "€ −1.234".
                let difference = if c.difference.is_sign_positive() {
                    format!("€{}+{}", format::NBSP, format::number(c.difference, 0))
                } else {
                    format::euro(c.difference)
                };
                (
                    c.naam.clone(),
                    vec![
                        line.into(),
                        format::euro(c.budget_2014),
                        format::euro(c.current),
                        format::euro(c.new),
                        difference,
                    ],
                )
            })
            .collect();
        html.push_str(&visible_caption(markup::table(
            "Wat verandert",
            &["Gemeente", "Onderdeel", "Budget 2014", "Nu", "Nieuw", "Verschil"],
            &[false, true, true, true, true],
            &rows,
        )));
    }
    if !p.problems.is_empty() {
        let rows: Vec<(String, Vec<String>)> = p
            .problems
            .iter()
            .map(|b| (b.line_number.to_string(), vec![b.text.clone(), b.reason.to_string()]))
            .collect();
        html.push_str(&visible_caption(markup::table(
            "Regels die niet worden gebruikt",
            &["Regel", "Inhoud", "Reden"],
            &[false, false],
            &rows,
        )));
    }
    html
}

/// The preview's tables say what they are above them, for everyone.
fn visible_caption(table: String) -> String {
    table.replacen(r#"<caption class="visually-hidden">"#, r#"<caption class="import__caption">"#, 1)
}
