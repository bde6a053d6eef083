//! Every word the program shows, in Dutch and English. A missing translation is
//! a compile error: each message is one line with both texts.

use chrono::{Datelike, NaiveDate};

use crate::domain::meeting::{MeetingError, Presence};
use crate::domain::{AgreementStatus, AmbitionLens, ContextAspect, InterestKind, Phase, Temperature};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    /// `nl` or `en` (also `nl_NL.UTF-8`, `en-GB` and the like).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("nl") {
            Some(Lang::Nl)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// From the POSIX locale variables (LC_ALL, LC_MESSAGES, LANG, first set
    /// one wins); Dutch when none names Dutch or English.
    pub fn from_env_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(get)
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
            .unwrap_or(Lang::Nl)
    }

    pub fn id(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

/// A piece of interface text: its name and its Dutch and English words.
/// Made only by [`messages!`], which takes both texts on one line, so a
/// missing translation is a compile error.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Msg {
    id: &'static str,
    nl: &'static str,
    en: &'static str,
}

impl std::fmt::Debug for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Msg::{}", self.id)
    }
}

impl Msg {
    #[doc(hidden)]
    pub const fn new(id: &'static str, nl: &'static str, en: &'static str) -> Msg {
        assert!(!nl.is_empty() && !en.is_empty(), "a message needs a Dutch and an English text");
        Msg { id, nl, en }
    }

    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.nl,
            Lang::En => self.en,
        }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        self.text(lang)
    }

    /// The message's name, as written in its table.
    pub fn id(self) -> &'static str {
        self.id
    }
}

/// A table of messages, one line each with both languages:
///
/// ```ignore
/// messages! { pub(crate) struct M {
///     KeyStatus => "status", "status";
/// } }
/// ```
///
/// makes `M::KeyStatus`, a [`Msg`], and `M::ALL`. The program's own table
/// is `impl Msg { … }` below; a pane or an export keeps its words in its own
/// file with `struct NAME { … }`. Each text is checked at compile time to be
/// there and non-empty in both languages.
#[macro_export]
macro_rules! messages {
    (impl $table:ident { $($name:ident => $nl:literal, $en:literal;)* }) => {
        #[allow(non_upper_case_globals)]
        impl $table {
            $(pub const $name: $crate::i18n::Msg = $crate::i18n::Msg::new(stringify!($name), $nl, $en);)*
            /// Every message of this table.
            #[allow(dead_code)]
            pub const ALL: &'static [$crate::i18n::Msg] = &[$(Self::$name),*];
        }
        // Evaluated at compile time: every text is there in both languages.
        const _: &[$crate::i18n::Msg] = $table::ALL;
    };
    ($vis:vis struct $table:ident { $($name:ident => $nl:literal, $en:literal;)* }) => {
        /// A table of messages (see `messages!`).
        $vis struct $table;
        $crate::messages! { impl $table { $($name => $nl, $en;)* } }
    };
}
pub use messages;

