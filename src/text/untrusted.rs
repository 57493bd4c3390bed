//! Text from outside the calculator (a link, the browser's storage) made safe to show.
//!
//! Markup is no danger (the UI only ever sets text), but formatting characters are:
//! bidirectional controls (U+202A–U+202E, U+2066–U+2069 and the marks) in a scenario name
//! would reverse the words of the sentence that quotes it, and control characters break
//! lines and fields. Both are dropped.

/// Whether a character only changes how the text around it is laid out.
pub fn is_layout_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// The text without control and bidirectional formatting characters.
pub fn visible(text: &str) -> String {
    text.chars().filter(|&c| !is_layout_control(c)).collect()
}

/// At most `max` characters of the visible text, one line, spaces collapsed and none at
/// either end (also where the text was cut); `None` if nothing visible is left.
pub fn one_line(text: &str, max: usize) -> Option<String> {
    let spaced: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let joined = visible(&spaced).split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = joined.chars().take(max).collect();
    let cut = cut.trim_end();
    (!cut.is_empty()).then(|| cut.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_and_line_breaks_go() {
        assert_eq!(visible("a\u{202E}b\u{2066}c\u{2069}\u{200F}"), "abc");
        assert_eq!(one_line("  Variant\t2\n(oud)\u{202E}  ", 80).as_deref(), Some("Variant 2 (oud)"));
        assert_eq!(one_line("\u{202E}\u{2066} \t", 80), None);
        assert_eq!(one_line(&"x".repeat(100), 10).map(|s| s.len()), Some(10));
        assert_eq!(one_line("Nuenen, Gerwen", 7).as_deref(), Some("Nuenen,"), "no space where it was cut");
    }
}
