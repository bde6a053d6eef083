//! The detail box under the relationship pane's list: the selected row in
//! full, with the model's texts and ours marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::draw::{flag_words, trust_line};
use super::forms::marked;
use super::{M, Row, Section, State, problems};
use crate::content::relationship::{W, guide};
use crate::domain::{ConditionFlag, Session, format_tenths};
use crate::i18n::{Lang, temperature_label};
use crate::text::{safe_line, wrap};
use crate::ui::theme;

pub(super) fn draw(frame: &mut Frame, area: Rect, lang: Lang, session: &Session, st: &State) {
    let inner = crate::ui::detail_box(frame, area);
    let Some(row) = st.selected() else { return };
    let width = inner.width as usize;
    let room = inner.height as usize;
    let mut lines: Vec<Line> = Vec::new();
    for (text, style) in detail(lang, session, st, row) {
        for l in wrap(&text, width) {
            lines.push(Line::from(Span::styled(l, style)));
        }
        if lines.len() > room {
            break;
        }
    }
    crate::ui::cut_lines(&mut lines, room, width);
    crate::ui::paragraph(frame.buffer_mut(), inner, lines);
}

/// What the detail box says about `row`, paragraph by paragraph.
fn detail(lang: Lang, session: &Session, st: &State, row: Row) -> Vec<(String, Style)> {
    let g = guide();
    let plain = |s: String| (s, theme::plain());
    let dim = |s: &str| (s.to_string(), theme::dim());
    let time = |t: crate::domain::Timestamp| t.format("%H:%M").to_string();
    match row {
        Row::Heading(Section::Problems | Section::Route)
        | Row::Problem(_)
        | Row::Indicator(..)
        | Row::Intervention(..)
        | Row::Route(_) => problems::detail(lang, session, row),
        Row::Heading(Section::Thermometer) => vec![
            plain(marked(&g.thermometer.about, lang)),
            plain(marked(&g.thermometer.apart_from_trust, lang)),
        ],
        Row::Reading(i) => {
            let r = &session.temperature[i];
            let level = g.level(r.level);
            let mut out = vec![(level.name.get(lang).to_uppercase(), theme::label())];
            out.extend(level.signs.iter().map(|s| plain(format!("· {}", marked(s, lang)))));
            let mine = session.latest_temperature();
            if let (Some(p), Some(mine)) = (r.party.as_deref().and_then(|p| session.party(p)), mine)
                && mine.level != r.level
            {
                out.push((
                    format!(
                        "⚠ {} {} {}; {} {}. {}",
                        safe_line(&p.organisation),
                        W::Reads.get(lang),
                        temperature_label(lang, r.level),
                        W::FacilitatorReads.get(lang),
                        temperature_label(lang, mine.level),
                        marked(&g.thermometer.party_readings, lang)
                    ),
                    theme::warning(),
                ));
            }
            let open = st.open_reading(session) == Some(i);
            out.push(dim(if open { M::TickHint.get(lang) } else { M::OpenHint.get(lang) }));
            out
        }
        Row::Tried(i, k) => {
            let r = &session.temperature[i];
            let item = &g.level(r.level).interventions[k];
            let mut out = vec![(g.level(r.level).name.get(lang).to_uppercase(), theme::label())];
            out.push(plain(marked(&item.text, lang)));
            if let Some(t) = r.tried.get(&item.id) {
                out.push((format!("✓ {} {}", W::Tried.get(lang), time(t.at)), theme::ok()));
            }
            out.push(dim(M::TickHint.get(lang)));
            out
        }
        Row::Trust => {
            let mut out = Vec::new();
            if let Some(t) = &session.trust {
                let stage = g.stage(t.stage);
                out.push((format!("{} {}", t.stage.number(), stage.name.get(lang)), theme::bold()));
                out.push(plain(marked(&stage.about, lang)));
            }
            if st.trust.len() > 1 {
                out.push(plain(format!("{}: {}", M::Earlier.get(lang), trust_line(&st.trust))));
            }
            out.push(plain(marked(&g.trust.about, lang)));
            out
        }
        Row::Heading(_) => {
            vec![plain(marked(&g.conditions.about, lang)), plain(marked(&g.conditions.scale, lang))]
        }
        Row::Condition(c) => {
            let info = g.condition(c);
            let mut out = vec![(info.name.get(lang).to_uppercase(), theme::label())];
            let flags = flag_words(lang, &st.flags, c);
            if !flags.is_empty() {
                for f in st.flags.iter().filter(|f| f.condition() == c) {
                    let why = match f {
                        ConditionFlag::Low { value, .. } => {
                            format!("{} ({})", W::Low.get(lang), format_tenths(*value, lang == Lang::Nl))
                        }
                        ConditionFlag::Drop { from, to, .. } => format!(
                            "{} ({} → {})",
                            W::Drop.get(lang),
                            format_tenths(*from, lang == Lang::Nl),
                            format_tenths(*to, lang == Lang::Nl)
                        ),
                        ConditionFlag::Spread { points, .. } => {
                            format!("{} ({points} {})", W::Spread.get(lang), W::Points.get(lang))
                        }
                    };
                    let guidance = match f {
                        ConditionFlag::Low { .. } => &g.conditions.low,
                        ConditionFlag::Drop { .. } => &g.conditions.drop,
                        ConditionFlag::Spread { .. } => &g.conditions.spread,
                    };
                    out.push((format!("⚠ {why}: {}", marked(guidance, lang)), theme::warning()));
                }
            }
            let check = session.conditions.get(&c);
            let scores: Vec<String> = (session.parties.iter())
                .filter_map(|p| check.and_then(|x| x.parties.get(&p.id)).map(|x| (p, x)))
                .map(|(p, x)| {
                    let note =
                        if x.note.is_empty() { String::new() } else { format!(" ({})", safe_line(&x.note)) };
                    format!("{} {}{note}", safe_line(&p.organisation), x.score)
                })
                .collect();
            if !scores.is_empty() {
                out.push(plain(format!("{}: {}", W::PerParty.get(lang), scores.join(" · "))));
            }
            out.push(plain(format!("{}: {}", M::Prompt.get(lang), marked(&g.question(c).text, lang))));
            if !flags.is_empty() {
                out.push((marked(&info.attention, lang), theme::warning()));
            }
            out.push(plain(marked(&info.about, lang)));
            out
        }
    }
}