messages! { impl Msg {
    // panes and screens
    PaneInterests => "Belangen", "Interests";
    PaneAgreements => "Afspraken", "Agreements";
    PaneReflections => "Reflectie", "Reflection";
    PaneTimeline => "Tijdlijn", "Timeline";
    Started => "begonnen in", "started in";
    FollowUpTitle => "Vervolgsessie: datum van de nieuwe bijeenkomst", "Follow-up: date of the next meeting";
    HasFollowUp => "Let op: deze bijeenkomst heeft al een vervolg:", "Note: this meeting already has a follow-up:";
    PreviousMeeting => "Vorige sessie", "Previous meeting";
    ReviewBanner => "TERUGBLIK · alleen lezen", "REVIEW · read-only";
    KeyFollowUp => "vervolgsessie", "follow-up";
    HelpFollowUp => "vervolgsessie starten: partijen, belangen, fase en open afspraken gaan mee", "start the next meeting: parties, interests, phase and open agreements carry over";
    Sessions => "Sessies", "Sessions";
    Help => "Hulp", "Help";
    Aim => "Doel", "Aim";
    Result => "Resultaat", "Result";
    ReadOnlyShort => "ALLEEN LEZEN", "READ-ONLY";
    ReadOnlyBanner => "ALLEEN LEZEN: deze sessie is geopend in een andere kompas", "READ-ONLY: this session is open in another kompas";
    TooSmall => "Venster te klein", "Window too small";
    AtLeast => "minimaal", "at least";
    Now => "nu", "now";
    NoSessions => "Nog geen sessies in deze map. Druk n voor een nieuwe sessie.", "No sessions in this folder yet. Press n to start one.";
    NoParties => "Nog geen partijen. Druk p om een partij toe te voegen.", "No parties yet. Press p to add a party.";
    // interests map
    Party => "Partij", "Party";
    Parties => "Partijen", "Parties";
    Organisation => "Organisatie", "Organisation";
    Representative => "Vertegenwoordiger", "Representative";
    Role => "Rol", "Role";
    Wants => "Wil eruit halen", "Wants out of it";
    Offers => "Heeft te bieden", "Has to offer";
    Ambition => "Gedeelde ambitie", "Shared ambition";
    Context => "Context", "Context";
    LensProblem => "Vraagstuk", "Problem";
    LensSolution => "Oplossing", "Solution";
    LensOpportunity => "Kans", "Opportunity";
    LensForm => "Vorm", "Form";
    AspectPlayers => "Spelers", "Players";
    AspectProcess => "Proces", "Process";
    AspectEnvironment => "Omgeving", "Environment";
    Interest => "Belang", "Interest";
    MapAtTable => "Aan tafel", "At the table";
    MapOrganisation => "Organisatie", "Organisational";
    MapIndividual => "Individueel", "Individual";
    MapCollective => "Collectief", "Collective";
    MapWants => "Wil eruit", "Wants out";
    MapOffers => "Te bieden", "Offers";
    Kind => "Soort", "Kind";
    Text => "Tekst", "Text";
    // agreements
    Agreement => "Afspraak", "Agreement";
    Owner => "Eigenaar", "Owner";
    Involved => "Betrokken", "Involved";
    Due => "Deadline", "Due";
    Status => "Status", "Status";
    Phase => "Fase", "Phase";
    PhaseResult => "Resultaat van de fase", "Result of the phase";
    Created => "Gemaakt", "Created";
    Updated => "Gewijzigd", "Updated";
    Overdue => "te laat", "overdue";
    Filter => "Filter", "Filter";
    FilterAll => "alle", "all";
    FilterOpen => "open", "open";
    NoOwner => "(geen)", "(none)";
    Yes => "ja", "yes";
    No => "nee", "no";
    // reflection
    Question => "Vraag", "Question";
    Answer => "Antwoord", "Answer";
    NoAnswerYet => "nog geen antwoord", "no answer yet";
    AskOwnQuestion => "+ eigen vraag stellen (n)", "+ ask your own question (n)";
    Temperature => "Temperatuur", "Temperature";
    Note => "Toelichting", "Note";
    // phases
    Reason => "Reden", "Reason";
    MoveBackTitle => "Terug naar een eerdere fase", "Back to an earlier phase";
    ChoosePhase => "Naar welke fase?", "Go to which phase?";
    // session form
    NewSession => "Nieuwe sessie", "New session";
    Title => "Titel", "Title";
    MeetingDate => "Datum", "Date";
    Facilitator => "Procesbegeleider", "Facilitator";
    // form titles
    NewParty => "Nieuwe partij", "New party";
    EditParty => "Partij bewerken", "Edit party";
    NewInterest => "Nieuw belang", "New interest";
    EditInterest => "Belang bewerken", "Edit interest";
    NewAgreement => "Nieuwe afspraak", "New agreement";
    EditAgreement => "Afspraak bewerken", "Edit agreement";
    AnswerTitle => "Antwoord van de groep", "The room's answer";
    EditAnswer => "Antwoord bewerken", "Edit answer";
    OwnQuestionTitle => "Eigen vraag", "Your own question";
    TemperatureTitle => "Temperatuur van de samenwerking", "Temperature of the collaboration";
    EditAmbition => "Ambitie bewerken", "Edit ambition";
    EditContext => "Context bewerken", "Edit context";
    DiscardChanges => "Getypte tekst weggooien?", "Discard what you typed?";
    ConfirmKeys => "j = ja · n/Esc = nee", "y = yes · n/Esc = no";
    // status messages
    Saved => "opgeslagen", "saved";
    Saving => "opslaan", "saving";
    SaveFailed => "NIET OPGESLAGEN", "NOT SAVED";
    SaveRetrying => "sessie blijft in het geheugen, kompas probeert het elke seconde opnieuw", "session kept in memory, kompas retries every second";
    TemperatureLastTime => "vorige keer", "last time";
    SaveRetryingShort => "elke seconde opnieuw", "retrying every second";
    Deleted => "Verwijderd: u maakt het ongedaan", "Deleted: press u to undo";
    Undone => "Ongedaan gemaakt", "Undone";
    Redone => "Opnieuw gedaan", "Redone";
    NothingToUndo => "Niets om ongedaan te maken", "Nothing to undo";
    NothingToRedo => "Niets om opnieuw te doen", "Nothing to redo";
    ReadOnlyRefused => "Alleen lezen: wijzigen kan niet", "Read-only: changes are not possible";
    AlreadyInPhase => "Al in die fase", "Already in that phase";
    NoNextPhase => "Dit is de laatste fase", "This is the last phase";
    NoPrevPhase => "Dit is de eerste fase", "This is the first phase";
    AddPartyFirst => "Voeg eerst een partij toe (p)", "Add a party first (p)";
    RequiredField => "Dit veld is verplicht", "This field is required";
    BadDate => "Geen datum: typ bv. 31-10, 31 okt, vrijdag, morgen of +2w", "Not a date: type e.g. 31-10, 31 Oct, friday, tomorrow or +2w";
    DraftRecovered => "Niet-opgeslagen tekst hersteld", "Unsaved text recovered";
    // hint and help labels (generated from the keymap)
    KeyQuit => "stoppen", "quit";
    KeyHelp => "hulp", "help";
    KeyNextPane => "paneel", "pane";
    KeyPrevPane => "vorig paneel", "previous pane";
    KeyNextPhase => "volgende fase", "next phase";
    KeyPrevPhase => "vorige fase", "previous phase";
    KeyGoPhase => "naar fase…", "go to phase…";
    KeyTemperature => "temperatuur", "temperature";
    KeyUndo => "ongedaan maken", "undo";
    KeyRedo => "opnieuw", "redo";
    KeyUp => "omhoog", "up";
    KeyDown => "omlaag", "down";
    KeyLeftParty => "partij links", "party to the left";
    KeyRightParty => "partij rechts", "party to the right";
    KeyPageUp => "pagina omhoog", "page up";
    KeyPageDown => "pagina omlaag", "page down";
    KeyHome => "naar begin", "to the top";
    KeyEnd => "naar eind", "to the end";
    KeySessions => "terug naar sessies", "back to sessions";
    KeyAddInterest => "belang", "interest";
    KeyAddParty => "partij", "party";
    KeyEdit => "bewerken", "edit";
    KeyDelete => "verwijderen", "delete";
    KeyFilter => "filter", "filter";
    KeyAnswer => "antwoorden", "answer";
    KeyOwnQuestion => "eigen vraag", "own question";
    KeyOpen => "openen", "open";
    KeyNew => "nieuw", "new";
    KeyRefresh => "vernieuwen", "refresh";
    KeySave => "opslaan", "save";
    KeyNewline => "nieuwe regel", "new line";
    KeyNextField => "volgend veld", "next field";
    KeyPrevField => "vorig veld", "previous field";
    KeyCancel => "annuleren", "cancel";
    KeyClose => "sluiten", "close";
    KeyScroll => "scrollen", "scroll";
    KeyYes => "ja", "yes";
    KeyNo => "nee", "no";
    KeyPickPhase => "fase kiezen", "pick phase";
    HelpNextPane => "volgend paneel (de tabs bovenaan)", "next pane (the tabs at the top)";
    HelpNextPhase => "naar de volgende fase (vastgelegd in de fasegeschiedenis)", "to the next phase (recorded in the phase history)";
    HelpPrevPhase => "terug naar de vorige fase; vraagt om een reden", "back to the previous phase; asks for a reason";
    HelpGoPhase => "naar een willekeurige fase springen (1 t/m 5)", "jump to any phase (1 to 5)";
    HelpTemperature => "temperatuur van de samenwerking vastleggen", "record the temperature of the collaboration";
    HelpUndo => "laatste wijziging ongedaan maken, in elk paneel", "undo the last change, in any pane";
    HelpRedo => "de laatst ongedaan gemaakte wijziging opnieuw doen", "redo the last undone change";
    HelpAddInterest => "nieuw belang bij de gekozen partij en soort", "new interest for the selected party and kind";
    HelpAddParty => "nieuwe partij aan tafel", "new party at the table";
    HelpEditMap => "bewerken; op een lege cel: belang toevoegen", "edit; on an empty cell: add an interest";
    HelpDeleteMap => "belang verwijderen; op de partijregel: partij verwijderen", "delete the interest; on the party row: delete the party";
    HelpAnswer => "antwoord van de groep vastleggen (op een antwoord: bewerken)", "record the room's answer (on an answer: edit it)";
    HelpOwnQuestion => "eigen vraag stellen en het antwoord vastleggen", "ask your own question and record the answer";
    HelpNewline => "nieuwe regel in een tekstveld", "new line in a text field";
    HelpCancel => "annuleren (vraagt bevestiging als er getypt is)", "cancel (asks first when something was typed)";
    ReflectionQuestions => "Reflectievragen", "Reflection questions";
    OwnQuestionTag => "eigen vraag", "own question";
    HelpQuitAnywhere => "stoppen, ook midden in een formulier (getypte tekst wordt bewaard)", "quit, even in a form (typing is kept for next time)";
    HelpAnywhere => "Altijd", "Always";
    HelpMoving => "Bewegen in lijsten en de kaart", "Moving in lists and the map";
    KeyClearField => "veld leeg", "clear field";
    HelpClearField => "het veld leegmaken, om opnieuw te typen", "empty the field, to type it afresh";
    KeyExport => "exporteren", "export";
    HelpExport => "exporteren als verslag (Markdown, HTML) of afsprakenlijst (CSV)", "export as minutes (Markdown, HTML) or a list of agreements (CSV)";
    ExportTitle => "Exporteren", "Export";
    KeyMarkdown => "Markdown-verslag", "Markdown minutes";
    KeyHtml => "HTML-pagina (printbaar)", "HTML page (prints to PDF)";
    KeyCsv => "CSV van afspraken", "CSV of agreements";
    ExportedTo => "Geëxporteerd naar", "Exported to";
    HelpGlobal => "Overal in een sessie", "Anywhere in a session";
    HelpForm => "In een formulier", "In a form";
    HelpLibrary => "Bibliotheek van sessies", "Session library";
    HelpSearchResults => "Zoekresultaten", "Search results";
    HelpLibraryViews => "Portfolio en verloop", "Portfolio and overview";
    SearchTitle => "Zoeken in alle sessies", "Search all sessions";
    SearchFor => "Zoek naar", "Search for";
    FilterTitle => "Welke sessies tonen?", "Which sessions to show?";
    KeyReview => "terugblik", "review";
    HelpReview => "terugkijken: alleen lezen, met tijdlijn", "look back: read-only, with a timeline";
    KeySearch => "zoeken", "search";
    HelpSearch => "zoeken in alle sessies (hoofdletters en accenten maken niet uit)", "search all sessions (case and accents do not matter)";
    HelpOpenHit => "sessie openen bij deze vondst", "open the session at this hit";
    KeyOverview => "verloop", "overview";
    HelpOverview => "verloop van deze samenwerking over de sessies", "how this collaboration moved over its meetings";
    KeyPortfolio => "portfolio", "portfolio";
    HelpPortfolio => "alle samenwerkingen op een rij", "every collaboration on one line";
    HelpLibraryFilter => "filteren op partij, fase of afspraken", "filter by party, phase or agreements";
    KeySort => "sorteren", "sort";
    HelpSort => "sorteren op datum of op titel", "sort by date or by title";
    KeyBack => "terug", "back";
    SteppedBack => "stap terug", "step back";
    AllPhases => "alle fasen", "all phases";
    AnyAgreements => "alle", "all";
    WithOpen => "met open afspraken", "with open agreements";
    WithOverdue => "met te late afspraken", "with overdue agreements";
    Loading => "bezig met lezen…", "reading…";
    NoHits => "Niets gevonden.", "Nothing found.";
    Hits => "vondsten", "hits";
    Hit => "vondst", "hit";
    Meetings => "sessies", "meetings";
    Made => "gemaakt", "made";
    Carried => "meegenomen", "carried over";
    Kept => "nagekomen", "kept";
    StillOpen => "nog open", "still open";
    InterestsChanged => "Belangen die verschenen of veranderden", "Interests that appeared or changed";
    PhasesOverMeetings => "Fasen per sessie", "Phases per meeting";
    AgreementsOverall => "Afspraken over alle sessies", "Agreements over all meetings";
    Appeared => "nieuw", "new";
    Changed => "gewijzigd", "changed";
    Portfolio => "Portfolio: alle samenwerkingen", "Portfolio: every collaboration";
    Overview => "Verloop van de samenwerking", "How the collaboration moved";
    SortedByDate => "op datum", "by date";
    SortedByTitle => "op titel", "by title";
    LastMeeting => "laatste sessie", "last meeting";
    // whose words a text is (instrument content)
    OriginModel => "uit het model", "from the model";
    OriginOurs => "eigen advies van kompas", "kompas's own guidance";
    OriginModelShort => "model", "model";
    OriginOursShort => "kompas", "kompas";
    HelpIntro => "kompas bewaart elke wijziging meteen. Stoppen vraagt nooit om op te slaan.", "kompas saves every change at once. Quitting never asks to save.";
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

/// Short name for the phase strip.
pub fn phase_short(lang: Lang, p: Phase) -> &'static str {
    match (lang, p) {
        (Lang::Nl, Phase::Verkennen) => "Verkennen",
        (Lang::Nl, Phase::Delen) => "Delen",
        (Lang::Nl, Phase::Overeenkomen) => "Overeenkomen",
        (Lang::Nl, Phase::Vormgeven) => "Vormgeven",
        (Lang::Nl, Phase::Uitvoeren) => "Uitvoeren",
        (Lang::En, Phase::Verkennen) => "Explore",
        (Lang::En, Phase::Delen) => "Share",
        (Lang::En, Phase::Overeenkomen) => "Agree",
        (Lang::En, Phase::Vormgeven) => "Shape",
        (Lang::En, Phase::Uitvoeren) => "Run & renew",
    }
}

/// Full name of the phase.
pub fn phase_name(lang: Lang, p: Phase) -> &'static str {
    match (lang, p) {
        (Lang::Nl, Phase::Verkennen) => "Verkennen van de situatie",
        (Lang::Nl, Phase::Delen) => "Delen van belangen en ambities",
        (Lang::Nl, Phase::Overeenkomen) => "Overeenkomen: koers en richting",
        (Lang::Nl, Phase::Vormgeven) => "Vormgeven van de oplossing",
        (Lang::Nl, Phase::Uitvoeren) => "(Uit)voeren en vernieuwen",
        (Lang::En, Phase::Verkennen) => "Exploring the situation",
        (Lang::En, Phase::Delen) => "Sharing interests and ambitions",
        (Lang::En, Phase::Overeenkomen) => "Agreeing on course and direction",
        (Lang::En, Phase::Vormgeven) => "Shaping the solution",
        (Lang::En, Phase::Uitvoeren) => "Running and renewing",
    }
}

