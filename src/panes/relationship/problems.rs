//! The typical problems (issue 10), the Relation pane's second view (`p`):
//! the nine problems as a diagnosis checklist (a finding and a note in the
//! facilitator's words per problem; under the open problem its indicators
//! to tick as seen and its interventions, each of which `a` turns into an
//! agreement), then the diagnosis route as a structured note (analysis,
//! indicators, diagnosis, interventions, continue?). The sources name the
//! problems and the route's steps only: every description is ours and
//! marked so.

use ratatui::style::Style;

use super::{AGREE, M, PROBLEMS, Relationship, Row, Section, Showing, State, TICK, page, problem_forms};
use crate::app::{Action, AppState, Effect, change};
use crate::content::relationship::{W, guide};
use crate::domain::{Finding, RouteField, Session, Timestamp, TypicalProblem};
use crate::i18n::{Lang, Msg};
use crate::text::{pad, safe_line, truncate};
use crate::ui::theme;

crate::messages! { pub struct P {
    KeyProblems => "problemen/relatie", "problems/relation";
    HelpProblems => "wisselen: typische problemen (checklist van negen, diagnoseroute) of thermometer, vertrouwen en voorwaarden", "switch: typical problems (checklist of nine, diagnosis route) or thermometer, trust and conditions";
    KeyAgreement => "afspraak", "agreement";
    HelpAgreement => "de gekozen interventie wordt een afspraak (voorgesteld)", "the chosen intervention becomes an agreement (proposed)";
    Checklist => "Negen typische problemen", "Nine typical problems";
    Route => "Diagnoseroute", "Diagnosis route";
    Seen => "gezien", "seen";
    AsAgreements => "als afspraak", "made agreements";
    Chosen => "gekozen", "chosen";
    NotYet => "nog niets genoteerd", "nothing noted yet";
    OnIntervention => "Kies eerst een interventie (open een probleem met Spatie)", "Select an intervention first (open a problem with Space)";
    AgreementMade => "Afspraak gemaakt; hij staat ook bij Afspraken", "Agreement made; it is under Agreements too";
    AlreadyAgreed => "Deze interventie is al een afspraak", "This intervention is already an agreement";
    OpenProblemHint => "Spatie: indicatoren en interventies tonen · Enter: bevinding en notitie", "Space: show indicators and interventions · Enter: finding and note";
    IndicatorHint => "Spatie: aanvinken als gezien (met tijd)", "Space: tick as seen (with the time)";
    InterventionHint => "a: maak er een afspraak van", "a: make it an agreement";
    RouteHint => "Enter: dit deel van de route schrijven", "Enter: write this part of the route";
    ProblemTitle => "Typisch probleem", "Typical problem";
    RouteTitle => "Diagnoseroute", "Diagnosis route";
    FindingField => "Bevinding", "Finding";
    OwnWords => "In eigen woorden", "In your own words";
    NoFinding => "geen", "none";
    ContinueField => "Besluit", "Decision";
} }

/// The rows of this view: the nine problems (the open one's indicators and
/// interventions under it), then the route's note fields.
pub(super) fn rows(open: Option<TypicalProblem>) -> Vec<Row> {
    let g = guide();
    let mut out = vec![Row::Heading(Section::Problems)];
    for &p in TypicalProblem::ALL {
        out.push(Row::Problem(p));
        if open == Some(p) {
            let item = g.problem(p);
            out.extend((0..item.indicators.len()).map(|k| Row::Indicator(p, k)));
            out.extend((0..item.interventions.len()).map(|k| Row::Intervention(p, k)));
        }
    }
    out.push(Row::Heading(Section::Route));
    out.extend(RouteField::ALL.iter().map(|f| Row::Route(*f)));
    out
}

