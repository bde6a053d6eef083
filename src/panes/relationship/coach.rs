//! The conversation coach (issue 10): one key anywhere in a session opens
//! it over the pane in view, and the meeting keeps running under it (the
//! header with the clock, the status line and the room display stay as they
//! are; ticks still come). It shows the three conversation levels with the
//! kind of opener for each, the de-escalation ladder, the article's three
//! rules of thumb and the four reformulation moves with their probing
//! questions, every text marked as the model's or ours. From it, `b`
//! captures a reformulation: the party, the position as it was said and the
//! interest behind it, filed in that party's cell of the interests map (or
//! in the whole table's block).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::forms::{capture_form, marked};
use crate::app::{Action, AppState, Effect, Overlay};
use crate::content::relationship::guide;
use crate::content::{Text, origin_label};
use crate::domain::TABLE;
use crate::i18n::{Lang, Msg};
use crate::keymap::{Binding, b, bh, ch, key};
use crate::panes::Cmd;
use crate::panes::interests::Interests;
use crate::ui::theme;
use ratatui::style::Style;

crate::messages! { pub struct C {
    Title => "Gesprekscoach", "Conversation coach";
    KeyCoach => "coach", "coach";
    HelpCoach => "gesprekscoach: gespreksniveaus, de-escalatieladder en herformuleren (de sessie loopt door)", "conversation coach: levels, de-escalation ladder and reformulating (the meeting keeps running)";
    KeyCapture => "belang vastleggen", "capture interest";
    HelpCapture => "een standpunt herformuleren tot belang: het komt in de cel van die partij (of van de hele tafel) op de kaart", "reformulate a position into an interest: it goes into that party's (or the whole table's) cell on the map";
    KeySection => "onderdeel", "section";
    HelpLevels => "naar de gespreksniveaus", "to the conversation levels";
    HelpLadder => "naar de de-escalatieladder", "to the de-escalation ladder";
    HelpMoves => "naar de herformuleringen", "to the reformulations";
    Levels => "Drie gespreksniveaus", "Three conversation levels";
    Ladder => "De-escalatieladder (van onder naar boven)", "De-escalation ladder (from the bottom up)";
    Headlines => "Vuistregels", "Rules of thumb";
    Moves => "Vier herformuleringen", "Four reformulations";
    CaptureHint => "b: een herformulering vastleggen", "c: capture a reformulation";
    CaptureTitle => "Herformulering vastleggen", "Capture a reformulation";
    Position => "Standpunt zoals gezegd", "Position as said";
    Interest => "Belang erachter", "Interest behind it";
    Move => "Herformulering", "Reformulation";
    NoMove => "niet gekozen", "not chosen";
    CloseFormFirst => "Er staat een formulier open: sla het eerst op of sluit het (Esc); wat je typte blijft staan", "A form is open: save or close it first (Esc); what you typed stays";
    Captured => "Belang op de kaart gezet, met het standpunt erbij", "Interest put on the map, with its position";
} }

pub const CAPTURE: Cmd = Cmd::edit("relationship.coach.capture");
const TO_LEVELS: Cmd = Cmd::view("relationship.coach.levels");
const TO_LADDER: Cmd = Cmd::view("relationship.coach.ladder");
const TO_MOVES: Cmd = Cmd::view("relationship.coach.moves");

use ratatui::crossterm::event::KeyCode::{Down, End, Enter, Esc, F, Home, PageDown, PageUp, Up};

/// The key that opens the coach: in the session's own table, and beside a
/// pane's box and a form, so it works wherever the session is.
pub const OPEN: Binding =
    bh(&[key(F(2)), ch('G')], Action::ShowCoach, C::KeyCoach, C::HelpCoach, true).spare();

/// In a form the letter is typing: only the function key opens the coach.
pub static OPEN_IN_FORM: &[Binding] =
    &[bh(&[key(F(2))], Action::ShowCoach, C::KeyCoach, C::HelpCoach, false)];

