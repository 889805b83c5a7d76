//! Reading a library folder for `brief DIR`: the briefings in it, newest first, with
//! what each holds and how much of it is unread. Files that fail to load are listed with
//! their first error, not hidden. Reopened, the list comes from the library's index
//! (`Library::list_from_index`): a file unchanged since it was indexed is not read.
//! The library's state and keys are `app::library`.

use crate::app::library::{FileRecord, Library, LibraryEntry, Summary};
use crate::load::{self, diag::escape};
use crate::model::date::PartialDate;
use crate::run::store::{self, Store};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// One file for the list, for `Library::add`: read by `Pending`'s thread, or given by
/// the index's once it is up to date (`send_indexed`).
#[derive(Debug)]
pub struct ReadFile(PathBuf, FileRecord, bool);

/// Files listed but not known yet (new, or changed since last read or indexed), with
/// their size and time when they could be looked at.
pub type Later = Vec<(PathBuf, Option<(SystemTime, u64)>)>;

/// The files of a folder still to read, read one by one on a thread of their own: the
/// library is on screen, and answers keys (`q` included), meanwhile.
#[derive(Debug)]
pub struct Pending(std::sync::mpsc::Receiver<ReadFile>);

impl Pending {
    /// Reads `later` on a thread of its own.
    pub fn start(later: Later) -> Option<Self> {
        if later.is_empty() {
            return None;
        }
        let (tx, pending) = Self::channel();
        std::thread::Builder::new()
            .name("brief-library".into())
            .spawn(move || {
                for (path, stamp) in later {
                    // The library is gone (quit, a briefing opened): stop reading.
                    if tx.send(read(path, stamp)).is_err() {
                        return;
                    }
                }
            })
            .ok()
            .map(|_| pending)
    }

    /// A `Pending` that another thread fills (`send_indexed`: the index's, once it
    /// is up to date).
    pub fn channel() -> (std::sync::mpsc::Sender<ReadFile>, Self) {
        let (tx, rx) = std::sync::mpsc::channel();
        (tx, Self(rx))
    }

    /// The files read since last asked, without waiting.
    pub fn ready(&self) -> Vec<ReadFile> {
        self.0.try_iter().collect()
    }
}

impl Library {
    /// Reads every `*.toml` file of `dir` and its subfolders. `store` gives the read
    /// state for the unread counts.
    pub fn scan(dir: &Path, store: Option<&Store>) -> Result<Self, String> {
        Self::scan_again(dir, store, HashMap::new())
    }

    /// Lists `dir` at once, with the files this library read before and that have not
    /// changed (`before`, a rescan); the others are read by a thread, and `add`ed as
    /// they come (`Pending::ready`).
    pub fn scan_later(
        dir: &Path,
        store: Option<&Store>,
        before: Option<&Library>,
    ) -> Result<(Self, Option<Pending>), String> {
        let (lib, later) = Self::list_known(dir, store, before)?;
        Ok((lib, Pending::start(later)))
    }

    /// Lists `dir` at once, with the files this library read before and that have not
    /// changed (`before`, a rescan); the others are left to the caller (`Later`): the
    /// library's index reads them as it brings itself up to date (`send_indexed`),
    /// so a changed file is parsed once, not once for the list and once for the index.
    pub fn list_known(
        dir: &Path,
        store: Option<&Store>,
        before: Option<&Library>,
    ) -> Result<(Self, Later), String> {
        let known = before.map(|b| b.records.clone()).unwrap_or_default();
        Self::scan_known(dir, store, known)
    }

    /// Lists `dir` at once from what its index holds (`listing`): a file whose size
    /// and time are those it was indexed with is not read; the others (changed, new,
    /// not loading: their whole report is read again) are left to the caller, as
    /// `list_known` does. The same list as `scan`, without reading an unchanged file.
    pub fn list_from_index(
        dir: &Path,
        store: Option<&Store>,
        listing: Vec<crate::corpus::Listed>,
    ) -> Result<(Self, Later), String> {
        Self::scan_known(dir, store, indexed_records(dir, listing))
    }

    /// Lists `dir` with the records already known (`known`, by path): the others are
    /// `Later`.
    fn scan_known(
        dir: &Path,
        store: Option<&Store>,
        mut known: HashMap<PathBuf, FileRecord>,
    ) -> Result<(Self, Later), String> {
        let (paths, problems) = list(dir)?;
        let mut lib = Self::empty(dir);
        lib.notice = problems_notice(&problems);
        let mut later = Vec::new();
        for path in paths {
            let stamp = stamp(&path);
            match known.remove(&path).filter(|r| Some(r.stamp) == stamp) {
                Some(r) => {
                    lib.entries.push(entry(dir, path.clone(), &r, store));
                    lib.records.insert(path, r);
                }
                None => later.push((path, stamp)),
            }
        }
        lib.entries.sort_by_key(order);
        (lib.unread_files, lib.to_read) = (later.len(), later.len());
        Ok((lib, later))
    }

