//! `host=`: the origin of the page that embeds the calculator, which `public/embed.js`
//! writes into the frame's address. The embedded calculator posts its figures to that
//! origin only (`view::embed_message`); the browser delivers them only when the frame's
//! parent really has that origin, so a page cannot read them by naming another.
//!
//! Not part of the state: never written into a link, and a link without it embeds as
//! before, only without the messages.

/// The origin in `value` as the browser writes one (`https://intranet.example`,
/// `http://127.0.0.1:8080`), lower-cased: a scheme `http` or `https`, a host, an optional
/// port, nothing more. `None` for anything else, `null` included: a message can only be
/// addressed to a real origin.
pub fn origin(value: &str) -> Option<String> {
    let value = value.trim().to_ascii_lowercase();
    let rest = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://"))?;
    let (host, port) = match rest.rsplit_once(':') {
        // An IPv6 address is bracketed: its colons are not a port's.
        Some((host, port)) if !port.contains(']') => (host, Some(port)),
        _ => (rest, None),
    };
    let host_ok = if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !inner.is_empty() && inner.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
    } else {
        !host.is_empty()
            && host.len() <= 253
            && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
            && !host.starts_with(['.', '-'])
    };
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.parse::<u16>().is_ok());
    (host_ok && port_ok).then_some(value)
}

/// The origin a query's `host=` names, if it is one.
pub fn host(query: &str) -> Option<String> {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .find(|(name, value)| name == super::Key::Host.name() && !value.trim().is_empty())
        .and_then(|(_, value)| origin(&value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_as_browsers_write_them_are_read() {
        assert_eq!(origin("https://intranet.example").as_deref(), Some("https://intranet.example"));
        assert_eq!(origin("http://127.0.0.1:8080").as_deref(), Some("http://127.0.0.1:8080"));
        assert_eq!(origin("HTTP://LocalHost:4194").as_deref(), Some("http://localhost:4194"));
        assert_eq!(origin("http://[::1]:80").as_deref(), Some("http://[::1]:80"));
        assert_eq!(origin("https://[::1]").as_deref(), Some("https://[::1]"));
    }

    #[test]
    fn anything_else_is_no_origin() {
        for bad in [
            "",
            "*",
            "null",
            "intranet.example",
            "ftp://intranet.example",
            "https://",
            "https://intranet.example/",
            "https://intranet.example/pad",
            "https://user@intranet.example",
            "https://intranet.example:",
            "https://intranet.example:99999",
            "https://intranet.example:80:80",
            "https://intra net.example",
            "https://.example",
            "https://[]",
            "javascript://alert(1)%0a",
            "https://intranet.example?x",
            "https://intranet.example#x",
        ] {
            assert_eq!(origin(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_host_of_a_query() {
        assert_eq!(
            host("?gemeente=Assen&embed=1&host=http%3A%2F%2Flocalhost%3A5000").as_deref(),
            Some("http://localhost:5000")
        );
        assert_eq!(host("gemeente=Assen&embed=1"), None);
        assert_eq!(host("host=&host=https://a.example").as_deref(), Some("https://a.example"));
        assert_eq!(host("host=https://a.example/x"), None);
    }
}
