//! TEMPORARY stand-in while the real storage layer is built on its branch.
pub mod journal;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::{Phase, Session, Temperature};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub title: String,
    pub meeting_date: NaiveDate,
    pub phase: Phase,
    pub parties: usize,
    pub open_agreements: usize,
    pub overdue_agreements: usize,
    pub latest_temperature: Option<Temperature>,
}

impl Summary {
    pub fn of(s: &Session, today: NaiveDate) -> Summary {
        Summary {
            title: s.title.clone(),
            meeting_date: s.meeting_date,
            phase: s.phase,
            parties: s.parties.len(),
            open_agreements: s.open_agreements().count(),
            overdue_agreements: s.overdue_agreements(today).count(),
            latest_temperature: s.latest_temperature().map(|t| t.level),
        }
    }
}

pub struct Loaded {
    pub session: Session,
    pub migrated_from: Option<u32>,
}

#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub message: String,
}
impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError { path: path.into(), message: e.to_string() })?;
    let session: Session = serde_json::from_slice(&bytes)
        .map_err(|e| LoadError { path: path.into(), message: e.to_string() })?;
    Ok(Loaded { session, migrated_from: None })
}

#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct SaveError {
    pub path: String,
    pub message: String,
}

pub fn save(path: &Path, session: &Session) -> Result<(), SaveError> {
    let mut bytes = serde_json::to_vec_pretty(session).unwrap();
    bytes.push(b'\n');
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| SaveError { path: path.display().to_string(), message: e.to_string() })?;
    std::io::Write::write_all(&mut tmp, &bytes)
        .map_err(|e| SaveError { path: path.display().to_string(), message: e.to_string() })?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| SaveError { path: path.display().to_string(), message: e.to_string() })?;
    tmp.persist(path).map_err(|e| SaveError { path: path.display().to_string(), message: e.to_string() })?;
    Ok(())
}

pub fn create_new(dir: &Path, session: &Session) -> Result<PathBuf, SaveError> {
    let base = format!("{}-{}", session.meeting_date, slug(&session.title));
    let mut n = 1;
    loop {
        let name = if n == 1 { format!("{base}.json") } else { format!("{base}-{n}.json") };
        let p = dir.join(name);
        if !p.exists() {
            save(&p, session)?;
            return Ok(p);
        }
        n += 1;
    }
}

pub enum LockOutcome {
    Acquired(SessionLock),
    HeldElsewhere,
}
pub struct SessionLock(#[allow(dead_code)] std::fs::File);

pub fn lock(path: &Path) -> std::io::Result<LockOutcome> {
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let lp = path.with_file_name(format!(".{name}.lock"));
    let f = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(lp)?;
    match f.try_lock() {
        Ok(()) => Ok(LockOutcome::Acquired(SessionLock(f))),
        Err(std::fs::TryLockError::WouldBlock) => Ok(LockOutcome::HeldElsewhere),
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

pub fn ensure_sessions_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

pub fn session_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json")
                && !p.file_name().unwrap().to_string_lossy().starts_with('.')
        })
        .collect();
    v.sort();
    Ok(v)
}

pub fn clean_stale_temp_files(_dir: &Path) -> std::io::Result<usize> {
    Ok(0)
}

pub fn slug(title: &str) -> String {
    let s: String =
        title.to_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let s = s.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
    if s.is_empty() { "sessie".into() } else { s }
}

pub fn write_export(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut tmp, bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
