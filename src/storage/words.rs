//! The words of storage (issue 8), in Dutch and English: refusals, reasons
//! for read-only, what came in from outside. Kept here, beside the code
//! that needs them, through the shared message table macro.

crate::messages! { pub struct W {
    NeedsTerminal => "kompas heeft een terminal nodig voor zijn schermen, en invoer of uitvoer is nu geen terminal; er is niets gemaakt. Zonder terminal schrijft `kompas export BESTAND --format md` een sessie als tekst; terugkijken kan met `kompas review BESTAND` in een terminal.", "kompas needs a terminal for its screens, and its input or output is not one now; nothing was created. Without a terminal, `kompas export FILE --format md` writes a session as text; to look back, run `kompas review FILE` in a terminal.";
    ExportNotWritten => "niet geschreven", "not written";
    ExportIsTheSession => "dat is de sessie zelf", "that is the session itself";
    ExportIsASession => "dat is een sessiebestand van kompas", "that is a kompas session file";
    ExportIsAFolder => "dat is een map", "that is a folder";
    ExportNotAFile => "dat is geen gewoon bestand (een apparaat, pijp of socket)", "that is not a regular file (a device, pipe or socket)";
    ExportIsALink => "dat is een symbolische koppeling", "that is a symbolic link";
    ExportExists => "het bestand bestaat al (vervangen: --force)", "the file exists (to replace it: --force)";
    NotRegular => "het is geen gewoon bestand (een map, apparaat of pijp)", "it is not a regular file (a folder, device or pipe)";
    HardLinked => "het bestand heeft {n} namen (harde koppelingen); vervangen zou ze uit elkaar halen", "the file has {n} names (hard links); replacing it would split them";
    PlantedLink => "er staat een symbolische koppeling in de weg; kompas schrijft er niet doorheen", "a symbolic link is in the way; kompas does not write through it";
    AppearedMeanwhile => "intussen verscheen een bestand met die naam", "a file of that name appeared meanwhile";
    StepPermissions => "het nieuwe bestand de rechten van het oude geven", "giving the new file the old one's permissions";
    StepLock => "het nieuwe bestand vergrendelen", "locking the new file";
    Gone => "het bestand is buiten kompas verwijderd; je werk staat veilig in het geheugen", "the file was deleted outside kompas; your work is safe in memory";
    ChangedUnreadable => "het bestand is buiten kompas gewijzigd en nu niet te lezen; er is niets overheen geschreven", "the file was changed outside kompas and cannot be read now; nothing was written over it";
    OtherSession => "het bestand bevat nu een andere sessie ({id}); die van jou staat veilig in het geheugen", "the file now holds another session ({id}); yours is safe in memory";
    LockTaken => "een andere kompas heeft het slot van dit bestand overgenomen; kompas schrijft er niet meer in. Je werk staat veilig in het geheugen en gaat bij afsluiten naar een herstelbestand", "another kompas has taken over this file's lock; kompas no longer writes to it. Your work is safe in memory and goes to a recovery file when you quit";
    CannotSettle => "het conflict kan zo niet worden opgelost", "the conflict cannot be settled that way";
} }
