//! The reader's remembered place per briefing: section, scroll, filter, read marks and
//! stars, kept in one versioned JSON file in the platform's state directory.
//!
//! Writes are atomic (a temporary file in the same folder, fsync, rename), so a crash
//! or a full disk never leaves a half-written file. A file that cannot be read back
//! (corrupt, truncated, from a future version) is moved aside, never overwritten, and
//! the reader starts from defaults with a warning.

pub use crate::app::place::SavedPlace;
use crate::load::source::{self, ReadError};
use crate::model::Briefing;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// The state file's format version; a file with a larger one is set aside.
pub const VERSION: u32 = 1;
const FILE: &str = "state.json";
/// The largest state file read (or written). The read is bounded, like a briefing's,
/// so a state file linked to `/dev/zero` cannot exhaust memory. A briefing of 280,000
/// quotes, every one read and starred, keeps about 12 MB.
pub const MAX_STATE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct File {
    version: u32,
    briefings: BTreeMap<String, SavedPlace>,
}

/// The state directory: `--state-dir`, then `BRIEF_STATE_DIR`, then
/// `$XDG_STATE_HOME/brief`, then `~/.local/state/brief`.
pub fn state_dir(flag: Option<&Path>) -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    flag.map(Path::to_path_buf)
        .or_else(|| env("BRIEF_STATE_DIR"))
        .or_else(|| env("XDG_STATE_HOME").map(|d| d.join("brief")))
        .or_else(|| env("HOME").map(|h| h.join(".local/state/brief")))
}

/// The key a briefing's place is filed under: its id, or a hash of its text
/// (`Briefing::place_key`, which the library's index computes too).
pub fn key(b: &Briefing, text: &str) -> String {
    b.place_key(text)
}

