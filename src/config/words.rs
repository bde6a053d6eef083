//! The words of the config file, the sessions folder rule and the
//! conventions around start-up (issue 14), in Dutch and English.

crate::messages! { pub struct C {
    // problems in the config file, each after "FILE:LINE:COLUMN: "
    NotToml => "geen geldige TOML", "not valid TOML";
    AllDefaults => "kompas start met de standaardinstellingen", "kompas starts with the default settings";
    KeyDefault => "kompas gebruikt hiervoor de standaardwaarde", "kompas uses the default for it";
    UnknownKey => "onbekende instelling", "unknown setting";
    KnownKeys => "bekend zijn", "known are";
    NotAString => "moet tekst tussen aanhalingstekens zijn", "must be text in quotes";
    Empty => "mag niet leeg zijn", "must not be empty";
    BadValue => "onbekende waarde", "unknown value";
    Allowed => "kies uit", "choose from";
    Unreadable => "kan het configuratiebestand niet lezen", "cannot read the config file";
    // `kompas config`
    ConfigFile => "Configuratiebestand", "Config file";
    Exists => "bestaat", "exists";
    Missing => "bestaat nog niet; maak het aan om iets in te stellen, bijvoorbeeld:", "does not exist yet; create it to set something, for example:";
    NoPlace => "geen (geen thuismap gevonden)", "none (no home folder found)";
    Setting => "Instelling", "Setting";
    Value => "Waarde", "Value";
    From => "Bron", "Source";
    FromFlag => "optie op de opdrachtregel", "command-line flag";
    FromFile => "configuratiebestand", "config file";
    FromEnv => "omgeving", "environment";
    FromDefault => "standaard", "default";
    FromHere => "map sessions in de huidige map", "sessions folder in the current folder";
    FromPlatform => "map van het systeem (geen ./sessions hier)", "the system's folder (no ./sessions here)";
    NotSet => "(niet ingesteld)", "(not set)";
    Problems => "Problemen", "Problems";
    // start-up
    DumbTerminal => "kompas tekent schermen en deze terminal kan dat niet (TERM=dumb). Start kompas in een gewone terminal, of zet TERM op bijvoorbeeld xterm-256color. Zonder schermen schrijft `kompas export BESTAND --format md` een sessie als tekst.", "kompas draws screens and this terminal cannot (TERM=dumb). Run kompas in a full terminal, or set TERM to e.g. xterm-256color. Without screens, `kompas export FILE --format md` writes a session as text.";
} }
