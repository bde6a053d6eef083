//! Running the meeting (issue 12): agenda, attendance, notes, Theater van
//! Besluit, and its refusals in words.

use super::{Lang, Msg};
use crate::domain::meeting::{MeetingError, Presence};

crate::messages! { impl Msg as MEETING {
    // running the meeting (issue 12): agenda, attendance, notes, Theater van Besluit
    Agenda => "Agenda", "Agenda";
    AgendaItem => "Agendapunt", "Agenda item";
    Attendance => "Aanwezigheid", "Attendance";
    Notes => "Aantekeningen", "Notes";
    MeetingNote => "Aantekening", "Note";
    Planned => "Gepland", "Planned";
    Actual => "Werkelijk", "Actual";
    Lead => "Trekker", "Lead";
    Game => "Theater van Besluit", "Theater van Besluit";
    Seat => "Stoel", "Seat";
    Round => "Ronde", "Round";
    Decision => "Besluit", "Decision";
    Debrief => "Nabespreking", "Debrief";
    Seed => "Startgetal", "Seed";
    PresenceAanwezig => "aanwezig", "present";
    PresenceAfgemeld => "afgemeld", "sent apologies";
    PresenceAfwezig => "afwezig", "absent";
} }

crate::messages! { pub struct MeetingErrors {
    AlreadyCurrent => "Dit agendapunt loopt al.", "That agenda item is already the current one.";
    ClockStopped => "De klok loopt niet.", "The clock is not running.";
    NothingLeft => "Alle agendapunten zijn afgerond.", "Every agenda item is done.";
    Players => "Een spel heeft 2 tot 12 spelers nodig.", "A game needs 2 to 12 players.";
    NoSuchRound => "Een spel heeft drie rondes.", "A game has three rounds.";
    RoundStarted => "Deze ronde is begonnen: kaarten en opdracht liggen vast.", "This round has started: its cards and assignment stay as they are.";
    RoundNotStarted => "Deze ronde is nog niet begonnen.", "This round has not started.";
    RoundEnded => "Deze ronde is al afgelopen.", "This round has ended.";
    EarlierRoundOpen => "Een eerdere ronde loopt nog.", "An earlier round is still open.";
    ConsensusAllSeats => "Met zes stoelen worden alle kaarten gedeeld, consensus ook.", "With six seats every card is dealt, consensus included.";
    ConsensusOnce => "Consensus mag maar in één ronde weg.", "Consensus may be left out in one round only.";
    PhysicalCards => "Dit spel gaat met echte kaarten: noteer ze per stoel.", "This game uses physical cards: record them per seat.";
    DealtByKompas => "Bij dit spel deelt kompas de kaarten.", "kompas deals this game's cards.";
    CardTaken => "Die kaart staat al bij een andere stoel.", "That card is already recorded for another seat.";
} }

/// A refused change of running the meeting, in words.
pub fn meeting_error(lang: Lang, e: &MeetingError) -> &'static str {
    use MeetingError as E;
    use MeetingErrors as M;
    match e {
        E::AlreadyCurrent => M::AlreadyCurrent,
        E::ClockStopped => M::ClockStopped,
        E::NothingLeft => M::NothingLeft,
        E::Players(_) => M::Players,
        E::NoSuchRound(_) => M::NoSuchRound,
        E::RoundStarted => M::RoundStarted,
        E::RoundNotStarted => M::RoundNotStarted,
        E::RoundEnded => M::RoundEnded,
        E::EarlierRoundOpen => M::EarlierRoundOpen,
        E::ConsensusAllSeats => M::ConsensusAllSeats,
        E::ConsensusOnce => M::ConsensusOnce,
        E::PhysicalCards => M::PhysicalCards,
        E::DealtByKompas => M::DealtByKompas,
        E::CardTaken(_) => M::CardTaken,
    }
    .get(lang)
}

pub fn presence_label(lang: Lang, p: Presence) -> &'static str {
    match p {
        Presence::Aanwezig => Msg::PresenceAanwezig,
        Presence::Afgemeld => Msg::PresenceAfgemeld,
        Presence::Afwezig => Msg::PresenceAfwezig,
    }
    .get(lang)
}