/// The keys of the coach's box.
pub static KEYS: &[Binding] = &[
    bh(&[ch('b'), ch('c'), key(Enter)], Action::Pane(CAPTURE), C::KeyCapture, C::HelpCapture, true),
    bh(&[ch('1')], Action::Pane(TO_LEVELS), C::KeySection, C::HelpLevels, false),
    bh(&[ch('2')], Action::Pane(TO_LADDER), C::KeySection, C::HelpLadder, false),
    bh(&[ch('3')], Action::Pane(TO_MOVES), C::KeySection, C::HelpMoves, false),
    b(&[key(Up), ch('k')], Action::Up, Msg::KeyScroll, false),
    b(&[key(Down), ch('j')], Action::Down, Msg::KeyScroll, false),
    b(&[key(PageUp)], Action::PageUp, Msg::KeyPageUp, false),
    b(&[key(PageDown)], Action::PageDown, Msg::KeyPageDown, false),
    b(&[key(Home)], Action::Home, Msg::KeyHome, false),
    b(&[key(End)], Action::End, Msg::KeyEnd, false),
    b(&[key(Esc), key(F(2)), ch('G'), ch('q')], Action::CloseOverlay, Msg::KeyClose, true),
];

/// The coach's key: open it over whatever is shown (a form stays open
/// under it), or close it again.
pub fn show(state: &mut AppState) -> Vec<Effect> {
    match state.overlay {
        Some(Overlay::Coach { .. }) => state.overlay = None,
        None if state.session().is_some() => state.overlay = Some(Overlay::Coach { scroll: 0 }),
        _ => {}
    }
    Vec::new()
}

/// A key in the coach's box.
pub fn on_key(state: &mut AppState, scroll: u16, action: &Action) -> Vec<Effect> {
    let (width, height) = inner_size(state.view().body());
    let page = height.max(1);
    let book = book(state.lang, width);
    let last = book.height().saturating_sub(page);
    let to = |n: usize| Some(Overlay::Coach { scroll: n.min(last) as u16 });
    let at = usize::from(scroll);
    match action {
        Action::Up => state.overlay = to(at.saturating_sub(1)),
        Action::Down => state.overlay = to(at + 1),
        Action::PageUp => state.overlay = to(at.saturating_sub(page)),
        Action::PageDown => state.overlay = to(at + page),
        Action::Home => state.overlay = to(0),
        Action::End => state.overlay = to(last),
        Action::Pane(TO_LEVELS) => state.overlay = to(book.starts[0]),
        Action::Pane(TO_LADDER) => state.overlay = to(book.starts[1]),
        Action::Pane(TO_MOVES) => state.overlay = to(book.starts[2]),
        Action::Pane(CAPTURE) => return capture(state),
        Action::CloseOverlay | Action::ShowCoach => state.overlay = None,
        _ => {}
    }
    Vec::new()
}

/// `b`: the capture form, in place of the coach, for the party (or the
/// whole table) and kind under the map's cursor when the map is shown, else
/// the first party. Without parties it files into the whole table. Refused
/// (and said why) in a read-only session or over a form being filled in.
fn capture(state: &mut AppState) -> Vec<Effect> {
    if state.read_only() {
        state.warn(Msg::ReadOnlyRefused);
        return Vec::new();
    }
    if state.form.is_some() {
        state.warn(C::CloseFormFirst);
        return Vec::new();
    }
    let Some(s) = state.session() else { return Vec::new() };
    let at = if s.showing::<Interests>() { s.local::<Interests>().holder(&s.session) } else { None };
    let (holder, kind) = match &at {
        Some((h, k)) => (Some(h.as_str()), *k),
        None if s.session.parties.is_empty() => (Some(TABLE), None),
        None => (None, None),
    };
    let form = capture_form(&s.session, holder, kind);
    state.overlay = None;
    state.form = Some(form);
    Vec::new()
}

/// The coach's text at a width: one column, or two side by side (levels,
/// ladder and rules of thumb left; the moves right) where there is room.
pub struct Book {
    pub left: Vec<Line<'static>>,
    pub right: Vec<Line<'static>>,
    /// Where the levels, the ladder and the moves start (the line to
    /// scroll to for `1`, `2`, `3`).
    pub starts: [usize; 3],
}

impl Book {
    pub fn height(&self) -> usize {
        self.left.len().max(self.right.len())
    }
}

/// Side by side from this inner width on.
const TWO_COLUMNS: usize = 100;
const GAP: usize = 3;

