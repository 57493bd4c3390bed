//! "Insluiten op uw eigen site": the snippet a webmaster pastes to embed the calculator with
//! the area and inputs on screen (README, "Embedding in another page"), and what to ask the
//! administrators of both sites. Every value from the link or the address is escaped with
//! `view::html::escape`: a name may hold quotes or angle brackets.

use crate::view::html::escape;

/// The default title of the iframe (as in `public/embed.js`), followed by the area.
pub const TITLE: &str = "Rekenhulp frictiekosten";

/// Where `embed.js` is for a page of the calculator at `page` (origin and path, no query):
/// beside it, as every file of the site is.
pub fn script_src(page: &str) -> String {
    let dir = page.rfind('/').map_or(page, |i| &page[..=i]);
    format!("{dir}embed.js")
}

/// The iframe's title for an area: what a screen reader says the frame is.
pub fn title(area: &str) -> String {
    format!("{TITLE}: {area}")
}

/// The `data-*` attribute for a link parameter: `ivh_wijziging` → `data-ivh-wijziging`.
fn attribute(key: &str) -> String {
    let name: String = key
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
        .map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() })
        .collect();
    format!("data-{name}")
}

/// The snippet: the host element with the link's parameters (`query`, without `embed`) as
/// `data-*` attributes, the map if asked for, the frame's title, and the script.
pub fn snippet(query: &str, title: &str, script_src: &str, kaart: bool) -> String {
    let mut attributes: Vec<String> = form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .filter(|(key, _)| !matches!(key.as_ref(), "embed" | "kaart" | "host" | "titel"))
        .map(|(key, value)| format!("{}=\"{}\"", attribute(&key), escape(&value)))
        .collect();
    if kaart {
        attributes.push(r#"data-kaart="1""#.to_string());
    }
    attributes.push(format!("data-titel=\"{}\"", escape(title)));
    let mut html = String::from("<div data-mee-frictiekosten");
    for a in &attributes {
        html.push_str("\n     ");
        html.push_str(a);
    }
    html.push_str("></div>\n");
    html.push_str(&format!("<script src=\"{}\" defer></script>", escape(script_src)));
    html
}

/// The address of the preview: the embedded calculator as the snippet shows it, relative to
/// the page.
pub fn preview_src(query: &str, kaart: bool) -> String {
    let query = query.trim_start_matches('?');
    let mut src = String::from("./?");
    if !query.is_empty() {
        src.push_str(query);
        src.push('&');
    }
    src.push_str("embed=1");
    if kaart {
        src.push_str("&kaart=1");
    }
    src
}

/// What to ask the administrators, as markup: the host site's policy must allow this
/// `origin` to run a script and be framed; the calculator's own `frame-ancestors`, when it
/// has one, must name the host site.
pub fn admin_markup(origin: &str) -> String {
    let origin = escape(origin);
    format!(
        r#"<h3 class="nl-heading nl-heading--level-3">Wat u de beheerders vraagt</h3>
<ul class="utrecht-unordered-list">
<li>De beheerder van uw eigen site: gebruikt die een Content-Security-Policy, dan moet die deze rekenhulp toestaan, met <code>{origin}</code> in <code>script-src</code> (voor <code>embed.js</code>) en in <code>frame-src</code> (voor het kader). Bijvoorbeeld: <code translate="no">script-src 'self' {origin}; frame-src 'self' {origin}</code>.</li>
<li>De beheerder van deze rekenhulp: staat in haar Content-Security-Policy een <code>frame-ancestors</code> (zie <code>deploy/</code>), dan moet het adres van uw site daarin staan, bijvoorbeeld <code translate="no">frame-ancestors 'self' https://intranet.uwgemeente.nl</code>. Zonder <code>frame-ancestors</code> mag elke site de rekenhulp insluiten.</li>
</ul>"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_for_an_area_and_its_inputs() {
        let html = snippet(
            "gemeente=Groningen&wijziging=-13&ivh_wijziging=-100&pad_2016=-10",
            &title("Groningen"),
            &script_src("https://rekenhulp.example.nl/"),
            false,
        );
        assert_eq!(
            html,
            r#"<div data-mee-frictiekosten
     data-gemeente="Groningen"
     data-wijziging="-13"
     data-ivh-wijziging="-100"
     data-pad-2016="-10"
     data-titel="Rekenhulp frictiekosten: Groningen"></div>
<script src="https://rekenhulp.example.nl/embed.js" defer></script>"#
        );
    }

    #[test]
    fn the_map_is_asked_for_and_the_frame_switches_are_left_out() {
        let html = snippet("mee=MEE%20Drenthe&embed=1&kaart=0&host=https://x.example", "T", "e.js", true);
        assert_eq!(
            html,
            "<div data-mee-frictiekosten\n     data-mee=\"MEE Drenthe\"\n     data-kaart=\"1\"\n     data-titel=\"T\"></div>\n<script src=\"e.js\" defer></script>"
        );
    }

    #[test]
    fn hostile_names_are_escaped() {
        let hostile = r#""><script>alert('x')</script><div a=""#;
        let query = format!(
            "gemeente={}&x%22%3E%3Cimg=1",
            form_urlencoded::byte_serialize(hostile.as_bytes()).collect::<String>()
        );
        let html = snippet(&query, &title(hostile), &script_src("https://a.example/\"><script>/"), false);
        // The one script element is the snippet's own; no quote ends an attribute early.
        assert_eq!(html.matches("<script").count(), 1, "{html}");
        assert_eq!(html.matches('<').count(), 4, "{html}");
        assert!(
            html.contains(
                r#"data-gemeente="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;div a=&quot;""#
            )
        );
        assert!(html.contains(r#"data-titel="Rekenhulp frictiekosten: &quot;&gt;&lt;script&gt;"#));
        // A parameter name is reduced to the characters an attribute name may have.
        assert!(html.contains(r#"data-ximg="1""#), "{html}");
        assert!(!admin_markup("https://a.example\"><b>").contains("<b>"));
    }

    #[test]
    fn embed_js_is_beside_the_page() {
        assert_eq!(script_src("https://a.example/"), "https://a.example/embed.js");
        assert_eq!(
            script_src("https://a.example/afdeling/rekenhulp/"),
            "https://a.example/afdeling/rekenhulp/embed.js"
        );
        assert_eq!(script_src("https://a.example/rekenhulp/index.html"), "https://a.example/rekenhulp/embed.js");
    }

    #[test]
    fn the_preview_is_the_embedded_calculator() {
        assert_eq!(preview_src("gemeente=Assen", false), "./?gemeente=Assen&embed=1");
        assert_eq!(preview_src("", true), "./?embed=1&kaart=1");
    }
}
