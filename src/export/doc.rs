//! The minutes as a small document tree, built once from the session and
//! written out as Markdown or HTML. Both formats therefore carry exactly the
//! same content; each renderer only decides how it looks and how text is
//! escaped.
//!
//! Every string in the tree is plain text (the session's or ours): renderers
//! escape all of it. Session texts are kept as separate [`Inline::Text`]
//! pieces, never glued to our words, so each appears exactly as the format's
//! escaping of it.

use crate::i18n::Lang;

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Inline {
    /// Text; a `\n` in it is a line break.
    Text(String),
    Em(String),
    /// A mark that must stand out, also in print without colour.
    Flag(Flag, String),
    /// A link to a file next to the session file (never a URL).
    Link {
        text: String,
        file: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Flag {
    Open,
    Overdue,
    Result,
    StepBack,
    /// The parties' answers point to different basic forms.
    Mismatch,
    /// Past its planned time (an agenda item, a game round).
    OverTime,
    /// Calls for the facilitator's attention (a low score, a drop).
    Attention,
}

impl Flag {
    pub(super) fn class(self) -> &'static str {
        match self {
            Flag::Open => "open",
            Flag::Overdue => "overdue",
            Flag::Result => "result",
            Flag::StepBack => "back",
            Flag::Mismatch => "mismatch",
            Flag::OverTime => "over",
            Flag::Attention => "attention",
        }
    }
}

pub(super) type Line = Vec<Inline>;

/// What a table cell holds.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Cell {
    /// Lines of one value (shown as "—" when there are none).
    Lines(Vec<Line>),
    /// Several items, such as the interests of one kind (bulleted when more
    /// than one; "—" when none).
    List(Vec<Line>),
}

impl Cell {
    pub(super) fn lines(&self) -> &[Line] {
        match self {
            Cell::Lines(l) | Cell::List(l) => l,
        }
    }

    /// Is this cell a list of two or more items?
    pub(super) fn bulleted(&self) -> bool {
        matches!(self, Cell::List(items) if items.len() > 1)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Row {
    /// Marks the whole row, e.g. an overdue agreement.
    pub flag: Option<Flag>,
    pub cells: Vec<Cell>,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Table {
    /// Names the table for styling and for tests ("map", "agreements", …).
    pub class: &'static str,
    pub head: Vec<String>,
    /// The first cell of each row names the row (the interests map).
    pub row_heads: bool,
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Step {
    pub number: u8,
    pub name: &'static str,
    /// As the terminal's phase strip marks it (`Session::phase_mark`).
    pub mark: crate::domain::PhaseMark,
}

/// Values over the meetings of a chain: an inline SVG chart in HTML, and
/// its numbers as `table` in both formats.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Chart {
    /// Names the chart for styling and tests; also its element id.
    pub class: &'static str,
    /// Said by screen readers and shown as the chart's title.
    pub title: String,
    /// The meetings, left to right; meeting `i` is centred on x = `i`.
    pub x: Vec<String>,
    /// The y axis from bottom to top; label `j` sits at y = `j`.
    pub y: Vec<String>,
    pub series: Vec<Series>,
    pub table: Table,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Series {
    pub name: String,
    /// (x, y) in the chart's units, in drawing order.
    pub points: Vec<(f32, f32)>,
    /// Joined by a line; otherwise marks only.
    pub line: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Block {
    /// Level 1 is the title; level 2 opens a section.
    Heading(u8, Line),
    /// Label and value pairs (meeting date, facilitator, the ambition lenses …).
    Facts(Vec<(String, Line)>),
    Para(Line),
    /// Small print: legends and the colophon.
    Note(Line),
    /// The five phases, current marked, visited ticked.
    Strip(Vec<Step>),
    Table(Table),
    Chart(Chart),
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Doc {
    pub lang: Lang,
    /// The page title (HTML `<title>`), plain text.
    pub title: String,
    pub blocks: Vec<Block>,
    /// Small print at the end: where the document came from.
    pub colophon: Line,
}

/// Shorthands for building lines.
pub(super) fn text(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

pub(super) fn line(s: impl Into<String>) -> Line {
    vec![text(s)]
}

/// One line, or none for empty text (an empty cell then shows "—").
pub(super) fn opt_line(s: &str) -> Vec<Line> {
    if s.trim().is_empty() { Vec::new() } else { vec![line(s)] }
}

/// A file name as a relative link target: every byte except letters, digits
/// and `-._~` percent-encoded, so a name can be neither a URL (`:` becomes
/// `%3A`) nor leave the folder (`/` becomes `%2F`), nor break the markup.
pub(super) fn file_href(file: &str) -> String {
    let mut out = String::with_capacity(file.len());
    for b in file.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Lines of text shared by both renderers: `\r\n` counts as one break.
pub(super) fn split_lines(s: &str) -> impl Iterator<Item = &str> {
    s.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l))
}