/// The summary line of this view: findings, ticks, agreements, decision.
pub(super) fn summary(lang: Lang, session: &Session) -> Vec<(String, Style)> {
    let d = &session.diagnosis;
    let mut out = vec![(format!("{}: ", W::TypicalProblems.get(lang)), theme::label())];
    let count = |f: Finding| d.problems.values().filter(|c| c.finding == Some(f)).count();
    let mut parts: Vec<String> = [Finding::Vastgesteld, Finding::Vermoed, Finding::Uitgesloten]
        .iter()
        .filter(|f| count(**f) > 0)
        .map(|f| format!("{} {}", count(*f), guide().finding(*f).get(lang).to_lowercase()))
        .collect();
    let seen: usize = d.problems.values().map(|c| c.indicators.len()).sum();
    if seen > 0 {
        parts.push(format!("{seen} {}", P::Seen.get(lang)));
    }
    let chosen: usize = d.problems.values().map(|c| c.interventions.len()).sum();
    if chosen > 0 {
        parts.push(format!("{chosen} {}", P::AsAgreements.get(lang)));
    }
    if let Some(c) = d.continuation {
        let step = guide().route_step(RouteField::Doorgaan);
        parts.push(format!("{} → {}", step.name.get(lang), guide().continuation(c).get(lang)));
    }
    if parts.is_empty() {
        out.push((P::NotYet.get(lang).to_string(), theme::dim()));
    } else {
        out.push((parts.join(" · "), theme::bold()));
    }
    out
}

/// One row of this view.
pub(super) fn row_line(
    lang: Lang,
    session: &Session,
    st: &State,
    row: Row,
    width: usize,
) -> Vec<(String, Style)> {
    let g = guide();
    let d = &session.diagnosis;
    let time = |t: Timestamp| t.format("%H:%M").to_string();
    let name_w = (width * 9 / 20).clamp(24, 42);
    match row {
        Row::Heading(section) => {
            let title = if section == Section::Route { P::Route } else { P::Checklist };
            vec![(title.get(lang).to_uppercase(), theme::label())]
        }
        Row::Problem(p) => {
            let check = d.problems.get(&p);
            let mark = if st.problem == Some(p) { "▾" } else { "▸" };
            let name = format!(" {mark} {}", g.problem(p).name.get(lang));
            let finding =
                check.and_then(|c| c.finding).map_or(String::new(), |f| g.finding(f).get(lang).into());
            let n = g.problem(p).indicators.len();
            let seen = check.map_or(0, |c| c.indicators.len());
            let chosen = check.map_or(0, |c| c.interventions.len());
            let finding_style = match check.and_then(|c| c.finding) {
                Some(Finding::Vastgesteld) => theme::warning(),
                Some(Finding::Uitgesloten) => theme::dim(),
                _ => theme::bold(),
            };
            vec![
                (pad(&truncate(&name, name_w - 1), name_w), theme::plain()),
                (pad(&finding, 12), finding_style),
                (pad(&if seen > 0 { format!("✓{seen}/{n}") } else { String::new() }, 6), theme::ok()),
                (pad(&if chosen > 0 { format!("→{chosen}") } else { String::new() }, 4), theme::ok()),
                (check.map_or(String::new(), |c| safe_line(&c.note).into_owned()), theme::plain()),
            ]
        }
        Row::Indicator(p, k) => {
            let item = &g.problem(p).indicators[k];
            let at = d.problems.get(&p).and_then(|c| c.indicators.get(&item.id)).map(|t| t.at);
            let style = if at.is_some() { theme::bold() } else { theme::plain() };
            vec![
                (format!("     [{}] ", if at.is_some() { "x" } else { " " }), style),
                (at.map_or("      ".into(), |t| format!("{} ", time(t))), theme::ok()),
                (item.text.get(lang).to_string(), style),
            ]
        }
        Row::Intervention(p, k) => {
            let item = &g.problem(p).interventions[k];
            let chosen = d.problems.get(&p).and_then(|c| c.interventions.get(&item.id));
            let made = chosen.and_then(|c| session.agreement_index(&c.agreement));
            let mark = match (chosen, made) {
                (Some(_), Some(i)) => format!("     → {} {:<3}", Msg::Agreement.get(lang), i + 1),
                (Some(_), None) => format!("     → {} ", W::AgreementElsewhere.get(lang)),
                (None, _) => "     ·  ".to_string(),
            };
            let style = if chosen.is_some() { theme::bold() } else { theme::plain() };
            vec![(mark, theme::ok()), (item.text.get(lang).to_string(), style)]
        }
        Row::Route(f) => {
            let step = g.route_step(f);
            let mut text = d.route.get(&f).map_or(String::new(), |t| safe_line(t).into_owned());
            if f == RouteField::Doorgaan
                && let Some(c) = d.continuation
            {
                let decision = g.continuation(c).get(lang).to_string();
                text = if text.is_empty() { decision } else { format!("{decision} · {text}") };
            }
            let style = if text.is_empty() { theme::dim() } else { theme::plain() };
            let text = if text.is_empty() { "—".to_string() } else { text };
            vec![(pad(&format!(" {}", step.name.get(lang)), name_w), theme::plain()), (text, style)]
        }
        _ => Vec::new(),
    }
}

