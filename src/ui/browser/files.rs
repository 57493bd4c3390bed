//! Files: downloads (text and PNG), the date, a chosen file read, a file of the site fetched.

use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::{JsCast, JsValue};
use leptos::web_sys;

use crate::text::encoding::{self, Decoding, Encoding};

/// Today's date as (dd-mm-jjjj, jjjj-mm-dd), in the user's time zone.
pub fn today() -> (String, String) {
    let now = js_sys::Date::new_0();
    let (d, m, y) = (now.get_date(), now.get_month() + 1, now.get_full_year());
    (format!("{d:02}-{m:02}-{y}"), format!("{y}-{m:02}-{d:02}"))
}

/// Offers `text` as a file download, made in the browser.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let offered = offer(name, &url);
    web_sys::Url::revoke_object_url(&url)?;
    offered
}

/// Clicks a link to `url` that downloads it as `name`.
fn offer(name: &str, url: &str) -> Result<(), JsValue> {
    let document = window().document().ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(url);
    link.set_download(name);
    link.click();
    Ok(())
}

/// Told whether something asynchronous could be done.
pub type Done = Box<dyn FnOnce(bool)>;

/// Draws `svg`, a standalone SVG of `width` × `height` CSS pixels, at twice that size and
/// offers it as the PNG download `name`; then `done` says whether it could. The SVG is read
/// from a `data:` address, which the page's CSP allows for images (`img-src 'self' data:`):
/// nothing is fetched. A browser that will not read an SVG into a canvas (one that calls the
/// canvas tainted) gives false.
pub fn download_png(name: &str, svg: &str, width: u32, height: u32, done: Done) {
    // Elements made with calls the page already imports, and `unchecked_into`, so that the
    // main module's JavaScript grows by only the four calls that draw (it holds every import).
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return done(false) };
    let (Ok(image), Ok(canvas)) = (document.create_element("img"), document.create_element("canvas")) else {
        return done(false);
    };
    let (w, h) = (width * 2, height * 2);
    let set = [
        image.set_attribute("src", &format!("data:image/svg+xml;charset=utf-8,{}", data_url_text(svg))),
        canvas.set_attribute("width", &w.to_string()),
        canvas.set_attribute("height", &h.to_string()),
    ];
    if set.iter().any(Result::is_err) {
        return done(false);
    }
    let image: web_sys::HtmlImageElement = image.unchecked_into();
    let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
    let name = name.to_string();
    leptos::task::spawn_local(async move {
        let drawn = async {
            wasm_bindgen_futures::JsFuture::from(image.decode()).await?;
            let context: web_sys::CanvasRenderingContext2d =
                canvas.get_context("2d")?.ok_or("no 2d context")?.unchecked_into();
            context.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, f64::from(w), f64::from(h))?;
            // Throws where the canvas is tainted.
            let png = canvas.to_data_url_with_type("image/png")?;
            offer(&name, &png)
        };
        done(drawn.await.is_ok());
    });
}

/// `text` as the data of a `data:` address: every byte but letters, digits and a few safe
/// marks percent-encoded (`#` would end the address, `%` begin an escape).
fn data_url_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || b" -_.=:/,;()".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
        }
    }
    out
}

/// Why a chosen file was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// Larger than the limit given: not read at all.
    TooLarge,
    /// The browser could not read it (removed, no permission).
    Unreadable,
}

/// A chosen file, read: its name, its text, and the encoding it was read in.
pub type ChosenFile = (String, String, Encoding);

/// Reads the file chosen in the file input `ev` comes from, as text, and calls `done` with
/// it. The encoding is decided by `text::encoding` (a UTF-16 byte order mark, else UTF-8
/// when the bytes are valid UTF-8, else Windows-1252, as older Excel saves a CSV); the
/// browser's `TextDecoder` decodes, at no cost in wasm. A file over `max_bytes` is refused
/// before it is read. The input is cleared, so choosing the same file again reads it again.
pub fn read_chosen_file(
    ev: &leptos::ev::Event,
    max_bytes: usize,
    done: impl FnOnce(Result<ChosenFile, FileProblem>) + 'static,
) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
    input.set_value("");
    if file.size() > max_bytes as f64 {
        return done(Err(FileProblem::TooLarge));
    }
    let Ok(reader) = web_sys::FileReader::new() else { return done(Err(FileProblem::Unreadable)) };
    let name = file.name();
    let read = reader.clone();
    // Called once, then freed by wasm-bindgen.
    let on_load = Closure::once_into_js(move || {
        let text = read.result().ok().and_then(|buffer| decode(&js_sys::Uint8Array::new(&buffer).to_vec()));
        done(text.map(|(text, encoding)| (name, text, encoding)).ok_or(FileProblem::Unreadable));
    });
    reader.set_onloadend(Some(on_load.unchecked_ref()));
    if reader.read_as_array_buffer(&file).is_err() {
        reader.set_onloadend(None);
    }
}

fn decode(bytes: &[u8]) -> Option<(String, Encoding)> {
    let Decoding { encoding, bom } = encoding::detect(bytes);
    let decoder = web_sys::TextDecoder::new_with_label(encoding.label()).ok()?;
    let text = decoder.decode_with_u8_array(bytes.get(bom..)?).ok()?;
    Some((text, encoding))
}

/// The text of a file of the site itself (a path relative to the page), or why not, in
/// Dutch.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    use leptos::wasm_bindgen::JsCast as _;
    use wasm_bindgen_futures::JsFuture;
    let offline = || format!("{path} kon niet worden opgehaald: geen verbinding met de website.");
    let window = web_sys::window().ok_or_else(offline)?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(path)).await.map_err(|_| offline())?.dyn_into().map_err(|_| offline())?;
    if !response.ok() {
        return Err(format!("{path} kon niet worden opgehaald: de website antwoordt {}.", response.status()));
    }
    let text = response.text().map_err(|_| offline())?;
    JsFuture::from(text).await.ok().and_then(|t| t.as_string()).ok_or_else(offline)
}