    /// A file the thread read: listed in its place. A selection moved off the top
    /// stays on its file; at the top, it stays at the top (the newest briefing).
    pub fn add(&mut self, file: ReadFile, store: Option<&Store>) {
        let ReadFile(path, r, keep) = file;
        let selected = (self.list.selected > 0)
            .then(|| self.shown().get(self.list.selected).map(|e| e.path.clone()))
            .flatten();
        self.entries.push(entry(&self.dir, path.clone(), &r, store));
        self.entries.sort_by_key(order);
        if keep {
            self.records.insert(path, r);
        }
        self.unread_files = self.unread_files.saturating_sub(1);
        if let Some(p) = selected {
            self.list.selected = self.shown().iter().position(|e| e.path == p).unwrap_or(0);
        }
        self.list.fit(self.shown().len(), self.visible());
    }

    /// Lists the folder again (back from a briefing, Ctrl-r): files unchanged since
    /// this library read them are not read again; their unread counts are counted
    /// afresh from the store.
    pub fn rescan(&self, store: Option<&Store>) -> Result<Self, String> {
        Self::scan_again(&self.dir, store, self.records.clone())
    }

    fn scan_again(
        dir: &Path,
        store: Option<&Store>,
        mut before: HashMap<PathBuf, FileRecord>,
    ) -> Result<Self, String> {
        let (paths, problems) = list(dir)?;
        let mut read = HashMap::with_capacity(paths.len());
        let mut entries = Vec::with_capacity(paths.len());
        for path in paths {
            let stamp = stamp(&path);
            let known = before.remove(&path).filter(|r| Some(r.stamp) == stamp);
            // Without a stamp (it cannot be looked at) it is read for its error, and
            // not kept.
            let r = known
                .unwrap_or_else(|| read_file(&path, stamp.unwrap_or((SystemTime::UNIX_EPOCH, 0))));
            entries.push(entry(dir, path.clone(), &r, store));
            if stamp.is_some() {
                read.insert(path, r);
            }
        }
        entries.sort_by_key(order);
        Ok(Self {
            entries,
            records: read,
            notice: problems_notice(&problems),
            ..Self::empty(dir)
        })
    }
}

/// The `*.toml` files of `dir` and its subfolders (the corpus walk: bounded depth,
/// link loops and unreadable folders skipped), sorted by path, and what got in the
/// way. Only the folder itself not listing is an error.
fn list(dir: &Path) -> Result<(Vec<PathBuf>, Vec<String>), String> {
    let listing = std::fs::read_dir(dir).map_err(|e| {
        format!(
            "{}: cannot list the folder: {e}",
            escape(&dir.display().to_string())
        )
    })?;
    let walk = crate::corpus::walk::walk(dir, &crate::corpus::walk::Fs);
    let mut paths: Vec<PathBuf> = walk.files.into_iter().map(|f| f.path).collect();
    // The walk takes regular files only (the index reads them all); the list also
    // shows the folder's own other `*.toml` entries (a FIFO, a link to a device, a
    // broken link) with the error reading them gives, rather than hide them.
    paths.extend(
        listing
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|x| x == "toml")
                    && !std::fs::metadata(p).is_ok_and(|m| m.is_file() || m.is_dir())
            }),
    );
    paths.sort();
    Ok((paths, walk.problems))
}

/// The status line's word on folders the walk could not read (already escaped).
fn problems_notice(problems: &[String]) -> Option<String> {
    let first = problems.first()?;
    Some(match problems.len() {
        1 => first.clone(),
        n => format!("{first} (and {} more)", n - 1),
    })
}

/// Newest first; undated after dated; files that fail to load last; then by name.
fn order(e: &LibraryEntry) -> (u8, std::cmp::Reverse<Option<PartialDate>>, PathBuf) {
    match &e.info {
        Ok(s) => (
            u8::from(s.published.is_none()),
            std::cmp::Reverse(s.published),
            e.path.clone(),
        ),
        Err(_) => (2, std::cmp::Reverse(None), e.path.clone()),
    }
}

/// A file's time of change and length, or `None` if it cannot be read (then it is
/// read every time, to say why).
fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}

/// The records the index holds, by path (those `indexed_record` takes).
fn indexed_records(
    dir: &Path,
    listing: Vec<crate::corpus::Listed>,
) -> HashMap<PathBuf, FileRecord> {
    listing
        .into_iter()
        .filter_map(|l| Some((dir.join(&l.stamp.path), indexed_record(l)?)))
        .collect()
}