/// What the detail box says about a row of this view.
pub(super) fn detail(lang: Lang, session: &Session, row: Row) -> Vec<(String, Style)> {
    let g = guide();
    let d = &session.diagnosis;
    let marked = |t: &crate::content::Text| super::forms::marked(t, lang);
    let plain = |s: String| (s, theme::plain());
    let dim = |m: Msg| (m.get(lang).to_string(), theme::dim());
    match row {
        Row::Heading(Section::Problems) => vec![plain(marked(&g.problems.about))],
        Row::Heading(_) => {
            let step = g.problems.route.iter().find(|s| !s.note);
            let mut out: Vec<_> = step.map(|s| plain(marked(&s.about))).into_iter().collect();
            out.push(dim(P::RouteHint));
            out
        }
        Row::Problem(p) => {
            let item = g.problem(p);
            let mut out =
                vec![(item.name.get(lang).to_uppercase(), theme::label()), plain(marked(&item.about))];
            if let Some(signal) = &item.signal {
                out.push(plain(marked(signal)));
            }
            if let Some(c) = d.problems.get(&p).filter(|c| !c.note.is_empty()) {
                out.push(plain(format!("{}: {}", P::OwnWords.get(lang), safe_line(&c.note))));
            }
            out.push(dim(P::OpenProblemHint));
            out
        }
        Row::Indicator(p, k) => {
            let item = &g.problem(p).indicators[k];
            vec![
                (g.problem(p).name.get(lang).to_uppercase(), theme::label()),
                plain(marked(&item.text)),
                dim(P::IndicatorHint),
            ]
        }
        Row::Intervention(p, k) => {
            let item = &g.problem(p).interventions[k];
            let mut out =
                vec![(g.problem(p).name.get(lang).to_uppercase(), theme::label()), plain(marked(&item.text))];
            let chosen = d.problems.get(&p).and_then(|c| c.interventions.get(&item.id));
            match chosen.map(|c| session.agreement_index(&c.agreement)) {
                Some(Some(i)) => {
                    let a = &session.agreements[i];
                    out.push((
                        format!("→ {} {}: {}", Msg::Agreement.get(lang), i + 1, safe_line(&a.text)),
                        theme::ok(),
                    ));
                }
                Some(None) => out.push((format!("→ {}", W::AgreementElsewhere.get(lang)), theme::ok())),
                None => out.push(dim(P::InterventionHint)),
            }
            out
        }
        Row::Route(f) => {
            let step = g.route_step(f);
            let mut out =
                vec![(step.name.get(lang).to_uppercase(), theme::label()), plain(marked(&step.about))];
            if let Some(t) = d.route.get(&f) {
                out.push(plain(safe_line(t).into_owned()));
            }
            out.push(dim(P::RouteHint));
            out
        }
        _ => Vec::new(),
    }
}

