//! The words of the panes, the map, the forms and the status line.

use super::Msg;

crate::messages! { impl Msg as PANES {
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
    ReflectionQuestions => "Reflectievragen", "Reflection questions";
    OwnQuestionTag => "eigen vraag", "own question";
    // phases
    Reason => "Reden", "Reason";
    MoveBackTitle => "Terug naar een eerdere fase", "Back to an earlier phase";
    ChoosePhase => "Naar welke fase?", "Go to which phase?";
    SteppedBack => "stap terug", "step back";
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
    // whose words a text is (instrument content)
    OriginModel => "uit het model", "from the model";
    OriginOurs => "eigen advies van kompas", "kompas's own guidance";
    OriginModelShort => "model", "model";
    OriginOursShort => "kompas", "kompas";
    HelpIntro => "kompas bewaart elke wijziging meteen. Stoppen vraagt nooit om op te slaan.", "kompas saves every change at once. Quitting never asks to save.";
} }
