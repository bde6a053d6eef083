//! Hostile text: what a session file or a paste could put into any field.
//! The first two are the export's and the screen's cases
//! (`tests/export.rs`, `tests/ui_snapshots.rs`); the rest aim at HTML,
//! attributes, scripts, the event stream and XML.

#![allow(dead_code)]

pub const CORPUS: &[&str] = &[
    "Budget |<script>alert('x')</script>| \u{1b}]0;pwn\u{7} afstemmen, \"snel\"",
    "x\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}evil\u{2066}\r\u{0}\u{85}y",
    "\"><img src=x onerror=alert(1)>",
    "' onmouseover='alert(1)' x='",
    "</main><script>fetch('//evil')</script>",
    "</style><style>body{display:none}</style>",
    "<!-- open comment",
    "]]><![CDATA[ raw",
    "&amp; &lt; &#x3C; &unknown;",
    "javascript:alert(1)",
    "regel een\n\nevent: view\ndata: <main id=\"room\">gekaapt</main>\n\nregel twee",
    "id: 999999\rretry: 1\r\rdata: x",
    "\u{2028}line separator\u{2029}paragraph separator",
    "\u{feff}bom \u{fffe}\u{ffff} non-characters",
    "\u{202e}gnirts desrever",
];

/// What none of the outputs may contain raw (as markup, not text).
pub const FORBIDDEN_MARKUP: &[&str] =
    &["<script>alert", "<img", "<script>fetch", "<style><", "<!-- open", "<![CDATA["];