/// A key in the typical problems' view.
pub(super) fn handle(
    state: &mut AppState,
    action: &Action,
    row: Option<Row>,
    now: Timestamp,
) -> Option<Vec<Effect>> {
    let view = state.view();
    let s = state.session_mut()?;
    let (session, st) = s.split::<Relationship>();
    match action {
        a if st.cursor.step(a, st.rows.len(), page(&view)) => {}
        Action::Pane(PROBLEMS) => {
            st.showing = Showing::Relation;
            std::mem::swap(&mut st.cursor, &mut st.other);
            state.reindex();
        }
        Action::Activate | Action::EditSelected => match row {
            Some(Row::Problem(p) | Row::Indicator(p, _) | Row::Intervention(p, _)) => {
                state.form = Some(problem_forms::problem_form(session, p))
            }
            Some(Row::Route(f)) => state.form = Some(problem_forms::route_form(session, f)),
            Some(Row::Heading(Section::Route)) => {
                state.form = Some(problem_forms::route_form(session, RouteField::ALL[0]))
            }
            _ => {}
        },
        Action::Pane(TICK) => return Some(tick(state, row, now)),
        Action::Pane(AGREE) => return Some(agree(state, row, now)),
        Action::DeleteSelected => return Some(clear(state, row, now)),
        _ => return None,
    }
    Some(Vec::new())
}

/// Space: on a problem, open or close its indicators and interventions; on
/// an indicator, tick or untick it as seen (with the time).
pub(super) fn tick(state: &mut AppState, row: Option<Row>, now: Timestamp) -> Vec<Effect> {
    let Some(s) = state.session_mut() else { return Vec::new() };
    let (_, st) = s.split::<Relationship>();
    match row {
        Some(Row::Problem(p)) => {
            st.problem = if st.problem == Some(p) { None } else { Some(p) };
            state.reindex();
            Vec::new()
        }
        Some(Row::Indicator(..)) if state.read_only() => {
            state.warn(Msg::ReadOnlyRefused);
            Vec::new()
        }
        Some(Row::Indicator(p, k)) => {
            let id = guide().problem(p).indicators[k].id.clone();
            change(state, M::KeyTick, |s| s.edit().toggle_indicator(p, &id, now).map(|_| true))
        }
        _ => Vec::new(),
    }
}

/// `a`: the intervention under the cursor becomes a proposed agreement in
/// the words of the interface language (once: again says it already is).
pub(super) fn agree(state: &mut AppState, row: Option<Row>, now: Timestamp) -> Vec<Effect> {
    let Some(Row::Intervention(p, k)) = row else {
        state.warn(P::OnIntervention);
        return Vec::new();
    };
    let Some(session) = state.session().map(|s| &s.session) else { return Vec::new() };
    let item = &guide().problem(p).interventions[k];
    let made = session.diagnosis.problems.get(&p).and_then(|c| c.interventions.get(&item.id));
    if made.is_some_and(|c| session.agreement_index(&c.agreement).is_some()) {
        state.info(P::AlreadyAgreed);
        return Vec::new();
    }
    let text = item.text.get(state.lang).to_string();
    let effects = change(state, P::KeyAgreement, |s| {
        s.edit().intervention_to_agreement(p, &item.id, &text, now).map(|_| true)
    });
    if !effects.is_empty() {
        state.info(P::AgreementMade);
    }
    effects
}

/// `d`: clear a problem's finding, note and ticked indicators (the chosen
/// interventions stay with their agreements), or one field of the route
/// (on "continue?" the decision too); `u` brings it back.
pub(super) fn clear(state: &mut AppState, row: Option<Row>, now: Timestamp) -> Vec<Effect> {
    let Some(session) = state.session().map(|s| &s.session) else { return Vec::new() };
    let d = &session.diagnosis;
    match row {
        Some(Row::Problem(p))
            if d.problems
                .get(&p)
                .is_some_and(|c| c.finding.is_some() || !c.note.is_empty() || !c.indicators.is_empty()) =>
        {
            let ticked: Vec<String> = d.problems[&p].indicators.keys().cloned().collect();
            change(state, Msg::KeyDelete, |s| {
                let s = s.edit();
                s.set_finding(p, None, now);
                s.set_problem_note(p, "", now);
                for id in &ticked {
                    s.toggle_indicator(p, id, now)?;
                }
                Ok(true)
            })
        }
        Some(Row::Route(f))
            if d.route.contains_key(&f) || (f == RouteField::Doorgaan && d.continuation.is_some()) =>
        {
            change(state, Msg::KeyDelete, |s| {
                let s = s.edit();
                s.set_route_note(f, "", now);
                if f == RouteField::Doorgaan {
                    s.set_continuation(None, now);
                }
                Ok(true)
            })
        }
        _ => Vec::new(),
    }
}
