//! A failure in words: the table `F` and how each kind of failure is said
//! in the interface language.

use super::{Failure, FailureKind, IoCause};
use crate::domain::DomainError;
use crate::i18n::{Lang, Msg};
use crate::storage::{SaveStep, W};
use crate::text::safe_line;

crate::messages! { pub struct F {
    FileNotFound => "bestand niet gevonden", "file not found";
    CannotRead => "kan het bestand niet lezen", "cannot read the file";
    FileTooLarge => "bestand te groot", "file too large";
    Limit => "de grens is", "the limit is";
    Line => "regel", "line";
    Column => "kolom", "column";
    NotUtf8 => "geen UTF-8-tekst (het bestand is beschadigd of in een andere codering)", "not UTF-8 text (the file is damaged or in another encoding)";
    TooDeep => "te diep genest", "nested too deeply";
    NotASession => "geen kompas-sessiebestand", "not a kompas session file";
    NewerVersion => "gemaakt door een nieuwere kompas (versie {found}); deze leest tot en met versie {supported}", "made by a newer kompas (version {found}); this build reads up to version {supported}";
    BadVersion => "\"version\" ontbreekt of is geen heel getal vanaf 1", "\"version\" is missing or not a whole number from 1 up";
    AndMore => "en nog {n}", "and {n} more";
    NotSaved => "niet opgeslagen", "not saved";
    While => "tijdens", "while";
    StepCreateTemp => "een tijdelijk bestand maken in de map", "creating a temporary file in the folder";
    StepWrite => "schrijven", "writing";
    StepSync => "naar schijf wegschrijven", "flushing to disk";
    StepReplace => "het oude bestand vervangen", "replacing the old file";
    StepLink => "het nieuwe bestand zijn naam geven", "giving the new file its name";
    StepSyncFolder => "de map naar schijf wegschrijven", "flushing the folder to disk";
    FolderNotFlushed => "opgeslagen, maar de map kon niet naar schijf worden geschreven; sla nog eens op om zeker te zijn", "saved, but the folder could not be flushed to disk; save again to be sure";
    Encode => "de sessie kon niet als JSON worden geschreven", "the session could not be written as JSON";
    RoundTrip => "de JSON las niet terug als dezelfde sessie; een fout in kompas", "the JSON would not read back as the same session; a bug in kompas";
    NoFreeName => "geen vrije bestandsnaam na {n} pogingen", "no free file name after {n} tries";
    NoBackup => "het origineel (versie {version}) kon niet eerst bewaard worden", "could not first keep the original (version {version}) as a backup";
    NoLock => "kan het slot naast het bestand niet nemen", "cannot take the lock beside the file";
    TimedOut => "het opslaan werd niet op tijd klaar", "the save did not finish in time";
    WrittenTo => "de sessie is geschreven naar", "the session was written to";
    NoRecovery => "er kon geen herstelbestand worden geschreven", "no recovery file could be written";
    InternalError => "kompas stopte door een interne fout", "kompas stopped on an internal error";
    MayNotBeEmpty => "mag niet leeg zijn", "may not be empty";
    UnknownParty => "onbekende partij", "no such party";
    UnknownItem => "dit item bestaat niet meer", "this item no longer exists";
    ScoreRange => "een score loopt van 1 tot 5", "a score runs from 1 to 5";
    CauseDiskFull => "schijf vol", "disk full";
    CauseQuota => "schijfquotum op", "disk quota exceeded";
    CausePermission => "geen toestemming", "permission denied";
    CauseReadOnly => "de schijf is alleen-lezen", "the disk is read-only";
    CauseNotFound => "niet gevonden", "not found";
    CauseTooLarge => "bestand te groot voor deze schijf of voor de grenzen van dit programma", "file too large for this disk or for the limits of this program";
    CauseIsAFolder => "is een map, geen bestand", "is a folder, not a file";
    CauseNotAFolder => "een deel van het pad is geen map", "a part of the path is not a folder";
    CauseBadName => "ongeldige bestandsnaam of naam te lang", "invalid file name or name too long";
    CauseDiskFailing => "invoer/uitvoerfout (de schijf faalt misschien of is verwijderd)", "input/output error (the disk may be failing or was removed)";
    CauseAddressInUse => "dat adres is al in gebruik door een ander programma", "that address is already in use by another program";
    CauseAddressNotHere => "dat adres hoort niet bij deze computer", "that address does not belong to this computer";
} }

impl IoCause {
    /// The cause in the interface language.
    pub fn say(&self, lang: Lang) -> String {
        cause(lang, self)
    }
}

fn cause(lang: Lang, c: &IoCause) -> String {
    let m = match c {
        IoCause::DiskFull => F::CauseDiskFull,
        IoCause::Quota => F::CauseQuota,
        IoCause::PermissionDenied => F::CausePermission,
        IoCause::ReadOnlyDisk => F::CauseReadOnly,
        IoCause::NotFound => F::CauseNotFound,
        IoCause::TooLarge => F::CauseTooLarge,
        IoCause::IsAFolder => F::CauseIsAFolder,
        IoCause::NotAFolder => F::CauseNotAFolder,
        IoCause::BadName => F::CauseBadName,
        IoCause::DiskFailing => F::CauseDiskFailing,
        IoCause::AddressInUse => F::CauseAddressInUse,
        IoCause::AddressNotHere => F::CauseAddressNotHere,
        IoCause::Other(text) => return safe_line(text).into_owned(),
    };
    m.get(lang).to_string()
}

