//! The words the relationship instruments use in the program and in the
//! exports (labels, column names, flags), in Dutch and English. The
//! instruments' content (signs, interventions, guidance) is in the asset.

crate::messages! { pub struct W {
    // the thermometer
    ReadingBy => "Lezing van", "Reading by";
    FacilitatorReader => "procesbegeleider", "facilitator";
    Tried => "Geprobeerd", "Tried";
    Reads => "leest", "reads";
    FacilitatorReads => "de procesbegeleider leest", "the facilitator reads";
    OverTheMeetings => "Verloop over de sessies", "Over the meetings";
    ThermometerChart => "Temperatuur per sessie", "Temperature per meeting";
    Meeting => "Sessie", "Meeting";
    // the coach
    Reformulations => "Herformuleringen met de gesprekscoach", "Reformulations with the conversation coach";
    PositionAsSaid => "Standpunt zoals gezegd", "Position as said";
    InterestBehind => "Belang erachter", "Interest behind it";
    Move => "Beweging", "Move";
    // the five conditions
    FiveConditions => "Vijf voorwaarden", "Five conditions";
    Trend => "Trend", "Trend";
    Condition => "Voorwaarde", "Condition";
    Score => "Score", "Score";
    PerParty => "Per partij", "Per party";
    MeanOfParties => "gemiddelde van de partijen", "mean of the parties";
    Mean => "Gemiddeld", "Mean";
    ConditionsChart => "Vijf voorwaarden per sessie (1 tot 5)", "Five conditions per meeting (1 to 5)";
    Low => "laag", "low";
    Drop => "gedaald", "down";
    Spread => "partijen lopen uiteen", "parties far apart";
    Points => "punten", "points";
    // trust
    Trust => "Vertrouwen", "Trust";
    Stage => "Stadium", "Stage";
    TrustDown => "lager dan de vorige sessie", "lower than the last meeting";
    TrustUp => "hoger dan de vorige sessie", "higher than the last meeting";
    TrustSame => "gelijk aan de vorige sessie", "same as the last meeting";
    // typical problems
    TypicalProblems => "Typische problemen", "Typical problems";
    DiagnosisRoute => "Diagnoseroute", "Diagnosis route";
    Problem => "Probleem", "Problem";
    Finding => "Bevinding", "Finding";
    Indicators => "Indicatoren", "Indicators";
    OwnWords => "In eigen woorden", "In own words";
    InterventionsAgreements => "Interventies → afspraak", "Interventions → agreement";
    AgreementElsewhere => "afspraak niet meer in deze sessie", "agreement no longer in this meeting";
    // whose words
    WhoseWords => "(model) = uit het model, (kompas) = eigen advies van kompas. Namen van niveaus, voorwaarden, stadia en problemen komen uit het model.", "(model) = from the model, (kompas) = kompas's own guidance. Names of levels, conditions, stages and problems are the model's.";
} }
