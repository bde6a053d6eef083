//! Hint-bar and help labels (the hints, help and README key tables are
//! generated from the keymap with these words).

use super::Msg;

crate::messages! { impl Msg as KEYS {
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
} }