fn step(step: SaveStep) -> Msg {
    match step {
        SaveStep::CreateTemp => F::StepCreateTemp,
        SaveStep::Write => F::StepWrite,
        SaveStep::Sync => F::StepSync,
        SaveStep::Replace => F::StepReplace,
        SaveStep::Link => F::StepLink,
        SaveStep::SyncFolder => F::StepSyncFolder,
        SaveStep::Permissions => W::StepPermissions,
        SaveStep::Lock => W::StepLock,
    }
}

fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 { format!("{} MB", bytes >> 20) } else { format!("{} KB", bytes.div_ceil(1024)) }
}

impl Failure {
    /// What went wrong, without the file: for the status line, where the
    /// file is already named.
    pub fn what(&self, lang: Lang) -> String {
        use FailureKind as K;
        let t = |m: Msg| m.get(lang).to_string();
        let at = |line: &usize, column: &usize| {
            format!("{} {line}, {} {column}", F::Line.get(lang), F::Column.get(lang))
        };
        let text = match &self.kind {
            K::NotFound => t(F::FileNotFound),
            K::Unreadable(c) => format!("{}: {}", t(F::CannotRead), cause(lang, c)),
            K::TooLarge { bytes, limit } => {
                format!("{} ({}; {} {})", t(F::FileTooLarge), size(*bytes), t(F::Limit), size(*limit))
            }
            K::NotUtf8 { line, column } => format!("{}: {}", at(line, column), t(F::NotUtf8)),
            K::Syntax { line, column, detail } => format!("{}: {detail}", at(line, column)),
            K::TooDeep { line, column } => format!("{}: {}", at(line, column), t(F::TooDeep)),
            K::NotASession { found: None } => t(F::NotASession),
            K::NotASession { found: Some(f) } => format!("{} (\"format\": {f})", t(F::NotASession)),
            K::NewerVersion { found, supported } => t(F::NewerVersion)
                .replace("{found}", &found.to_string())
                .replace("{supported}", &supported.to_string()),
            K::BadVersion => t(F::BadVersion),
            K::Field { path, detail } => format!("{path}: {detail}"),
            K::Rules { first, more: 0 } => first.clone(),
            K::Rules { first, more } => {
                format!("{first} ({})", t(F::AndMore).replace("{n}", &more.to_string()))
            }
            K::NotSaved { .. }
            | K::Encode(_)
            | K::RoundTrip(_)
            | K::NoFreeName(_)
            | K::NoBackup { .. }
            | K::Gone
            | K::ChangedUnreadable(_)
            | K::OtherSession(_)
            | K::LockTaken
            | K::Unsafe { .. } => {
                format!("{}: {}", t(F::NotSaved), self.reason(lang))
            }
            K::FolderNotFlushed(c) => format!("{} ({})", t(F::FolderNotFlushed), cause(lang, c)),
            K::Lock(c) => format!("{}: {}", t(F::NoLock), cause(lang, c)),
            K::Refused(DomainError::Empty(what)) => format!("{what}: {}", t(F::MayNotBeEmpty)),
            K::Refused(DomainError::UnknownParty(id)) => format!("{}: {id}", t(F::UnknownParty)),
            K::Refused(DomainError::NotFound(_)) => t(F::UnknownItem),
            K::Refused(DomainError::SamePhase) => t(Msg::AlreadyInPhase),
            K::Refused(DomainError::Conflict(why)) => format!("{}: {why}", t(W::CannotSettle)),
            K::Refused(DomainError::Meeting(e)) => crate::i18n::meeting_error(lang, e).to_string(),
            K::Refused(DomainError::ScoreOutOfRange(n)) => format!("{}: {n}", t(F::ScoreRange)),
            K::SaveTimedOut => format!("{}: {}", t(F::NotSaved), t(F::TimedOut)),
            K::ExportRefused(why) => format!("{}: {}", t(W::ExportNotWritten), t(*why)),
        };
        safe_line(&text).into_owned()
    }

    /// Why a save did not happen, without "not saved" (the status line says
    /// that already); for other failures the same as [`Failure::what`].
    pub fn reason(&self, lang: Lang) -> String {
        use FailureKind as K;
        let t = |m: Msg| m.get(lang).to_string();
        let text = match &self.kind {
            K::NotSaved { step: s, cause: c } => {
                format!("{} ({} {})", cause(lang, c), t(F::While), t(step(*s)))
            }
            K::Encode(m) => format!("{} ({m})", t(F::Encode)),
            K::RoundTrip(m) => format!("{} ({m})", t(F::RoundTrip)),
            K::NoFreeName(n) => t(F::NoFreeName).replace("{n}", &n.to_string()),
            K::Gone => t(W::Gone),
            K::ChangedUnreadable(why) => {
                let why = Failure::new(None, (**why).clone()).what(lang);
                format!("{} ({why})", t(W::ChangedUnreadable))
            }
            K::OtherSession(id) => t(W::OtherSession).replace("{id}", id),
            K::LockTaken => t(W::LockTaken),
            K::Unsafe { what, n } => what.get(lang).replace("{n}", &n.to_string()),
            K::NoBackup { version, cause: c } => {
                format!("{}: {}", t(F::NoBackup).replace("{version}", &version.to_string()), cause(lang, c))
            }
            _ => return self.what(lang),
        };
        safe_line(&text).into_owned()
    }

    /// The whole message: the file, then what went wrong. One line, safe to
    /// show in a terminal.
    pub fn describe(&self, lang: Lang) -> String {
        match &self.path {
            Some(p) => format!("{}: {}", safe_line(&p.to_string_lossy()), self.what(lang)),
            None => self.what(lang),
        }
    }
}