/// What the phase is for, short enough to share one line with its result.
pub fn phase_aim(lang: Lang, p: Phase) -> &'static str {
    match (lang, p) {
        (Lang::Nl, Phase::Verkennen) => "waarom samen; belangen en context",
        (Lang::Nl, Phase::Delen) => "beelden delen, de taart groter maken",
        (Lang::Nl, Phase::Overeenkomen) => "gedeelde beelden worden afspraken",
        (Lang::Nl, Phase::Vormgeven) => "inhoud en vorm concreet maken",
        (Lang::Nl, Phase::Uitvoeren) => "doen, evalueren, vernieuwen",
        (Lang::En, Phase::Verkennen) => "why together; interests and context",
        (Lang::En, Phase::Delen) => "share pictures, grow the pie",
        (Lang::En, Phase::Overeenkomen) => "turn shared views into agreements",
        (Lang::En, Phase::Vormgeven) => "work out content and form",
        (Lang::En, Phase::Uitvoeren) => "run, evaluate and renew",
    }
}

/// The tangible result the phase usually produces.
pub fn phase_result(lang: Lang, p: Phase) -> &'static str {
    match (lang, p) {
        (Lang::Nl, Phase::Verkennen) => "startnotitie",
        (Lang::Nl, Phase::Delen) => "intentieverklaring",
        (Lang::Nl, Phase::Overeenkomen) => "afspraken op hoofdlijnen",
        (Lang::Nl, Phase::Vormgeven) => "georganiseerde samenwerking",
        (Lang::Nl, Phase::Uitvoeren) => "evaluaties, nieuwe afspraken",
        (Lang::En, Phase::Verkennen) => "starting memo",
        (Lang::En, Phase::Delen) => "declaration of intent",
        (Lang::En, Phase::Overeenkomen) => "agreements in principle",
        (Lang::En, Phase::Vormgeven) => "organised collaboration",
        (Lang::En, Phase::Uitvoeren) => "evaluations, renewed agreements",
    }
}