/// Sends the files of `later` as the index `ix` holds them, now that it is up to date
/// (it parsed them): a file the index holds as it is now is not read again; one it
/// cannot give (it does not load, and the list shows its whole report; it changed
/// again since) is read here. Every file of `later` is sent, the index or not.
pub fn send_indexed(
    ix: Option<&crate::corpus::Index>,
    dir: &Path,
    later: Later,
    tx: &std::sync::mpsc::Sender<ReadFile>,
) {
    // Only the rows of these files: not the whole listing, which the list has.
    let rels: Vec<String> = later
        .iter()
        .filter_map(|(p, _)| Some(p.strip_prefix(dir).ok()?.to_str()?.to_owned()))
        .collect();
    let rels: Vec<&str> = rels.iter().map(String::as_str).collect();
    let mut known = ix
        .and_then(|ix| ix.listing_of(&rels).ok())
        .map(|listing| indexed_records(dir, listing))
        .unwrap_or_default();
    for (path, stamp) in later {
        let now = stamp.is_some().then(|| self::stamp(&path)).flatten();
        let file = match known.remove(&path).filter(|r| Some(r.stamp) == now) {
            Some(r) => ReadFile(path, r, true),
            None => read(path, stamp),
        };
        // The library is gone (quit, a briefing opened): stop.
        if tx.send(file).is_err() {
            return;
        }
    }
}

/// Reads one file for the list; kept only with a stamp (without one it is read every
/// time).
fn read(path: PathBuf, stamp: Option<(SystemTime, u64)>) -> ReadFile {
    let r = read_file(&path, stamp.unwrap_or((SystemTime::UNIX_EPOCH, 0)));
    ReadFile(path, r, stamp.is_some())
}

/// What the index holds of a file, as a record of this list: `None` when the file
/// must be read (it does not load, and the list shows its whole report; or it was
/// indexed so soon after a change that another change may have kept its size and
/// time: `corpus::store::RACY_NS`).
fn indexed_record(l: crate::corpus::Listed) -> Option<FileRecord> {
    let b = l.briefing?;
    let s = &l.stamp;
    if s.mtime <= 0 || !s.same(s.size, s.mtime) {
        return None;
    }
    let mtime = SystemTime::UNIX_EPOCH
        .checked_add(std::time::Duration::from_nanos(s.mtime.cast_unsigned()))?;
    // Stored by the index from a date it parsed: one that does not parse back is a
    // damaged row, read from the file instead.
    let published = match b.published.as_deref().map(PartialDate::parse) {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(_)) => return None,
    };
    Some(FileRecord {
        stamp: (mtime, s.size),
        info: Ok(Summary {
            title: b.title,
            source: b.source,
            published,
            sections: b.sections,
            quotes: b.quotes,
            unread: None,
            tags: b.tags,
        }),
        errors: Vec::new(),
        key: b.place_key,
        quote_ids: b.quote_ids,
    })
}

/// Reads and loads one file.
fn read_file(path: &Path, stamp: (SystemTime, u64)) -> FileRecord {
    match load::load_path(path) {
        Ok(loaded) => {
            let b = &loaded.briefing;
            FileRecord {
                stamp,
                info: Ok(Summary {
                    title: b.meta.title.clone(),
                    source: b.meta.source.clone(),
                    published: b.meta.published,
                    sections: b.sections.len(),
                    quotes: b.quotes.len(),
                    unread: None,
                    tags: b.meta.tags.clone(),
                }),
                errors: Vec::new(),
                key: store::key(b, &store::id_less_text(b, Some(path))),
                quote_ids: b.quotes.iter().map(|q| q.id.clone()).collect(),
            }
        }
        Err(report) => FileRecord {
            stamp,
            info: Err(report.first_error()),
            errors: report.render().lines().map(str::to_owned).collect(),
            key: String::new(),
            quote_ids: Vec::new(),
        },
    }
}

/// The list's entry for a file: what was read of it, with its unread count from the
/// store.
fn entry(dir: &Path, path: PathBuf, r: &FileRecord, store: Option<&Store>) -> LibraryEntry {
    // Below the library folder: a briefing of a subfolder shows which.
    let name = escape(&path.strip_prefix(dir).unwrap_or(&path).to_string_lossy());
    let info = r.info.clone().map(|mut summary| {
        summary.unread = store.and_then(|s| s.place(&r.key)).map(|place| {
            // A set: a long briefing read through has as many read ids as quotes.
            let read: HashSet<&str> = place.read_quotes.iter().map(String::as_str).collect();
            r.quote_ids
                .iter()
                .filter(|id| !read.contains(id.as_str()))
                .count()
        });
        summary
    });
    LibraryEntry {
        path,
        name,
        info,
        errors: r.errors.clone(),
    }
}