pub fn book(lang: Lang, width: usize) -> Book {
    let two = width >= TWO_COLUMNS;
    let col = if two { (width - GAP) / 2 } else { width };
    let g = &guide().coach;
    let mut left = Vec::new();
    heading(&mut left, C::Levels, lang);
    text(&mut left, &g.about, lang, col, "", theme::dim());
    for level in &g.levels {
        let name = format!("▸ {}: {}", level.name.get(lang), marked(&level.about, lang));
        para(&mut left, &name, col, "  ", theme::plain());
        text(&mut left, &level.opener, lang, col, "    ", theme::bold());
    }
    left.push(Line::from(""));
    let ladder = left.len();
    heading(&mut left, C::Ladder, lang);
    text(&mut left, &g.ladder.about, lang, col, "", theme::dim());
    for (n, step) in g.ladder.steps.iter().enumerate().rev() {
        let line = format!("{} {}: {}", n + 1, step.name.get(lang), marked(&step.hint, lang));
        para(&mut left, &line, col, "  ", theme::plain());
    }
    left.push(Line::from(""));
    heading(&mut left, C::Headlines, lang);
    for h in &g.headlines {
        text(&mut left, h, lang, col, "· ", theme::plain());
    }
    let mut right = Vec::new();
    if !two {
        left.push(Line::from(""));
    }
    let moves = if two { 0 } else { left.len() };
    let out = if two { &mut right } else { &mut left };
    heading(out, C::Moves, lang);
    text(out, &g.capture, lang, col, "", theme::dim());
    out.push(Line::from(Span::styled(C::CaptureHint.get(lang).to_string(), theme::key())));
    for m in &g.moves {
        out.push(Line::from(Span::styled(format!("▸ {}", m.name.get(lang)), theme::bold())));
        text(out, &m.how, lang, col, "  ", theme::plain());
        for p in &m.probes {
            text(out, p, lang, col, "  ? ", theme::plain());
        }
    }
    Book { left, right, starts: [0, ladder, moves] }
}

fn heading(out: &mut Vec<Line<'static>>, title: Msg, lang: Lang) {
    out.push(Line::from(Span::styled(title.get(lang).to_string(), theme::label())));
}

/// A text of the asset, marked with whose words it is, wrapped under `lead`.
fn text(out: &mut Vec<Line<'static>>, t: &Text, lang: Lang, width: usize, lead: &str, style: Style) {
    let s = format!("{} ({})", t.get(lang), origin_label(t.origin, lang, true));
    para(out, &s, width, lead, style);
}

/// `s` wrapped to `width`, the first line after `lead`, the rest indented
/// as far.
fn para(out: &mut Vec<Line<'static>>, s: &str, width: usize, lead: &str, style: Style) {
    let indent = lead.chars().count();
    for (n, l) in crate::text::wrap(s, width.saturating_sub(indent)).into_iter().enumerate() {
        let lead = if n == 0 { lead.to_string() } else { " ".repeat(indent) };
        out.push(Line::from(vec![Span::raw(lead), Span::styled(l, style)]));
    }
}

/// Inside the box over the body: width and height of the text.
fn inner_size(body: Rect) -> (usize, usize) {
    (usize::from(body.width.saturating_sub(4)), usize::from(body.height.saturating_sub(2)))
}

/// The box over the session's body: the header (with the clock), the
/// status line and the hint bar stay in view.
pub fn draw(frame: &mut Frame, state: &AppState, scroll: u16) {
    let lang = state.lang;
    let body = state.view().body();
    frame.render_widget(Clear, body);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border())
        .title(Span::styled(format!(" {} ", C::Title.get(lang)), theme::title()));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let (width, height) = inner_size(body);
    let inner = Rect { x: inner.x + 1, width: width as u16, ..inner };
    let book = book(lang, width);
    let last = book.height().saturating_sub(height);
    let from = usize::from(scroll).min(last);
    let shown = |lines: &[Line<'static>]| -> Vec<Line<'static>> {
        lines.iter().skip(from).take(height).cloned().collect()
    };
    if book.right.is_empty() {
        frame.render_widget(Paragraph::new(shown(&book.left)), inner);
    } else {
        let col = (width as u16 - GAP as u16) / 2;
        let left = Rect { width: col, ..inner };
        let right = Rect { x: inner.x + col + GAP as u16, width: col, ..inner };
        frame.render_widget(Paragraph::new(shown(&book.left)), left);
        frame.render_widget(Paragraph::new(shown(&book.right)), right);
    }
    // More below: say so on the bottom border.
    if from < last {
        let more = Rect {
            x: body.x + body.width.saturating_sub(4),
            y: body.y + body.height - 1,
            width: 3,
            height: 1,
        };
        frame.render_widget(Paragraph::new(Span::styled(" ▼ ", theme::dim())), more);
    }
}