pub fn kind_label(lang: Lang, k: InterestKind) -> &'static str {
    match (lang, k) {
        (Lang::Nl, InterestKind::Organisatie) => "Organisatiebelang",
        (Lang::Nl, InterestKind::Individueel) => "Individueel belang",
        (Lang::Nl, InterestKind::Collectief) => "Collectief belang",
        (Lang::En, InterestKind::Organisatie) => "Organisational",
        (Lang::En, InterestKind::Individueel) => "Individual",
        (Lang::En, InterestKind::Collectief) => "Collective",
    }
}

pub fn status_label(lang: Lang, s: AgreementStatus) -> &'static str {
    match (lang, s) {
        (Lang::Nl, AgreementStatus::Proposed) => "voorstel",
        (Lang::Nl, AgreementStatus::Agreed) => "afgesproken",
        (Lang::Nl, AgreementStatus::Done) => "gedaan",
        (Lang::Nl, AgreementStatus::Dropped) => "vervallen",
        (Lang::En, AgreementStatus::Proposed) => "proposed",
        (Lang::En, AgreementStatus::Agreed) => "agreed",
        (Lang::En, AgreementStatus::Done) => "done",
        (Lang::En, AgreementStatus::Dropped) => "dropped",
    }
}

pub fn temperature_label(lang: Lang, t: Temperature) -> &'static str {
    match (lang, t) {
        (Lang::Nl, Temperature::Vriendschappelijk) => "vriendschappelijk",
        (Lang::Nl, Temperature::Waakzaam) => "waakzaam",
        (Lang::Nl, Temperature::Onenigheid) => "onenigheid",
        (Lang::Nl, Temperature::Conflict) => "conflict",
        (Lang::En, Temperature::Vriendschappelijk) => "friendly",
        (Lang::En, Temperature::Waakzaam) => "watchful",
        (Lang::En, Temperature::Onenigheid) => "disagreement",
        (Lang::En, Temperature::Conflict) => "conflict",
    }
}

