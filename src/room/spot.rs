//! One item full screen, and the page before a session is open.

use std::fmt::Write;

use crate::domain::{Holder, Session};
use crate::export::escape_html as escape;
use crate::i18n::{self, Lang, Msg};

use super::state::{RoomState, Spot};
use super::view::{MAX_ANSWERS, agreement_meta, answers_to, attr};
use super::words::W;

/// The spotlight's content, or `None` when the item no longer exists or is
/// not for the room (private, or an individual interest not shown).
pub(super) fn spotlight(s: &Session, earlier: &[Session], st: &RoomState, spot: &Spot) -> Option<String> {
    let lang = st.lang;
    let mut out = String::with_capacity(1024);
    match spot {
        Spot::Clock | Spot::Relationship | Spot::Grondvorm => {
            let now = st.now.unwrap_or_else(|| s.last_recorded());
            return super::detail::spotlight(s, earlier, lang, now, spot);
        }
        Spot::Phase => {
            let p = s.phase;
            kicker(&mut out, W::SpotPhase.get(lang));
            let _ = writeln!(
                out,
                "<p class=\"big\"><span class=\"num\">{}</span> {}</p>",
                p.number(),
                escape(i18n::phase_name(lang, p))
            );
            let _ = writeln!(
                out,
                "<dl class=\"facts\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>",
                escape(Msg::Aim.get(lang)),
                escape(i18n::phase_aim(lang, p)),
                escape(Msg::Result.get(lang)),
                escape(i18n::phase_result(lang, p))
            );
        }
        Spot::Party(id) => {
            // A party, or the whole table (issue 9) with what all want and offer.
            let (name, who, wants, offers) = match s.holder(id) {
                Holder::Party(p) => (p.organisation.clone(), p.representative.as_str(), &p.wants, &p.offers),
                Holder::Table => (s.holder_name(id, lang), "", &s.table.wants, &s.table.offers),
                Holder::Unknown(_) => return None,
            };
            kicker(&mut out, Msg::Party.get(lang));
            let _ = writeln!(out, "<p class=\"big\">{}</p>", escape(&name));
            if !who.trim().is_empty() {
                let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(who));
            }
            let mut facts = String::new();
            for (label, text) in [(Msg::Wants, wants), (Msg::Offers, offers)] {
                if !text.trim().is_empty() {
                    let _ = write!(facts, "<dt>{}</dt><dd>{}</dd>", escape(label.get(lang)), escape(text));
                }
            }
            if !facts.is_empty() {
                let _ = writeln!(out, "<dl class=\"facts\">{facts}</dl>");
            }
        }
        Spot::Interest(id) => {
            let i = &s.interests[s.interest_index(id)?];
            if !s.interest_on_room(i) {
                return None;
            }
            let party = s.holder_name(&i.party, lang);
            kicker(&mut out, &format!("{} · {}", i18n::kind_label(lang, i.kind), party));
            let _ = writeln!(out, "<p class=\"big\">{}</p>", escape(&i.text));
        }
        Spot::Agreement(id) => {
            let a = &s.agreements[s.agreement_index(id)?];
            if !s.on_room(&a.id) {
                return None;
            }
            kicker(&mut out, Msg::Agreement.get(lang));
            let _ = writeln!(out, "<p class=\"big\">{}</p>", escape(&a.text));
            let _ = writeln!(out, "<p class=\"meta\">{}</p>", agreement_meta(s, a, st));
        }
        Spot::Question(q) => {
            kicker(&mut out, W::Question.get(lang));
            let _ = writeln!(out, "<p class=\"big q\">{}</p>", escape(q));
            let answers = answers_to(s, q);
            if !answers.is_empty() {
                let _ = write!(out, "<ul class=\"answers\" aria-label=\"{}\">", attr(W::Answers.get(lang)));
                for r in &answers[answers.len().saturating_sub(MAX_ANSWERS)..] {
                    let _ = write!(out, "<li>{}</li>", escape(&r.answer));
                }
                out.push_str("</ul>\n");
            }
        }
    }
    Some(format!("<div class=\"spot\">\n{out}</div>\n"))
}

fn kicker(out: &mut String, text: &str) {
    let _ = writeln!(out, "<p class=\"kicker\">{}</p>", escape(text));
}

/// Before a session is open (kompas shows its library).
pub(super) fn waiting(lang: Lang, version: u64) -> String {
    format!(
        "<main id=\"room\" class=\"waiting\" data-version=\"{version}\" data-title=\"kompas · {0}\">\n\
         <div class=\"spot\"><p class=\"kicker\">kompas · {0}</p><p class=\"big\">{1}</p></div>\n</main>",
        attr(W::PageTitle.get(lang)),
        escape(W::Waiting.get(lang))
    )
}
