//! The session library's words: its keys, search, filter, portfolio and
//! overview.

use super::Msg;

crate::messages! { impl Msg as LIBRARY {
    // the library: its keys, search, filter, portfolio and overview
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
} }
