//! The room display's marks in the minutes (issue 13): which interests,
//! agreements and answers the facilitator kept off the room's screen, and
//! which individual interests were shown on purpose. Only when there are
//! marks; a session nobody marked gets no section.

use super::doc::*;
use crate::domain::{RoomMark, Session};
use crate::i18n::{self, Lang, Msg};
use crate::room::W;

/// The section's blocks (none without marks).
pub(super) fn blocks(s: &Session, lang: Lang) -> Vec<Block> {
    if s.room.is_empty() {
        return Vec::new();
    }
    let rows = s
        .room
        .iter()
        .map(|(id, mark)| {
            let (kind, text) = describe(s, id, lang);
            let mark = match mark {
                RoomMark::Private => W::MarkPrivate,
                RoomMark::Shown => W::MarkShown,
            };
            Row {
                flag: None,
                cells: vec![
                    Cell::Lines(vec![line(kind)]),
                    Cell::Lines(vec![text]),
                    Cell::Lines(vec![line(mark.get(lang))]),
                ],
            }
        })
        .collect();
    vec![
        Block::Heading(2, line(W::Section.get(lang))),
        Block::Note(line(W::SectionNote.get(lang))),
        Block::Table(Table {
            class: "room",
            head: vec![Msg::Kind.get(lang).into(), Msg::Text.get(lang).into(), W::Section.get(lang).into()],
            row_heads: false,
            rows,
        }),
    ]
}

/// What kind of item `id` is, and its text (an interest with its party
/// and kind).
fn describe(s: &Session, id: &str, lang: Lang) -> (String, Line) {
    if let Some(i) = s.interest_index(id).map(|n| &s.interests[n]) {
        let party = s.holder_name(&i.party, lang);
        let kind = format!("{} ({})", Msg::Interest.get(lang), i18n::kind_label(lang, i.kind));
        return (kind, vec![text(party), text(": "), text(&i.text)]);
    }
    if let Some(a) = s.agreement_index(id).map(|n| &s.agreements[n]) {
        return (Msg::Agreement.get(lang).into(), line(&a.text));
    }
    if let Some(r) = s.reflection_index(id).map(|n| &s.reflections[n]) {
        return (Msg::Answer.get(lang).into(), vec![text(&r.question), text(" — "), text(&r.answer)]);
    }
    (String::new(), vec![Inline::Em(W::UnknownItem.get(lang).into())])
}
