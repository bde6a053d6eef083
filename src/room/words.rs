//! The room display's words, in Dutch and English (the words it shares
//! with the terminal come from `crate::i18n::Msg`).

crate::messages! { pub struct W {
    PageTitle => "zaalscherm", "room display";
    Waiting => "Nog geen sessie geopend. Dit scherm volgt kompas zodra er een sessie open is.", "No session open yet. This screen follows kompas as soon as a session is open.";
    Phases => "Fasen van de samenwerking", "Phases of the collaboration";
    Question => "Vraag aan de groep", "Question for the room";
    Answers => "Antwoorden", "Answers";
    Map => "Belangenkaart", "Interests map";
    NoParties => "Nog geen partijen aan tafel.", "No parties at the table yet.";
    NoAgreements => "Nog geen afspraken.", "No agreements yet.";
    Open => "open", "open";
    More => "meer", "more";
    Blank => "Scherm leeg", "Screen blank";
    Offline => "Verbinding met kompas kwijt; opnieuw verbinden…", "Lost the connection to kompas; reconnecting…";
    Expired => "Deze link werkt niet meer: kompas is opnieuw gestart. Scan de nieuwe code.", "This link no longer works: kompas was restarted. Scan the new code.";
    Forbidden => "Geen toegang: deze link mist de code van kompas. Scan de QR-code op het scherm van de procesbegeleider.", "Forbidden: this link lacks the code from kompas. Scan the QR code on the facilitator's screen.";
    NotFound => "Niet gevonden.", "Not found.";
    SpotPhase => "Waar we staan", "Where we are";
    Section => "Zaalscherm", "Room display";
    SectionNote => "Wat de procesbegeleider bewust niet of juist wel op het zaalscherm liet zien. Individuele belangen staan er alleen op als ze bewust getoond zijn.", "What the facilitator kept off the room display, or showed on purpose. Individual interests appear there only when shown on purpose.";
    MarkPrivate => "privé: niet op het zaalscherm", "private: not on the room display";
    MarkShown => "bewust getoond op het zaalscherm", "shown on the room display on purpose";
    Clock => "Agenda", "Agenda";
    ClockStopped => "De klok staat stil", "The clock is stopped";
    Total => "Totaal", "Total";
    OverTime => "over de tijd", "over time";
    Chosen => "gekozen", "chosen";
    Lowest => "Laagst", "Lowest";
    UnknownItem => "(item niet meer in de sessie)", "(item no longer in the session)";
} }