/// The text a briefing without an id is keyed by: its file's bytes (lossy: they are
/// only hashed). A briefing with an id, or the bundled one, needs none.
pub fn id_less_text(b: &Briefing, file: Option<&Path>) -> String {
    match file {
        Some(path) if b.meta.id.is_none() => source::read(path)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The state file in one directory, loaded.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    file: File,
}

impl Store {
    /// Opens the store; returns it and a warning if the old file had to be set aside.
    pub fn open(dir: &Path) -> (Self, Option<String>) {
        let path = dir.join(FILE);
        let empty = File {
            version: VERSION,
            briefings: BTreeMap::new(),
        };
        let mut store = Self {
            dir: dir.to_path_buf(),
            file: empty,
        };
        // Opened without blocking and checked to be a regular file: a FIFO or a
        // terminal here must not hang the start, nor a device fill the memory.
        let problem = match source::read_file(&path, MAX_STATE_BYTES, "the reading state") {
            Ok(bytes) => match serde_json::from_slice::<File>(&bytes) {
                Ok(f) if f.version <= VERSION => {
                    store.file = f;
                    return (store, None);
                }
                Ok(f) => format!("it is from a newer brief (version {})", f.version),
                Err(e) => format!("it is damaged ({e})"),
            },
            Err(ReadError::Missing) => return (store, None),
            Err(ReadError::Refused(why)) => format!("it {why}"),
            Err(ReadError::Failed(e)) => {
                let warning = format!("could not read {}: {e}; starting afresh", path.display());
                return (store, Some(crate::load::diag::escape(&warning)));
            }
        };
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let aside = dir.join(format!("{FILE}.corrupt-{stamp}"));
        let moved = fs::rename(&path, &aside).map_or_else(
            |e| format!("could not move it aside: {e}"),
            |()| format!("moved it to {}", aside.display()),
        );
        let warning = format!("state file {} not used: {problem}; {moved}", path.display());
        (store, Some(crate::load::diag::escape(&warning)))
    }

    pub fn place(&self, key: &str) -> Option<&SavedPlace> {
        self.file.briefings.get(key)
    }

    pub fn set(&mut self, key: String, place: SavedPlace) {
        self.file.briefings.insert(key, place);
    }

    /// Writes the file atomically. On any failure the old file stays as it was. The
    /// message's path is escaped: the state folder may come from the environment.
    pub fn save(&self) -> Result<(), String> {
        self.write().map_err(|e| crate::load::diag::escape(&e))
    }

    fn write(&self) -> Result<(), String> {
        let fail = |what: &str, e: std::io::Error| {
            format!(
                "could not save the reading state ({what} in {}): {e}",
                self.dir.display()
            )
        };
        fs::create_dir_all(&self.dir).map_err(|e| fail("creating the folder", e))?;
        let json = serde_json::to_vec_pretty(&self.file).map_err(|e| e.to_string())?;
        if json.len() as u64 > MAX_STATE_BYTES {
            // It could not be read back: keep the old file rather than lose it all.
            return Err(format!(
                "could not save the reading state in {}: it would be larger than the {} MiB limit",
                self.dir.display(),
                MAX_STATE_BYTES / 1024 / 1024
            ));
        }
        let tmp = self.dir.join(format!("{FILE}.tmp-{}", std::process::id()));
        let write = || -> std::io::Result<()> {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(&json)?;
            f.sync_all()?;
            fs::rename(&tmp, self.dir.join(FILE))?;
            // The rename itself is durable only once the folder is synced.
            if let Ok(d) = fs::File::open(&self.dir) {
                let _ = d.sync_all();
            }
            Ok(())
        };
        write().map_err(|e| {
            let _ = fs::remove_file(&tmp);
            fail("writing", e)
        })
    }
}

/// The advisory lock beside the state file, held around every read-merge-write.
const LOCK: &str = "state.json.lock";

/// How long a save waits for another `brief` to finish its own before saving anyway.
/// A lock is released when its holder dies, so only a save stuck on a slow disk can
/// hold it this long.
pub const LOCK_WAIT: Duration = Duration::from_secs(5);

/// Held by a save in this process from before the lock until after the rename: a
/// signal that ends the process waits for it (`saving`), so no save is cut short.
static SAVING: Mutex<()> = Mutex::new(());

/// Waits for a save under way in this process to end, and keeps any other from
/// starting while the guard lives: taken before the process ends by a signal.
pub fn saving() -> MutexGuard<'static, ()> {
    SAVING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Saves `place` under `key` in `dir`'s state file, keeping every other entry: under
/// the advisory lock (waiting at most `LOCK_WAIT` for another `brief`), the file is
/// read again, the one entry set, and the whole written atomically. Two processes
/// saving at once both keep their places.
pub fn save_place(dir: &Path, key: &str, place: SavedPlace) -> Result<(), String> {
    let _saving = saving();
    let fail = |what: &str, e: &dyn std::fmt::Display| {
        let message = format!(
            "could not save the reading state ({what} in {}): {e}",
            dir.display()
        );
        crate::load::diag::escape(&message)
    };
    fs::create_dir_all(dir).map_err(|e| fail("creating the folder", &e))?;
    let _lock = lock(dir).map_err(|e| fail("locking", &e))?;
    remove_stale_temporaries(dir);
    let (mut store, _) = Store::open(dir);
    store.set(key.to_owned(), place);
    store.save()
}

/// Removes the temporary files (`state.json.tmp-<pid>`) that saves of processes no
/// longer running left behind, killed in the middle of a save. Called under the lock;
/// a file of a process still running (even another user's) is left alone.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!("{FILE}.tmp-");
    for entry in entries.flatten() {
        let name = entry.file_name();
        let pid = name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|p| p.parse::<i32>().ok());
        if let Some(pid) = pid
            && pid != i32::try_from(std::process::id()).unwrap_or(0)
            && !running(pid)
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether a process `pid` exists (signal 0: no signal is sent).
fn running(pid: i32) -> bool {
    #[cfg(unix)]
    {
        let Some(pid) = rustix::process::Pid::from_raw(pid) else {
            return true;
        };
        rustix::process::test_kill_process(pid) != Err(rustix::io::Errno::SRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// The state folder's lock, taken (or, after `LOCK_WAIT`, not: then `None`, and the
/// save goes ahead unlocked rather than be lost). Released when dropped.
fn lock(dir: &Path) -> std::io::Result<Option<fs::File>> {
    #[cfg(unix)]
    use std::os::unix::fs::OpenOptionsExt;
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    // A FIFO or a device put in its place must not block the save either.
    #[cfg(unix)]
    options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    let file = options.open(dir.join(LOCK))?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other(format!(
            "{LOCK} is not a regular file"
        )));
    }
    let start = Instant::now();
    loop {
        match fs4::FileExt::try_lock(&file) {
            Ok(()) => return Ok(Some(file)),
            Err(fs4::TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(fs4::TryLockError::WouldBlock) => return Ok(None),
            Err(fs4::TryLockError::Error(e)) => return Err(e),
        }
    }
}
