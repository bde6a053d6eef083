//! The page around the room display's content: one inline style sheet and
//! one inline script, both allowed by their SHA-256 hash in a strict
//! Content-Security-Policy, and nothing else (no fonts, images or files).
//!
//! The page is written as well-formed XML, like the HTML minutes, so the
//! tests can parse it; the style and the script therefore contain no `<`
//! and no `&`.

use crate::export::escape_html as escape;
use crate::i18n::Lang;

use super::view::attr;
use super::words::W;

/// The style sheet, exactly as it appears between `<style>` and `</style>`.
pub const STYLE: &str = include_str!("room.css");
/// The script, exactly as it appears between `<script>` and `</script>`.
pub const SCRIPT: &str = include_str!("room.js");

/// `sha256-` and the base64 of the SHA-256 of [`STYLE`]. A test recomputes
/// it; after changing `room.css`, put the value that test prints here.
pub const STYLE_HASH: &str = "sha256-dHOtdx9FNm4SuZba39h4RkKP3cvRUOhRl0KN1rh/cwY=";
/// The same for [`SCRIPT`] and `room.js`.
pub const SCRIPT_HASH: &str = "sha256-igsuQ+Ry/1PGowckD2QqGlOuNg3qGgyuq9N5R5NzS64=";

/// The policy sent with every response: nothing may load or run except the
/// one style and the one script, and the stream back to this server.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; style-src '{STYLE_HASH}'; script-src '{SCRIPT_HASH}'; connect-src 'self'; \
         img-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
}

/// The whole page with `main` (from [`super::view::render_main`]) inside.
pub fn page(lang: Lang, main: &str) -> String {
    let title = main
        .split_once("data-title=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map_or_else(|| escape("kompas"), |(t, _)| t.to_string());
    let mut out = String::with_capacity(main.len() + STYLE.len() + SCRIPT.len() + 1024);
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{}\">\n<head>\n", lang.id()));
    out.push_str("<meta charset=\"utf-8\"/>\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    out.push_str("<meta name=\"color-scheme\" content=\"light\"/>\n");
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\"/>\n");
    out.push_str("<meta name=\"generator\" content=\"kompas\"/>\n");
    // `title` comes from the data-title attribute: already escaped.
    out.push_str(&format!("<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n"));
    out.push_str(&format!(
        "<body data-offline=\"{}\" data-expired=\"{}\">\n",
        attr(W::Offline.get(lang)),
        attr(W::Expired.get(lang))
    ));
    out.push_str(main);
    out.push_str("\n<p id=\"link\" class=\"link\" role=\"status\" hidden=\"hidden\"></p>\n");
    out.push_str(&format!("<script>{SCRIPT}</script>\n</body>\n</html>\n"));
    out
}