messages! { pub struct MeetingErrors {
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

pub fn lens_msg(l: AmbitionLens) -> Msg {
    match l {
        AmbitionLens::Problem => Msg::LensProblem,
        AmbitionLens::Solution => Msg::LensSolution,
        AmbitionLens::Opportunity => Msg::LensOpportunity,
        AmbitionLens::Form => Msg::LensForm,
    }
}

pub fn aspect_msg(a: ContextAspect) -> Msg {
    match a {
        ContextAspect::Players => Msg::AspectPlayers,
        ContextAspect::Process => Msg::AspectProcess,
        ContextAspect::Environment => Msg::AspectEnvironment,
    }
}

pub fn prompt_theme_label(lang: Lang, theme: &str) -> &'static str {
    match (lang, theme) {
        (Lang::Nl, "ambitie") => "ambitie",
        (Lang::Nl, "belangen") => "belangen",
        (Lang::Nl, "context") => "context",
        (Lang::Nl, "netwerk") => "netwerkvragen",
        (Lang::Nl, "vertrouwen") => "vertrouwen",
        (Lang::Nl, "macht") => "macht",
        (Lang::Nl, "conflict") => "conflict",
        (Lang::Nl, "leiderschap") => "leiderschap",
        (Lang::Nl, "waarde") => "waardecreatie",
        (Lang::Nl, "waarschuwing") => "waarschuwing",
        (Lang::En, "ambitie") => "ambition",
        (Lang::En, "belangen") => "interests",
        (Lang::En, "context") => "context",
        (Lang::En, "netwerk") => "network questions",
        (Lang::En, "vertrouwen") => "trust",
        (Lang::En, "macht") => "power",
        (Lang::En, "conflict") => "conflict",
        (Lang::En, "leiderschap") => "leadership",
        (Lang::En, "waarde") => "value creation",
        (Lang::En, "waarschuwing") => "warning sign",
        _ => "",
    }
}

const MONTHS_NL: [&str; 12] =
    ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const MONTHS_EN: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// "12 mrt 2026" / "12 Mar 2026": unambiguous in both languages.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    let months = if lang == Lang::Nl { &MONTHS_NL } else { &MONTHS_EN };
    format!("{} {} {}", d.day(), months[d.month0() as usize], d.year())
}

/// "12 mrt" when the year is `this_year`, else the full date.
pub fn short_date(lang: Lang, d: NaiveDate, this_year: i32) -> String {
    let months = if lang == Lang::Nl { &MONTHS_NL } else { &MONTHS_EN };
    if d.year() == this_year { format!("{} {}", d.day(), months[d.month0() as usize]) } else { date(lang, d) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_from_env_prefers_lc_all_and_falls_back_to_dutch() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
        };
        assert_eq!(Lang::from_env_vars(env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_env_vars(env(&[("LANG", "en_GB.UTF-8"), ("LC_ALL", "nl_NL.UTF-8")])), Lang::Nl);
        assert_eq!(Lang::from_env_vars(env(&[("LANG", "de_DE.UTF-8")])), Lang::Nl);
        assert_eq!(Lang::from_env_vars(env(&[("LANG", "C")])), Lang::Nl);
        assert_eq!(Lang::from_env_vars(env(&[])), Lang::Nl);
        assert_eq!(Lang::from_env_vars(env(&[("LC_ALL", ""), ("LANG", "en_US")])), Lang::En);
    }

    #[test]
    fn every_message_has_two_non_empty_texts() {
        for m in Msg::ALL {
            assert!(!m.text(Lang::Nl).is_empty(), "{m:?}");
            assert!(!m.text(Lang::En).is_empty(), "{m:?}");
        }
    }

    #[test]
    fn aim_and_result_share_one_line_at_80_columns() {
        for lang in [Lang::Nl, Lang::En] {
            for p in Phase::ALL {
                let line = format!(
                    " {}: {} · {}: {}",
                    Msg::Aim.text(lang),
                    phase_aim(lang, p),
                    Msg::Result.text(lang),
                    phase_result(lang, p)
                );
                assert!(line.chars().count() <= 80, "{line}");
            }
        }
    }

    #[test]
    fn dates_read_naturally() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
        assert_eq!(date(Lang::Nl, d), "12 mrt 2026");
        assert_eq!(date(Lang::En, d), "12 Mar 2026");
        assert_eq!(short_date(Lang::Nl, d, 2026), "12 mrt");
        assert_eq!(short_date(Lang::Nl, d, 2025), "12 mrt 2026");
    }
}
